// Shift-lead approval (SPEC §2, §4, §5, §6): removing a unit, voiding a box,
// hand entry and shipping short each need a shift lead's badge and PIN. Five
// wrong PINs in a row lock that shift lead's approvals for five minutes.
import { eq } from 'drizzle-orm'
import type { Operator } from '../../../shared/operators'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { operators } from '../db/schema'
import { recordEvent } from '../events/eventLog'
import { english, refuse } from '../errors'
import type { Sentence } from '../../../shared/words'
import { verifyPin } from './pin'

export const MAX_PIN_ATTEMPTS = 5
export const LOCK_OUT_MS = 5 * 60_000

export type Approval = { badgeCode: string; pin: string }
type OperatorRow = typeof operators.$inferSelect

/**
 * Checks a shift lead's badge and PIN for `action` (its catalogue words, `approvals:action.*`; or English
 * text, e.g. "void box 2 of SO-10001") and returns the shift lead. A wrong PIN is counted and committed even though
 * the caller's action is refused, so call this OUTSIDE the caller's transaction
 * (or before it): the lock-out must survive the refusal it causes.
 */
export function approveByShiftLead(db: Db, clock: Clock, approval: Approval, action: string | Sentence): Operator {
  const lead = db.select().from(operators).where(eq(operators.badgeCode, approval.badgeCode.trim())).get()
  if (!lead || !lead.active) {
    return refuse('unknown_operator', { key: 'refusals:operators.noBadge', params: { badgeCode: approval.badgeCode.trim() } })
  }
  if (lead.role !== 'shift_lead' || !lead.pinHash) {
    const named = typeof action === 'string' ? action : [action]
    return refuse('shift_lead_only', { key: 'refusals:operators.notLeadForApproval', params: { name: lead.name, action: named } })
  }
  checkPin(db, clock, lead, approval.pin, typeof action === 'string' ? action : english(action), 'approvals')
  return { id: lead.id, name: lead.name, badgeCode: lead.badgeCode, role: lead.role, language: lead.language ?? null }
}

/**
 * Checks `pin` against the operator's PIN hash, with the lock-out: a wrong
 * PIN is counted (and committed: call outside any transaction), five in a row
 * lock the operator's PIN for five minutes. `what` names what is locked
 * (approvals; or sign-in and approvals) in the messages. Refuses; returns on a right PIN.
 */
export function checkPin(db: Db, clock: Clock, row: OperatorRow, pin: string, action: string, what: 'approvals' | 'signIn'): void {
  const now = clock()
  if (!row.pinHash) return refuse('no_pin', { key: 'refusals:operators.noPin', params: { name: row.name } })
  if (row.lockedUntil && Date.parse(row.lockedUntil) > now.getTime()) {
    const minutes = Math.ceil((Date.parse(row.lockedUntil) - now.getTime()) / 60_000)
    return refuse(
      'pin_locked',
      what === 'approvals'
        ? { key: 'refusals:operators.approvalsLockedFor', params: { name: row.name, count: minutes } }
        : { key: 'refusals:operators.signInLockedFor', params: { name: row.name, count: minutes } }
    )
  }
  const at = isoNow(clock)
  if (!verifyPin(pin, row.pinHash)) {
    const attempts = row.failedPinAttempts + 1
    const locked = attempts >= MAX_PIN_ATTEMPTS
    db.transaction((tx) => {
      tx.update(operators)
        .set(
          locked
            ? { failedPinAttempts: 0, lockedUntil: new Date(now.getTime() + LOCK_OUT_MS).toISOString() }
            : { failedPinAttempts: attempts }
        )
        .where(eq(operators.id, row.id))
        .run()
      recordEvent(tx, {
        at,
        type: locked ? 'operator.pin_locked' : 'operator.pin_wrong',
        operatorId: row.id,
        entityId: String(row.id),
        reason: action
      })
    })
    const left = MAX_PIN_ATTEMPTS - attempts
    const lockedWords = { name: row.name, times: MAX_PIN_ATTEMPTS, count: LOCK_OUT_MS / 60_000 }
    if (locked) {
      return refuse(
        'pin_locked',
        what === 'approvals'
          ? { key: 'refusals:operators.approvalsLocked', params: lockedWords }
          : { key: 'refusals:operators.signInLocked', params: lockedWords }
      )
    }
    return refuse(
      'wrong_pin',
      what === 'approvals'
        ? { key: 'refusals:operators.wrongPinApproval', params: { name: row.name, count: left } }
        : { key: 'refusals:operators.wrongPin', params: { name: row.name, count: left } }
    )
  }
  if (row.failedPinAttempts > 0 || row.lockedUntil) {
    db.update(operators).set({ failedPinAttempts: 0, lockedUntil: null }).where(eq(operators.id, row.id)).run()
  }
}
