// The station's own record of its claims (table order_claims): read and
// written by orderClaims.ts (opening, takeover, release) and claimLease.ts
// (renewal). Every write is one statement; callers wrap several in a transaction.
import { and, eq, inArray, sql } from 'drizzle-orm'
import { perConnection } from '../db/prepared'
import type { Db } from '../db/connection'
import { orderClaims, orders } from '../db/schema'

export type ClaimRow = typeof orderClaims.$inferSelect
export type ClaimState = ClaimRow['state']

const byOrder = perConnection((db) =>
  db
    .select()
    .from(orderClaims)
    .where(eq(orderClaims.orderId, sql.placeholder('orderId')))
    .prepare()
)

/** Read on every scan, Save and confirmation (claimHandlers.ts refuseIfLost): prepared once per connection. */
export const claimOf = (db: Db, orderId: number): ClaimRow | undefined => byOrder(db).get({ orderId })

export function saveClaim(db: Db, row: ClaimRow): void {
  db.insert(orderClaims).values(row).onConflictDoUpdate({ target: orderClaims.orderId, set: row }).run()
}

export const dropClaim = (db: Db, orderId: number): void => void db.delete(orderClaims).where(eq(orderClaims.orderId, orderId)).run()

/** The claims in the given states, with their order's OMS id and status (for the lease timer). */
export function claimsIn(db: Db, states: ClaimState[]) {
  return db
    .select({ claim: orderClaims, omsOrderId: orders.omsOrderId, orderNumber: orders.orderNumber, status: orders.status })
    .from(orderClaims)
    .innerJoin(orders, eq(orders.id, orderClaims.orderId))
    .where(inArray(orderClaims.state, states))
    .all()
}

/** Marks the claim to be released (the lease timer tells the OMS); false when this station held none. */
export function markReleasing(db: Db, orderId: number, at: string): boolean {
  const result = db
    .update(orderClaims)
    .set({ state: 'releasing', updatedAt: at })
    .where(and(eq(orderClaims.orderId, orderId), inArray(orderClaims.state, ['held', 'offline'])))
    .run()
  return result.changes > 0
}
