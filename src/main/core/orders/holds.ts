// On-hold orders whose dispatch_after has passed are released by the station
// itself (SPEC §1), through the state machine, and logged as done by the station.
import { eq, sql } from 'drizzle-orm'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { orders } from '../db/schema'
import { dispatchPassedReason, heldByReason, releasedByReason } from './holdReasons'
import { PACKABLE_OMS_STATUSES } from './orderRecord'
import { refuse } from '../errors'
import { transitionOrder } from './status'
import type { OrderState } from './openOrder'

/**
 * The holds whose dispatch time has come. This runs on every order list, order view and scan, so it seeks
 * them through the partial index `orders_due_holds` (named: SQLite's planner would otherwise walk every order
 * on hold through `orders_status`; INDEXED BY fails loudly if a schema change ever makes the index unusable).
 */
function dueHolds(db: Db, at: string) {
  const rows = db.all<DueHold>(sql`
    select id, order_number as orderNumber, oms_order_id as omsOrderId, status, dispatch_after as dispatchAfter, oms_status as omsStatus
    from orders indexed by orders_due_holds
    where status = 'on_hold' and dispatch_after is not null and held_by is null and dispatch_after <= ${at}`)
  // An order the OMS holds (or does not let us pack) stays held whatever its dispatch time.
  return rows.filter((o) => o.omsStatus === null || PACKABLE_OMS_STATUSES.has(o.omsStatus))
}
type DueHold = OrderState & { id: number; omsOrderId: string; omsStatus: string | null }

/** Releases every order held only by its dispatch time once that time has come; returns how many. */
export function releaseDueHolds(db: Db, clock: Clock): number {
  const at = isoNow(clock)
  const due = dueHolds(db, at)
  if (due.length === 0) return 0
  return db.transaction((tx) => {
    // Read again inside the write transaction: another path may have released or changed one meanwhile.
    const still = dueHolds(tx, at)
    for (const order of still) {
      transitionOrder(tx, order, 'ready', { operatorId: null, at, reason: dispatchPassedReason(order.dispatchAfter) })
    }
    return still.length
  })
}

type ByShiftLead = { operatorId: number; approvedBy: { id: number; name: string }; reason: string }

/** A shift lead releases a held order early; an order the OMS holds stays held (the OMS must release it). */
export function releaseOrder(db: Db, clock: Clock, orderId: number, by: ByShiftLead): void {
  db.transaction(
    (tx) => {
      const order = tx.select().from(orders).where(eq(orders.id, orderId)).get()
      if (!order) return refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId } })
      if (order.status !== 'on_hold')
        return refuse('not_on_hold', { key: 'refusals:orders.notOnHold', params: { orderNumber: order.orderNumber } })
      if (order.omsStatus && !PACKABLE_OMS_STATUSES.has(order.omsStatus.toLowerCase())) {
        return refuse('held_by_oms', {
          key: 'refusals:orders.heldByOms',
          params: { orderNumber: order.orderNumber, omsState: order.omsStatus }
        })
      }
      tx.update(orders).set({ heldBy: null }).where(eq(orders.id, order.id)).run()
      transitionOrder(tx, order, 'ready', {
        operatorId: by.operatorId,
        at: isoNow(clock),
        reason: releasedByReason(by.approvedBy.name, by.reason),
        data: { approvedBy: by.approvedBy }
      })
    },
    { behavior: 'immediate' }
  )
}

/** A shift lead puts a ready order on hold (it is released again by a shift lead). */
export function holdOrder(db: Db, clock: Clock, orderId: number, by: ByShiftLead): void {
  db.transaction(
    (tx) => {
      const order = tx.select().from(orders).where(eq(orders.id, orderId)).get()
      if (!order) return refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId } })
      transitionOrder(tx, order, 'on_hold', {
        operatorId: by.operatorId,
        at: isoNow(clock),
        reason: heldByReason(by.approvedBy.name, by.reason),
        data: { approvedBy: by.approvedBy }
      })
      tx.update(orders).set({ heldBy: by.approvedBy.id }).where(eq(orders.id, order.id)).run()
    },
    { behavior: 'immediate' }
  )
}
