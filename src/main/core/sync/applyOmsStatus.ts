// The OMS's word on an order's status, applied through the state machine:
// cancelled → cancelled, held (or any status the station does not pack from)
// → on hold, released → ready. What the state machine refuses (a shipped order
// cancelled in the OMS, a hold on an order already being packed) is reported
// back as a conflict for the shift lead, never forced.
import { eq } from 'drizzle-orm'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { orders } from '../db/schema'
import { CANCELLED_IN_OMS, heldByOmsReason, RELEASED_BY_OMS } from '../orders/holdReasons'
import { PACKABLE_OMS_STATUSES } from '../orders/orderRecord'
import { canTransition, STATUS_LABEL, transitionOrder, type OrderStatus } from '../orders/status'
import type { Sentence } from '../../../shared/words'
import { isCancelledStatus } from './omsWire'

export type StatusApplied = {
  orderId: number
  changed: boolean
  to: OrderStatus
  conflict: string | null
  /** The conflict as catalogue words (`sync:conflict.*`), for a screen in its own language. */
  conflictWords: Sentence | null
}

const isHold = (omsStatus: string | null): omsStatus is string =>
  omsStatus !== null && !isCancelledStatus(omsStatus) && !PACKABLE_OMS_STATUSES.has(omsStatus.toLowerCase())

/**
 * Applies `omsStatus` to the order in one transaction. With `remember`, it
 * also becomes the order's stored OMS status and content hash (the record as
 * last seen), so the same record pulled again changes nothing.
 */
export function applyOmsStatus(
  db: Db,
  clock: Clock,
  orderId: number,
  omsStatus: string | null,
  remember: { contentHash: string } | null = null
): StatusApplied {
  return db.transaction(
    (tx) => {
      const order = tx.select().from(orders).where(eq(orders.id, orderId)).get()!
      const before = order.status
      const at = isoNow(clock)
      const move = (to: OrderStatus, reason: string) =>
        transitionOrder(tx, order, to, { operatorId: null, at, reason, data: { omsStatus } })
      let conflict: string | null = null
      let conflictWords: Sentence | null = null

      if (isCancelledStatus(omsStatus)) {
        if (order.status !== 'cancelled') {
          if (canTransition(order.status, 'cancelled')) move('cancelled', CANCELLED_IN_OMS)
          else {
            conflict = `Order ${order.orderNumber} was cancelled in the OMS, but it is already ${STATUS_LABEL[order.status]} here.`
            conflictWords = { key: 'sync:conflict.cancelled', params: { orderNumber: order.orderNumber, status: order.status } }
          }
        }
      } else if (isHold(omsStatus)) {
        if (order.status === 'ready') move('on_hold', heldByOmsReason(omsStatus))
        else if (order.status === 'in_progress' || order.status === 'packed') {
          conflict = `The OMS holds order ${order.orderNumber} (status ${omsStatus}), but it is already ${STATUS_LABEL[order.status]} here: ask the shift lead.`
          // The OMS's own status is no station status: `omsCode`, not `…Status`, so it is shown as the OMS wrote it.
          conflictWords = {
            key: 'sync:conflict.held',
            params: { orderNumber: order.orderNumber, omsCode: omsStatus, status: order.status }
          }
        }
      } else if (order.status === 'on_hold' && isHold(order.omsStatus) && (!order.dispatchAfter || order.dispatchAfter <= at)) {
        move('ready', RELEASED_BY_OMS)
      }

      if (remember && (omsStatus !== order.omsStatus || remember.contentHash !== order.contentHash)) {
        tx.update(orders).set({ omsStatus, contentHash: remember.contentHash, updatedAt: at }).where(eq(orders.id, orderId)).run()
      }
      return { orderId, changed: order.status !== before, to: order.status, conflict, conflictWords }
    },
    { behavior: 'immediate' }
  )
}
