// Operators and sign-in (SPEC §2). Who is signed in is the station's session:
// every scan, box and confirmation records that operator.
import { asc, count, eq } from 'drizzle-orm'
import type { Operator } from '../../../shared/operators'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { operators } from '../db/schema'
import { recordEvent } from '../events/eventLog'
import { refuse } from '../errors'
import { hashPin } from './pin'

const publicColumns = {
  id: operators.id,
  name: operators.name,
  badgeCode: operators.badgeCode,
  role: operators.role,
  language: operators.language
}

export function listOperators(db: Db): Operator[] {
  return db.select(publicColumns).from(operators).where(eq(operators.active, true)).orderBy(asc(operators.name)).all()
}

export function operatorCount(db: Db): number {
  return db.select({ n: count() }).from(operators).get()!.n
}

export type NewOperator = { name: string; badgeCode: string; role: 'operator' | 'shift_lead'; pin?: string }

/**
 * Adds an operator. The very first operator of a station must be a shift
 * lead (someone has to approve exceptions); after that only a signed-in
 * shift lead adds operators.
 */
export function createOperator(db: Db, clock: Clock, input: NewOperator, by: Operator | null): Operator {
  const first = operatorCount(db) === 0
  if (first && input.role !== 'shift_lead') refuse('first_operator', { key: 'refusals:operators.firstIsLead' })
  if (!first && by?.role !== 'shift_lead') refuse('shift_lead_only', { key: 'refusals:operators.leadOnlyAdd' })
  if (input.role === 'shift_lead' && !input.pin) refuse('pin_required', { key: 'refusals:operators.leadNeedsPin' })
  if (db.select({ id: operators.id }).from(operators).where(eq(operators.badgeCode, input.badgeCode)).get()) {
    refuse('badge_taken', { key: 'refusals:operators.badgeTaken', params: { badgeCode: input.badgeCode } })
  }
  const at = isoNow(clock)
  return db.transaction((tx) => {
    const created = tx
      .insert(operators)
      .values({
        name: input.name,
        badgeCode: input.badgeCode,
        role: input.role,
        pinHash: input.pin ? hashPin(input.pin) : null,
        createdAt: at
      })
      .returning(publicColumns)
      .get()
    recordEvent(tx, {
      at,
      type: 'operator.created',
      operatorId: by?.id ?? created.id,
      entityId: String(created.id),
      data: { name: created.name, role: created.role }
    })
    return created
  })
}

export function operatorName(db: Db, operatorId: number): string | null {
  return db.select({ name: operators.name }).from(operators).where(eq(operators.id, operatorId)).get()?.name ?? null
}
