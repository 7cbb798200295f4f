// SPEC §10: the station's language is a station setting a shift lead changes with an approval; the screens
// read it before anyone signs in (app:info).
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import type { Channel, Envelope } from '../../src/shared/contract'
import { cleanup, createOperators, openTestStation, snapshot, type TestStation } from '../core/helpers'

afterEach(cleanup)

const call = (t: TestStation, channel: Channel, args: unknown): Promise<Envelope<unknown>> => dispatch(t.handlers, channel, args, () => {})
const value = <T>(e: Envelope<unknown>): T => {
  expect(e.ok).toBe(true)
  return (e as { value: T }).value
}
const APPROVAL = { badgeCode: 'OP-9001', pin: '1234' }
const SCANNING = { handEntryPolicy: 'allowed', feedbackVolume: 0.5, operatorSignInPin: false }

describe("the station's language", () => {
  it('is English until a shift lead sets Polish, and the sign-in screen reads it', async () => {
    const t = openTestStation()
    createOperators(t)
    expect(value<{ language: string }>(await call(t, 'app:info', {})).language).toBe('en')
    await call(t, 'operators:signIn', { badgeCode: 'OP-9001', pin: '1234' })
    const saved = value<{ language: string }>(await call(t, 'settings:saveStation', { ...SCANNING, language: 'pl', approval: APPROVAL }))
    expect(saved.language).toBe('pl')
    await call(t, 'operators:signOut', {})
    expect(value<{ language: string }>(await call(t, 'app:info', {})).language).toBe('pl')
  })

  it('stays as it is when a save does not name it, and a language the station does not ship is refused', async () => {
    const t = openTestStation()
    createOperators(t)
    await call(t, 'operators:signIn', { badgeCode: 'OP-9001', pin: '1234' })
    value(await call(t, 'settings:saveStation', { ...SCANNING, language: 'pl', approval: APPROVAL }))
    expect(value<{ language: string }>(await call(t, 'settings:saveStation', { ...SCANNING, approval: APPROVAL })).language).toBe('pl')
    const before = snapshot(t.sqlite)
    const refused = await call(t, 'settings:saveStation', { ...SCANNING, language: 'de', approval: APPROVAL })
    expect(refused.ok).toBe(false)
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it("an operator's own language comes with their sign-in; null gives them the station's again", async () => {
    const t = openTestStation()
    const { op } = createOperators(t)
    await call(t, 'operators:signIn', { badgeCode: 'OP-9001', pin: '1234' })
    const changed = value<{ language: string | null }>(
      await call(t, 'operators:update', { operatorId: op.id, language: 'pl', approval: APPROVAL })
    )
    expect(changed.language).toBe('pl')
    expect(value<{ language: string | null }>(await call(t, 'operators:signIn', { badgeCode: 'OP-1001' })).language).toBe('pl')
    expect(value<{ language: string | null }>(await call(t, 'operators:current', {})).language).toBe('pl')
    await call(t, 'operators:signIn', { badgeCode: 'OP-9001', pin: '1234' })
    value(await call(t, 'operators:update', { operatorId: op.id, language: null, approval: APPROVAL }))
    expect(value<{ language: string | null }>(await call(t, 'operators:signIn', { badgeCode: 'OP-1001' })).language).toBeNull()
  })
})
