// Shift-lead approval (SPEC §2, §4, §5, §6): removing a unit, voiding a box,
// hand entry and shipping short each need a shift lead's badge and PIN. Five
// wrong PINs in a row lock that shift lead's approvals for five minutes.
import { eq } from 'drizzle-orm'
import type { Operator } from '../../../shared/schemas'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { operators } from '../db/schema'
import { recordEvent } from '../events/eventLog'
import { refuse } from '../errors'
import { verifyPin } from './pin'

export const MAX_PIN_ATTEMPTS = 5
export const LOCK_OUT_MS = 5 * 60_000

export type Approval = { badgeCode: string; pin: string }

/**
 * Checks a shift lead's badge and PIN for `action` (e.g. "void box 2 of SO-10001")
 * and returns the shift lead. A wrong PIN is counted and committed even though
 * the caller's action is refused, so call this OUTSIDE the caller's transaction
 * (or before it): the lock-out must survive the refusal it causes.
 */
export function approveByShiftLead(db: Db, clock: Clock, approval: Approval, action: string): Operator {
  const now = clock()
  const lead = db.select().from(operators).where(eq(operators.badgeCode, approval.badgeCode.trim())).get()
  if (!lead || !lead.active) return refuse('unknown_operator', `No operator has badge ${approval.badgeCode.trim()}.`)
  if (lead.role !== 'shift_lead' || !lead.pinHash) {
    return refuse('shift_lead_only', `${lead.name} is not a shift lead: ${action} needs a shift lead's approval.`)
  }
  if (lead.lockedUntil && Date.parse(lead.lockedUntil) > now.getTime()) {
    const minutes = Math.ceil((Date.parse(lead.lockedUntil) - now.getTime()) / 60_000)
    return refuse('pin_locked', `Too many wrong PINs: ${lead.name}'s approvals are locked for ${minutes} more minute${minutes === 1 ? '' : 's'}.`)
  }
  const at = isoNow(clock)
  if (!verifyPin(approval.pin, lead.pinHash)) {
    const attempts = lead.failedPinAttempts + 1
    const locked = attempts >= MAX_PIN_ATTEMPTS
    db.transaction((tx) => {
      tx.update(operators)
        .set(locked ? { failedPinAttempts: 0, lockedUntil: new Date(now.getTime() + LOCK_OUT_MS).toISOString() } : { failedPinAttempts: attempts })
        .where(eq(operators.id, lead.id))
        .run()
      recordEvent(tx, { at, type: locked ? 'operator.pin_locked' : 'operator.pin_wrong', operatorId: lead.id, entityId: String(lead.id), reason: action })
    })
    return locked
      ? refuse('pin_locked', `Wrong PIN ${MAX_PIN_ATTEMPTS} times: ${lead.name}'s approvals are locked for ${LOCK_OUT_MS / 60_000} minutes.`)
      : refuse('wrong_pin', `Wrong PIN for ${lead.name} (${MAX_PIN_ATTEMPTS - attempts} tr${MAX_PIN_ATTEMPTS - attempts === 1 ? 'y' : 'ies'} left). Nothing was changed.`)
  }
  if (lead.failedPinAttempts > 0 || lead.lockedUntil) {
    db.update(operators).set({ failedPinAttempts: 0, lockedUntil: null }).where(eq(operators.id, lead.id)).run()
  }
  return { id: lead.id, name: lead.name, badgeCode: lead.badgeCode, role: lead.role }
}

/** Station settings (box presets, hand-entry policy…) are changed by a signed-in shift lead. */
export function requireShiftLead(operator: Operator, what: string): Operator {
  if (operator.role !== 'shift_lead') refuse('shift_lead_only', `Only a shift lead can ${what}: ask your shift lead to sign in.`)
  return operator
}
