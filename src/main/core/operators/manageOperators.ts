// The shift lead's operator management (SPEC §2): list every operator (the
// inactive ones too), edit name / badge / role, deactivate (never delete:
// history keeps who did what), set or reset a shift lead's PIN, and unlock a
// shift lead whose approvals wrong PINs locked. Each refusal changes nothing;
// each change writes its event in the same transaction.
import { and, asc, count, eq, ne } from 'drizzle-orm'
import type { OperatorChange, OperatorRecord } from '../../../shared/operators'
import type { Operator } from '../../../shared/operators'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { operators } from '../db/schema'
import { recordEvent } from '../events/eventLog'
import { refuse } from '../errors'
import { hashPin } from './pin'

type Row = typeof operators.$inferSelect

const isLocked = (row: Row, now: Date) => row.lockedUntil !== null && Date.parse(row.lockedUntil) > now.getTime()

function toRecord(row: Row, now: Date): OperatorRecord {
  return {
    id: row.id,
    name: row.name,
    badgeCode: row.badgeCode,
    role: row.role,
    language: row.language,
    active: row.active,
    hasPin: row.pinHash !== null,
    lockedUntil: isLocked(row, now) ? row.lockedUntil : null,
    failedPinAttempts: row.failedPinAttempts
  }
}

export function listAllOperators(db: Db, clock: Clock): OperatorRecord[] {
  const now = clock()
  return db
    .select()
    .from(operators)
    .orderBy(asc(operators.name), asc(operators.id))
    .all()
    .map((row) => toRecord(row, now))
}

function requireShiftLead(by: Operator, what: 'changeOperators' | 'setPin' | 'unlockLead') {
  if (by.role !== 'shift_lead') {
    refuse(
      'shift_lead_only',
      what === 'changeOperators'
        ? { key: 'refusals:operators.leadOnlyChangeOperators' }
        : what === 'setPin'
          ? { key: 'refusals:operators.leadOnlySetPin' }
          : { key: 'refusals:operators.leadOnlyUnlockLead' }
    )
  }
}

function find(db: Db, operatorId: number): Row {
  return (
    db.select().from(operators).where(eq(operators.id, operatorId)).get() ??
    refuse('unknown_operator', { key: 'refusals:operators.noSuchOperator' })
  )
}

/** Active shift leads other than `operatorId`: someone must always be able to approve. */
function otherActiveShiftLeads(db: Db, operatorId: number): number {
  return db
    .select({ n: count() })
    .from(operators)
    .where(and(eq(operators.role, 'shift_lead'), eq(operators.active, true), ne(operators.id, operatorId)))
    .get()!.n
}

type Field = 'name' | 'badgeCode' | 'role' | 'active' | 'language'

/** Edits an operator's name, badge, role or active flag (and sets the PIN of a new shift lead). */
export function updateOperator(db: Db, clock: Clock, change: Omit<OperatorChange, 'approval'>, by: Operator): OperatorRecord {
  requireShiftLead(by, 'changeOperators')
  const row = find(db, change.operatorId)
  const next = {
    name: change.name ?? row.name,
    badgeCode: change.badgeCode ?? row.badgeCode,
    role: change.role ?? row.role,
    active: change.active ?? row.active,
    language: change.language === undefined ? row.language : change.language
  }
  const changes: Partial<Record<Field, { from: unknown; to: unknown }>> = {}
  for (const field of ['name', 'badgeCode', 'role', 'active', 'language'] as const) {
    if (next[field] !== row[field]) changes[field] = { from: row[field], to: next[field] }
  }
  const settingPin = change.pin !== undefined
  if (!Object.keys(changes).length && !settingPin) return toRecord(row, clock())

  if (changes.badgeCode) {
    const owner = db.select({ name: operators.name }).from(operators).where(eq(operators.badgeCode, next.badgeCode)).get()
    if (owner) refuse('badge_taken', { key: 'refusals:operators.badgeTakenBy', params: { badgeCode: next.badgeCode, name: owner.name } })
  }
  const stopsBeingLead = row.role === 'shift_lead' && row.active && (next.role !== 'shift_lead' || !next.active)
  if (stopsBeingLead && otherActiveShiftLeads(db, row.id) === 0) {
    refuse('last_shift_lead', { key: 'refusals:operators.lastShiftLead', params: { name: row.name } })
  }
  if (next.role === 'shift_lead' && !row.pinHash && !settingPin) {
    refuse('pin_required', { key: 'refusals:operators.leadNeedsPinFor', params: { name: next.name } })
  }

  const at = isoNow(clock)
  const type = changes.active ? (next.active ? 'operator.reactivated' : 'operator.deactivated') : 'operator.updated'
  // A demoted shift lead keeps no PIN (it opened approvals); an operator's own sign-in PIN survives other edits.
  // A new PIN starts with a clean count.
  const demoted = row.role === 'shift_lead' && next.role !== 'shift_lead'
  const pinColumns = settingPin
    ? { pinHash: hashPin(change.pin!), failedPinAttempts: 0, lockedUntil: null }
    : demoted
      ? { pinHash: null, failedPinAttempts: 0, lockedUntil: null }
      : {}
  return db.transaction((tx) => {
    const updated = tx
      .update(operators)
      .set({ ...next, ...pinColumns })
      .where(eq(operators.id, row.id))
      .returning()
      .get()
    recordEvent(tx, { at, type, operatorId: by.id, entityId: String(row.id), data: { changes, pinSet: settingPin } })
    return toRecord(updated, clock())
  })
}

/** Sets or resets an operator's PIN (stored as a scrypt hash): a shift lead's, or an operator's sign-in PIN; clears any lock-out. */
export function setPin(db: Db, clock: Clock, operatorId: number, pin: string, by: Operator): OperatorRecord {
  requireShiftLead(by, 'setPin')
  const row = find(db, operatorId)
  if (!row.active) refuse('inactive_operator', { key: 'refusals:operators.deactivated', params: { name: row.name } })
  const at = isoNow(clock)
  return db.transaction((tx) => {
    const updated = tx
      .update(operators)
      .set({ pinHash: hashPin(pin), failedPinAttempts: 0, lockedUntil: null })
      .where(eq(operators.id, row.id))
      .returning()
      .get()
    recordEvent(tx, { at, type: row.pinHash ? 'operator.pin_reset' : 'operator.pin_set', operatorId: by.id, entityId: String(row.id) })
    return toRecord(updated, clock())
  })
}

/** Lifts a lock-out after wrong PINs before its five minutes are over, and clears the wrong-PIN count. */
export function unlockOperator(db: Db, clock: Clock, operatorId: number, by: Operator): OperatorRecord {
  requireShiftLead(by, 'unlockLead')
  const row = find(db, operatorId)
  const now = clock()
  if (!isLocked(row, now) && row.failedPinAttempts === 0)
    refuse('not_locked', { key: 'refusals:operators.notLocked', params: { name: row.name } })
  const at = isoNow(clock)
  return db.transaction((tx) => {
    const updated = tx.update(operators).set({ failedPinAttempts: 0, lockedUntil: null }).where(eq(operators.id, row.id)).returning().get()
    recordEvent(tx, {
      at,
      type: 'operator.unlocked',
      operatorId: by.id,
      entityId: String(row.id),
      data: { lockedUntil: row.lockedUntil, failedPinAttempts: row.failedPinAttempts }
    })
    return toRecord(updated, now)
  })
}
