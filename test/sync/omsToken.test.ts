// The OMS token stays with the OMS it was entered for: a capture server on
// 127.0.0.1 that a shift lead's session points the station at receives no
// token, and addresses that would hand the token to the wrong party are refused.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { OMS_TOKEN, plainFileSecretStore } from '../../src/main/core/sync/secretStore'
import { writeSyncSetting } from '../../src/main/core/sync/syncSettings'
import { omsUrlProblem } from '../../src/shared/omsUrl'
import { createOperators, openTestStation, snapshot, type TestStation } from '../core/helpers'
import { cleanup as cleanupSync, ok, refused } from './helpers'

const captures: Server[] = []
afterEach(async () => {
  await cleanupSync()
  await Promise.all(captures.splice(0).map((s) => new Promise((r) => s.close(r))))
})

const TOKEN = 'real-oms-token-0123456789'
const DANA = { badgeCode: 'OP-9001', pin: '1234' }

/** A listener that answers every request with an empty pull and records the headers it was sent. */
async function captureServer(): Promise<{ url: string; seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = []
  const server = createServer((req, res) => {
    seen.push(req.headers)
    req.resume()
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ orders: [], cursor: null, hasMore: false }))
  })
  captures.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, seen }
}

async function stationWithToken(): Promise<{ t: TestStation; real: { url: string; seen: IncomingHttpHeaders[] } }> {
  const t = openTestStation()
  createOperators(t)
  await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
  const real = await captureServer()
  const settings = { omsUrl: real.url, pullIntervalMinutes: 5, token: TOKEN, exportEnabled: false, exportFolder: null, approval: DANA }
  expect(await ok(t, 'sync:saveSettings', settings)).toMatchObject({ omsUrl: real.url, tokenStored: true })
  return { t, real }
}

const bearers = (seen: IncomingHttpHeaders[]) => seen.map((h) => h.authorization ?? null)

describe('the OMS token is bound to its OMS', () => {
  it('goes to the OMS it was entered for', async () => {
    const { t, real } = await stationWithToken()
    await ok(t, 'sync:now')
    expect(bearers(real.seen).length).toBeGreaterThan(0)
    expect(new Set(bearers(real.seen))).toEqual(new Set([`Bearer ${TOKEN}`]))
  })

  it('is cleared when the OMS address moves to another origin without a token, and never reaches the new address', async () => {
    const { t } = await stationWithToken()
    const mine = await captureServer()
    const moved = await ok(t, 'sync:saveSettings', {
      omsUrl: mine.url,
      pullIntervalMinutes: 5,
      exportEnabled: false,
      exportFolder: null,
      approval: DANA
    })
    expect(moved).toMatchObject({ omsUrl: mine.url, tokenStored: false })
    await ok(t, 'sync:now')
    expect(mine.seen.length).toBeGreaterThan(0)
    expect(bearers(mine.seen)).toEqual(mine.seen.map(() => null))
    // Pointing back does not bring it back: the token has to be entered again.
    const real = await captureServer()
    expect(
      await ok(t, 'sync:saveSettings', {
        omsUrl: real.url,
        pullIntervalMinutes: 5,
        exportEnabled: false,
        exportFolder: null,
        approval: DANA
      })
    ).toMatchObject({
      tokenStored: false
    })
  })

  it('stays when only the path of the same OMS changes', async () => {
    const { t, real } = await stationWithToken()
    const sameOrigin = `${real.url}/api`
    expect(
      await ok(t, 'sync:saveSettings', {
        omsUrl: sameOrigin,
        pullIntervalMinutes: 5,
        exportEnabled: false,
        exportFolder: null,
        approval: DANA
      })
    ).toMatchObject({
      tokenStored: true
    })
  })

  it('never goes to an address written into the settings behind the screens’ back', async () => {
    const { t } = await stationWithToken()
    const mine = await captureServer()
    writeSyncSetting(t.db, 'oms', { baseUrl: mine.url })
    await ok(t, 'sync:now')
    expect(mine.seen.length).toBeGreaterThan(0)
    expect(bearers(mine.seen)).toEqual(mine.seen.map(() => null))
  })

  it('never appears in the settings, the status or an error the screens see', async () => {
    const { t, real } = await stationWithToken()
    await captures[0].close()
    await ok(t, 'operators:signIn', DANA)
    const seen = JSON.stringify([
      await ok(t, 'sync:settings'),
      await ok(t, 'sync:status'),
      await ok(t, 'sync:now'),
      await ok(t, 'sync:status')
    ])
    expect(seen).not.toContain(TOKEN)
    expect(real.url).toBeTruthy()
  })

  it('binds a token stored by an earlier version to the OMS address saved with it', async () => {
    const t = openTestStation()
    const store = plainFileSecretStore(t.dataDir)
    const real = await captureServer()
    writeSyncSetting(t.db, 'oms', { baseUrl: real.url })
    store.set(OMS_TOKEN, TOKEN)
    t.close()
    const again = openTestStation(t.dataDir)
    createOperators(again)
    await ok(again, 'operators:signIn', { badgeCode: 'OP-1001' })
    await ok(again, 'sync:now')
    expect(new Set(bearers(real.seen))).toEqual(new Set([`Bearer ${TOKEN}`]))
    expect(store.get(OMS_TOKEN)).not.toBe(TOKEN)
  })
})

describe('export folders', () => {
  it.each([
    ['/proc/self/x', /inside \/proc/],
    ['relative/outbox', /must be a full path/]
  ])('refuses %s through sync:saveSettings and changes nothing', async (folder, message) => {
    const t = openTestStation()
    createOperators(t)
    await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
    const before = snapshot(t.sqlite)
    const settings = { omsUrl: null, pullIntervalMinutes: 5, exportEnabled: true, exportFolder: folder, approval: DANA }
    const refusal = await refused(t, 'sync:saveSettings', settings)
    expect(refusal.code).toBe('invalid_settings')
    expect(refusal.message).toMatch(message)
    expect(snapshot(t.sqlite)).toEqual(before)
  })
})

describe('OMS addresses', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data', /link-local or cloud-metadata/],
    ['http://metadata.google.internal/', /link-local or cloud-metadata/],
    ['https://169.254.10.1/', /link-local/],
    ['https://[fe80::1]/', /link-local/],
    ['http://user:pw@10.0.0.1/', /user name or password/],
    ['https://user@oms.example.com/', /user name or password/],
    ['http://10.0.0.1/', /must start with https:\/\//],
    ['http://oms.example.com/', /must start with https:\/\//],
    ['ftp://oms.example.com/', /must start with https:\/\//],
    ['http://0.0.0.0:8080/', /0\.0\.0\.0/],
    ['not a url', /full address/]
  ])('refuses %s', async (url, message) => {
    expect(omsUrlProblem(url)).toMatch(message)
    const t = openTestStation()
    createOperators(t)
    await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
    await ok(t, 'sync:saveSettings', { omsUrl: null, pullIntervalMinutes: 5, exportEnabled: false, exportFolder: null, approval: DANA })
    const before = snapshot(t.sqlite)
    const refusal = await refused(t, 'sync:saveSettings', {
      omsUrl: url,
      pullIntervalMinutes: 5,
      exportEnabled: false,
      exportFolder: null,
      approval: DANA
    })
    expect(refusal.code).toBe('invalid_arguments')
    expect(refusal.message).toMatch(message)
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it.each([
    'https://oms.example.com',
    'https://oms.example.com:8443/api',
    'http://127.0.0.1:9100',
    'http://localhost:8080',
    'http://[::1]:8080'
  ])('accepts %s', (url) => {
    expect(omsUrlProblem(url)).toBeNull()
  })
})
