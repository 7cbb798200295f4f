// On-hold orders whose dispatch_after has passed are released by the station
// itself (SPEC §1), through the state machine, and logged as done by the station.
import { and, eq, isNotNull, lte, or, isNull, inArray } from 'drizzle-orm'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { orders } from '../db/schema'
import { PACKABLE_OMS_STATUSES } from './orderRecord'
import { transitionOrder } from './status'

/** Releases every order held only by its dispatch time once that time has come; returns how many. */
export function releaseDueHolds(db: Db, clock: Clock): number {
  const at = isoNow(clock)
  return db.transaction((tx) => {
    const due = tx
      .select({ id: orders.id, orderNumber: orders.orderNumber, omsOrderId: orders.omsOrderId, status: orders.status, dispatchAfter: orders.dispatchAfter })
      .from(orders)
      .where(
        and(
          eq(orders.status, 'on_hold'),
          isNotNull(orders.dispatchAfter),
          lte(orders.dispatchAfter, at),
          // An order the OMS holds (or does not let us pack) stays held whatever its dispatch time.
          or(isNull(orders.omsStatus), inArray(orders.omsStatus, [...PACKABLE_OMS_STATUSES]))
        )
      )
      .all()
    for (const order of due) {
      transitionOrder(tx, order, 'ready', { operatorId: null, at, reason: `dispatch time ${order.dispatchAfter} passed` })
    }
    return due.length
  })
}
