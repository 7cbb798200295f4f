// The returns recorded against one order, newest first, with their units.
import { asc, desc, eq, inArray } from 'drizzle-orm'
import type { ReturnRecord } from '../../../shared/shipping'
import type { Db } from '../db/connection'
import { operators, returns, returnUnits } from '../db/schema'

export function listReturns(db: Db, orderId: number): ReturnRecord[] {
  const rows = db
    .select({ id: returns.id, orderId: returns.orderId, receivedBy: operators.name, receivedAt: returns.receivedAt, note: returns.note })
    .from(returns)
    .innerJoin(operators, eq(operators.id, returns.receivedBy))
    .where(eq(returns.orderId, orderId))
    .orderBy(desc(returns.receivedAt), desc(returns.id))
    .all()
  if (rows.length === 0) return []
  const units = db
    .select({
      returnId: returnUnits.returnId,
      serial: returnUnits.serial,
      unitId: returnUnits.unitId,
      flag: returnUnits.flag,
      flagMessage: returnUnits.flagMessage
    })
    .from(returnUnits)
    .where(
      inArray(
        returnUnits.returnId,
        rows.map((r) => r.id)
      )
    )
    .orderBy(asc(returnUnits.id))
    .all()
  return rows.map((r) => ({ ...r, units: units.filter((u) => u.returnId === r.id).map(({ returnId: _, ...u }) => u) }))
}
