// Shift-lead PINs and approvals: hashed, never stored in clear; five wrong
// PINs in a row lock a shift lead's approvals for five minutes.
import { afterEach, describe, expect, it } from 'vitest'
import { approveByShiftLead, LOCK_OUT_MS } from '../../src/main/core/operators/approval'
import { createOperator } from '../../src/main/core/operators/operators'
import { hashPin, verifyPin } from '../../src/main/core/operators/pin'
import { catchError, cleanup, createOperators, openTestStation, snapshot, type TestStation } from './helpers'
import { DANA, eventsOfType, leadSignedIn, ok } from './operatorsFixtures'

afterEach(cleanup)

const ACTION = 'void box 2 of SO-1'
const approve = (t: TestStation, pin: string, badgeCode = DANA.badgeCode) => approveByShiftLead(t.db, t.clock, { badgeCode, pin }, ACTION)
const leadRow = (t: TestStation) =>
  t.sqlite.prepare("select pin_hash, failed_pin_attempts, locked_until from operators where badge_code = 'OP-9001'").get() as {
    pin_hash: string
    failed_pin_attempts: number
    locked_until: string | null
  }

describe('PIN hashing', () => {
  it('stores a salted scrypt hash, never the PIN', () => {
    const a = hashPin('4711')
    const b = hashPin('4711')
    expect(a).toMatch(/^scrypt\$16384\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(a).not.toContain('4711')
    expect(a).not.toBe(b)
    expect(verifyPin('4711', a)).toBe(true)
    expect(verifyPin('4712', a)).toBe(false)
    expect(verifyPin('4711', 'plain$4711')).toBe(false)
  })

  it('a PIN set through the station appears nowhere in the database', async () => {
    const { t, lead } = await leadSignedIn()
    await ok(t, 'operators:setPin', { operatorId: lead.id, pin: '73915846', approval: DANA })
    expect(leadRow(t).pin_hash).toMatch(/^scrypt\$/)
    expect(JSON.stringify(snapshot(t.sqlite))).not.toContain('73915846')
    expect(approve(t, '73915846').id).toBe(lead.id)
    expect(catchError(() => approve(t, '1234')).code).toBe('wrong_pin')
  })
})

describe('approveByShiftLead', () => {
  it('returns the shift lead for the right badge and PIN', () => {
    const t = openTestStation()
    const { lead } = createOperators(t)
    expect(approve(t, '1234')).toEqual(lead)
    expect(approve(t, '1234', '  OP-9001 ')).toEqual(lead)
  })

  it('counts wrong PINs across calls, says how many tries are left, and locks after five', () => {
    const t = openTestStation()
    createOperators(t)
    for (const left of [4, 3, 2, 1]) {
      const e = catchError(() => approve(t, '9999'))
      expect(e.code).toBe('wrong_pin')
      expect(e.message).toBe(`Wrong PIN for Dana Whitfield (${left} tr${left === 1 ? 'y' : 'ies'} left). Nothing was changed.`)
      expect(leadRow(t).failed_pin_attempts).toBe(5 - left)
    }
    const locked = catchError(() => approve(t, '9999'))
    expect(locked.code).toBe('pin_locked')
    expect(locked.message).toContain('locked for 5 minutes')
    expect(leadRow(t).locked_until).toBe(new Date(t.clock().getTime() + LOCK_OUT_MS).toISOString())
    expect(eventsOfType(t, 'operator.pin_wrong')).toHaveLength(4)
    expect(eventsOfType(t, 'operator.pin_locked')).toHaveLength(1)
    expect(eventsOfType(t, 'operator.pin_locked')[0].reason).toBe(ACTION)
  })

  it('refuses a locked-out shift lead even with the right PIN, until five minutes have passed', () => {
    const t = openTestStation()
    const { lead } = createOperators(t)
    for (let i = 0; i < 5; i++) catchError(() => approve(t, '0000'))

    const before = snapshot(t.sqlite)
    const e = catchError(() => approve(t, '1234'))
    expect(e.code).toBe('pin_locked')
    expect(e.message).toContain('locked for 5 more minutes')
    expect(snapshot(t.sqlite)).toEqual(before)

    t.time.advance(4 * 60_000 + 30_000)
    expect(catchError(() => approve(t, '1234')).message).toContain('locked for 1 more minute.')
    t.time.advance(30_000)
    expect(approve(t, '1234')).toEqual(lead)
    expect(leadRow(t)).toMatchObject({ failed_pin_attempts: 0, locked_until: null })
  })

  it('a right PIN resets the count of wrong ones', () => {
    const t = openTestStation()
    createOperators(t)
    for (let i = 0; i < 3; i++) catchError(() => approve(t, '0000'))
    approve(t, '1234')
    expect(leadRow(t).failed_pin_attempts).toBe(0)
    for (let i = 0; i < 4; i++) expect(catchError(() => approve(t, '0000')).code).toBe('wrong_pin')
    expect(approve(t, '1234').name).toBe('Dana Whitfield')
  })

  it('refuses an operator who is not a shift lead, an unknown badge and a deactivated shift lead, counting nothing', async () => {
    const t = openTestStation()
    const { lead } = createOperators(t)
    const second = createOperator(t.db, t.clock, { name: 'Ola Berg', badgeCode: 'OP-9002', role: 'shift_lead', pin: '5555' }, lead)
    const before = snapshot(t.sqlite)

    const notLead = catchError(() => approve(t, '1234', 'OP-1001'))
    expect(notLead.code).toBe('shift_lead_only')
    expect(notLead.message).toBe(`Marek Nowak is not a shift lead: ${ACTION} needs a shift lead's approval.`)
    expect(catchError(() => approve(t, '1234', 'OP-4040')).code).toBe('unknown_operator')
    expect(snapshot(t.sqlite)).toEqual(before)

    await ok(t, 'operators:signIn', DANA)
    await ok(t, 'operators:update', { operatorId: second.id, active: false, approval: DANA })
    expect(catchError(() => approve(t, '5555', 'OP-9002')).code).toBe('unknown_operator')
  })
})
