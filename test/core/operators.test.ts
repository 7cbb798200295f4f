// Operators (SPEC §2): sign-in by badge or name and switching operator; the
// shift lead's management of operators, every change approved with a shift
// lead's badge and PIN and logged; refusals that change nothing.
import { afterEach, describe, expect, it } from 'vitest'
import type { OperatorRecord } from '../../src/shared/operators'
import type { Operator } from '../../src/shared/operators'
import { cleanup, count, createOperators, openTestStation, snapshot } from './helpers'
import { DANA, eventsOfType, leadSignedIn, ok, refused } from './operatorsFixtures'

afterEach(cleanup)

const OLA = { name: 'Ola Berg', badgeCode: 'OP-9002', role: 'shift_lead', pin: '5555' } as const
const row = (t: ReturnType<typeof openTestStation>, id: number) =>
  t.sqlite.prepare('select name, badge_code, role, pin_hash, active from operators where id = ?').get(id) as {
    name: string
    badge_code: string
    role: string
    pin_hash: string | null
    active: number
  }

describe('sign-in', () => {
  it('signs in by badge or by name, and switches operator without signing out', async () => {
    const t = openTestStation()
    const { lead, op } = createOperators(t)
    expect(await ok(t, 'operators:signIn', { badgeCode: ' OP-1001 ' })).toEqual(op)
    expect(await ok(t, 'operators:current')).toEqual(op)

    expect((await refused(t, 'operators:signIn', { operatorId: lead.id })).code).toBe('pin_required')
    expect(await ok(t, 'operators:current')).toEqual(op)
    expect(await ok(t, 'operators:signIn', { operatorId: lead.id, pin: DANA.pin })).toEqual(lead)
    expect(await ok(t, 'operators:current')).toEqual(lead)

    await ok(t, 'operators:signOut')
    expect(await ok(t, 'operators:current')).toBeNull()
    expect((await refused(t, 'assignments:assign', { orderIds: [1], packing: op.id, approval: DANA })).code).toBe('not_signed_in')
  })

  it('an unknown badge changes nobody: the operator signed in stays signed in', async () => {
    const { t, lead } = await leadSignedIn()
    expect((await refused(t, 'operators:signIn', { badgeCode: 'OP-4040' })).message).toBe('No operator has badge OP-4040.')
    expect(await ok(t, 'operators:current')).toEqual(lead)
  })
})

describe('adding operators', () => {
  it('the first operator needs no approval but must be a shift lead with a PIN', async () => {
    const t = openTestStation()
    expect((await refused(t, 'operators:create', { name: 'Marek Nowak', badgeCode: 'OP-1001', role: 'operator' })).code).toBe(
      'first_operator'
    )
    expect((await refused(t, 'operators:create', { name: 'Dana', badgeCode: 'OP-9001', role: 'shift_lead' })).code).toBe('pin_required')
    expect(count(t.sqlite, 'operators')).toBe(0)
    await ok(t, 'operators:create', { name: 'Dana Whitfield', badgeCode: 'OP-9001', role: 'shift_lead', pin: '1234' })
    expect(count(t.sqlite, 'operators')).toBe(1)
  })

  it('after that a signed-in shift lead adds operators with a shift lead’s badge and PIN', async () => {
    const { t, lead } = await leadSignedIn()
    const aisha = { name: 'Aisha Rahman', badgeCode: 'OP-1002', role: 'operator' }
    expect((await refused(t, 'operators:create', aisha)).code).toBe('approval_required')

    const before = count(t.sqlite, 'operators')
    const wrong = await refused(t, 'operators:create', { ...aisha, approval: { ...DANA, pin: '9999' } })
    expect(wrong.message).toBe('Wrong PIN for Dana Whitfield (4 tries left). Nothing was changed.')
    expect(count(t.sqlite, 'operators')).toBe(before)

    const created = await ok<Operator>(t, 'operators:create', { ...aisha, approval: DANA })
    expect(created).toMatchObject({ name: 'Aisha Rahman', role: 'operator' })
    const [event] = eventsOfType(t, 'operator.created').filter((e) => e.entity_id === String(created.id))
    expect(event.operator_id).toBe(lead.id)
  })

  it('refuses an operator signed in, a duplicate badge and a shift lead without a PIN, changing nothing', async () => {
    const { t } = await leadSignedIn()
    await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
    const before = snapshot(t.sqlite)
    const marekApproves = { badgeCode: 'OP-1001', pin: '1234' }
    const notLead = await refused(t, 'operators:create', {
      name: 'Aisha Rahman',
      badgeCode: 'OP-1002',
      role: 'operator',
      approval: marekApproves
    })
    expect(notLead).toMatchObject({
      code: 'shift_lead_only',
      message: "Marek Nowak is not a shift lead: add an operator needs a shift lead's approval."
    })
    expect(snapshot(t.sqlite)).toEqual(before)

    await ok(t, 'operators:signIn', DANA)
    const afterSwitch = snapshot(t.sqlite)
    const taken = await refused(t, 'operators:create', { name: 'Marek Twin', badgeCode: 'OP-1001', role: 'operator', approval: DANA })
    expect(taken).toMatchObject({ code: 'badge_taken', message: 'Badge OP-1001 already belongs to another operator.' })
    expect(
      (await refused(t, 'operators:create', { name: 'Ola Berg', badgeCode: 'OP-9002', role: 'shift_lead', approval: DANA })).code
    ).toBe('pin_required')
    expect(snapshot(t.sqlite)).toEqual(afterSwitch)
  })
})

describe('changing operators', () => {
  it('renames, re-badges and promotes (with a PIN), logging what changed and who approved', async () => {
    const { t, lead, op } = await leadSignedIn()
    const noPin = await refused(t, 'operators:update', { operatorId: op.id, role: 'shift_lead', approval: DANA })
    expect(noPin).toMatchObject({ code: 'pin_required', message: 'A shift lead needs a PIN (4 to 8 digits): give Marek Nowak one.' })

    const updated = await ok<OperatorRecord>(t, 'operators:update', {
      operatorId: op.id,
      name: 'Marek Nowak-Kowal',
      badgeCode: 'OP-1101',
      role: 'shift_lead',
      pin: '2468',
      approval: DANA
    })
    expect(updated).toMatchObject({ name: 'Marek Nowak-Kowal', badgeCode: 'OP-1101', role: 'shift_lead', hasPin: true, active: true })
    expect(row(t, op.id).pin_hash).toMatch(/^scrypt\$/)
    const [event] = eventsOfType(t, 'operator.updated')
    expect(event.operator_id).toBe(lead.id)
    expect(JSON.parse(event.data!)).toEqual({
      changes: {
        name: { from: 'Marek Nowak', to: 'Marek Nowak-Kowal' },
        badgeCode: { from: 'OP-1001', to: 'OP-1101' },
        role: { from: 'operator', to: 'shift_lead' }
      },
      pinSet: true
    })
    expect(JSON.stringify(event)).not.toContain('2468')
    // The new shift lead approves with the new PIN.
    await ok(t, 'operators:update', { operatorId: lead.id, name: 'Dana W.', approval: { badgeCode: 'OP-1101', pin: '2468' } })
    expect(await ok(t, 'operators:current')).toMatchObject({ name: 'Dana W.' })
  })

  it('refuses a badge another operator has, and changes nothing', async () => {
    const { t, op } = await leadSignedIn()
    const before = snapshot(t.sqlite)
    expect(await refused(t, 'operators:update', { operatorId: op.id, badgeCode: 'OP-9001', approval: DANA })).toMatchObject({
      code: 'badge_taken',
      message: 'Badge OP-9001 already belongs to Dana Whitfield.'
    })
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it('never demotes or deactivates the last active shift lead', async () => {
    const { t, lead } = await leadSignedIn()
    const ola = await ok<Operator>(t, 'operators:create', { ...OLA, approval: DANA })
    await ok(t, 'operators:signIn', { badgeCode: OLA.badgeCode, pin: OLA.pin })
    await ok(t, 'operators:update', { operatorId: lead.id, active: false, approval: { badgeCode: OLA.badgeCode, pin: OLA.pin } })
    expect(row(t, lead.id).active).toBe(0)

    const before = snapshot(t.sqlite)
    const demote = await refused(t, 'operators:update', {
      operatorId: ola.id,
      role: 'operator',
      approval: { badgeCode: OLA.badgeCode, pin: OLA.pin }
    })
    expect(demote).toMatchObject({
      code: 'last_shift_lead',
      message: 'Ola Berg is the last active shift lead: make someone else a shift lead first.'
    })
    const self = await refused(t, 'operators:update', {
      operatorId: ola.id,
      active: false,
      approval: { badgeCode: OLA.badgeCode, pin: OLA.pin }
    })
    expect(self.code).toBe('deactivate_self')
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it('deactivates (the operator stays in history, cannot sign in) and reactivates', async () => {
    const { t, lead, op } = await leadSignedIn()
    await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
    await ok(t, 'operators:signIn', DANA)

    const off = await ok<OperatorRecord>(t, 'operators:update', { operatorId: op.id, active: false, approval: DANA })
    expect(off.active).toBe(false)
    expect((await ok<Operator[]>(t, 'operators:list')).map((o) => o.name)).toEqual(['Dana Whitfield'])
    expect((await ok<OperatorRecord[]>(t, 'operators:all')).map((o) => [o.name, o.active])).toEqual([
      ['Dana Whitfield', true],
      ['Marek Nowak', false]
    ])
    expect((await refused(t, 'operators:signIn', { badgeCode: 'OP-1001' })).code).toBe('unknown_operator')
    // History keeps who: the row stays, only inactive.
    expect(row(t, op.id)).toMatchObject({ name: 'Marek Nowak', active: 0 })
    expect(eventsOfType(t, 'operator.deactivated')[0].operator_id).toBe(lead.id)

    await ok(t, 'operators:update', { operatorId: op.id, active: true, approval: DANA })
    expect(eventsOfType(t, 'operator.reactivated')).toHaveLength(1)
    expect(await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })).toEqual(op)
  })

  it('a demoted shift lead keeps no PIN; an operator may be given one (stations that ask operators for a PIN)', async () => {
    const { t } = await leadSignedIn()
    const ola = await ok<Operator>(t, 'operators:create', { ...OLA, approval: DANA })
    const demoted = await ok<OperatorRecord>(t, 'operators:update', { operatorId: ola.id, role: 'operator', approval: DANA })
    expect(demoted).toMatchObject({ role: 'operator', hasPin: false })
    expect(row(t, ola.id).pin_hash).toBeNull()
    expect(await ok(t, 'operators:setPin', { operatorId: ola.id, pin: '5555', approval: DANA })).toMatchObject({
      role: 'operator',
      hasPin: true
    })
    // An operator's own sign-in PIN survives other edits (a rename, deactivating and reactivating).
    expect(await ok(t, 'operators:update', { operatorId: ola.id, name: 'Ola B.', approval: DANA })).toMatchObject({ hasPin: true })
    await ok(t, 'operators:update', { operatorId: ola.id, active: false, approval: DANA })
    expect(await ok(t, 'operators:update', { operatorId: ola.id, active: true, approval: DANA })).toMatchObject({ hasPin: true })
  })

  it('sets a new PIN: the old one stops working, the new one approves', async () => {
    const { t } = await leadSignedIn()
    const ola = await ok<Operator>(t, 'operators:create', { ...OLA, approval: DANA })
    await ok(t, 'operators:setPin', { operatorId: ola.id, pin: '86420', approval: DANA })
    expect(eventsOfType(t, 'operator.pin_reset').map((e) => e.entity_id)).toEqual([String(ola.id)])
    expect(
      (await refused(t, 'operators:update', { operatorId: ola.id, name: 'Ola B.', approval: { badgeCode: OLA.badgeCode, pin: OLA.pin } }))
        .code
    ).toBe('wrong_pin')
    await ok(t, 'operators:update', { operatorId: ola.id, name: 'Ola B.', approval: { badgeCode: OLA.badgeCode, pin: '86420' } })
  })

  it('an operator signed in sees no management, and changes nothing without a shift lead’s badge and PIN', async () => {
    const { t, lead, op } = await leadSignedIn()
    await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
    const before = snapshot(t.sqlite)
    expect((await refused(t, 'operators:all', {})).code).toBe('shift_lead_only')
    const marek = { badgeCode: 'OP-1001', pin: '1111' }
    for (const [channel, args] of [
      ['operators:update', { operatorId: op.id, role: 'shift_lead', pin: '1111', approval: marek }],
      ['operators:setPin', { operatorId: lead.id, pin: '1111', approval: marek }],
      ['operators:unlock', { operatorId: lead.id, approval: marek }]
    ] as const) {
      expect((await refused(t, channel, args)).code).toBe('shift_lead_only')
    }
    expect((await refused(t, 'operators:setPin', { operatorId: lead.id, pin: '1111' })).code).toBe('invalid_arguments')
    expect(snapshot(t.sqlite)).toEqual(before)
  })
})

describe('unlocking a shift lead', () => {
  it('another shift lead lifts a lock-out before its five minutes are over', async () => {
    const { t, lead } = await leadSignedIn()
    const ola = await ok<Operator>(t, 'operators:create', { ...OLA, approval: DANA })
    expect((await refused(t, 'operators:unlock', { operatorId: ola.id, approval: DANA })).code).toBe('not_locked')

    for (let i = 0; i < 5; i++)
      await refused(t, 'operators:update', { operatorId: lead.id, name: 'x', approval: { badgeCode: OLA.badgeCode, pin: '0000' } })
    const locked = (await ok<OperatorRecord[]>(t, 'operators:all')).find((o) => o.id === ola.id)!
    expect(locked.lockedUntil).toBe(new Date(t.clock().getTime() + 5 * 60_000).toISOString())

    // A locked-out shift lead cannot unlock themselves.
    expect((await refused(t, 'operators:unlock', { operatorId: ola.id, approval: { badgeCode: OLA.badgeCode, pin: OLA.pin } })).code).toBe(
      'pin_locked'
    )
    const unlocked = await ok<OperatorRecord>(t, 'operators:unlock', { operatorId: ola.id, approval: DANA })
    expect(unlocked).toMatchObject({ lockedUntil: null, failedPinAttempts: 0 })
    const [event] = eventsOfType(t, 'operator.unlocked')
    expect(event).toMatchObject({ operator_id: lead.id, entity_id: String(ola.id) })
    await ok(t, 'operators:update', { operatorId: lead.id, name: 'Dana W.', approval: { badgeCode: OLA.badgeCode, pin: OLA.pin } })
  })
})
