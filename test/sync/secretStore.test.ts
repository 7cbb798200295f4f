// The plain-file token store used where no system keychain exists: readable by
// this user only, replaced atomically, removable; and the status says it is unencrypted.
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { OMS_TOKEN, plainFileSecretStore } from '../../src/main/core/sync/secretStore'
import { createOperators, makeDataDir, openTestStation } from '../core/helpers'
import { cleanup, ok, refused } from './helpers'

afterEach(cleanup)

describe('OMS token store', () => {
  it('keeps the token in a 0600 file, replaces and removes it', () => {
    const dir = makeDataDir()
    const store = plainFileSecretStore(dir)
    expect(store.get(OMS_TOKEN)).toBeNull()
    store.set(OMS_TOKEN, 'first')
    store.set(OMS_TOKEN, 'second')
    expect(store.get(OMS_TOKEN)).toBe('second')
    if (process.platform !== 'win32') expect(statSync(join(dir, 'oms-token.secret')).mode & 0o777).toBe(0o600)
    store.set(OMS_TOKEN, null)
    expect(store.get(OMS_TOKEN)).toBeNull()
  })

  it('lets only a shift lead set the token, and the status warns that it is unencrypted', async () => {
    const t = openTestStation()
    const { lead, op } = createOperators(t)
    const approval = { badgeCode: lead.badgeCode, pin: '1234' }
    const settings = {
      omsUrl: 'http://127.0.0.1:9',
      pullIntervalMinutes: 5,
      token: 'abc',
      exportEnabled: false,
      exportFolder: '',
      approval
    }
    await ok(t, 'operators:signIn', { operatorId: op.id })
    const byOperator = { ...settings, approval: { badgeCode: op.badgeCode, pin: '1234' } }
    expect(await refused(t, 'sync:saveSettings', byOperator)).toMatchObject({ code: 'shift_lead_only' })
    expect(await ok(t, 'sync:saveSettings', settings)).toMatchObject({
      omsUrl: 'http://127.0.0.1:9',
      tokenStored: true,
      tokenEncrypted: false
    })
    expect(await ok(t, 'sync:status')).toMatchObject({ configured: true, tokenWarning: expect.stringContaining('unencrypted') })
    expect(await refused(t, 'sync:saveSettings', { ...settings, omsUrl: 'ftp://oms' })).toMatchObject({ code: 'invalid_arguments' })
    expect(await refused(t, 'sync:saveSettings', { ...settings, exportEnabled: true, exportFolder: 'relative/path' })).toMatchObject({
      code: 'invalid_settings'
    })
  })
})
