// Whether an order still takes scans and box changes (SPEC §1: only while it
// is ready or in progress), and the one sentence that says why not. Written
// once so the serial scan, the non-serialized scan and the boxes refuse alike.
import { orders } from '../db/schema'
import { STATUS_LABEL, type OrderStatus } from './status'
import { formatLocalTime } from '../../../shared/localTime'
import { said, type ScanWords } from '../scanning/scanWords'

export type OrderState = { orderNumber: string; status: OrderStatus; dispatchAfter: string | null }

/** The columns that say whether an order is open and, when it is held, until when (for the state machine and its events too). */
export const orderStateColumns = {
  id: orders.id,
  orderNumber: orders.orderNumber,
  omsOrderId: orders.omsOrderId,
  status: orders.status,
  dispatchAfter: orders.dispatchAfter
}

export const isOpenForPacking = (status: OrderStatus): boolean => status === 'ready' || status === 'in_progress'

/** "2026-11-22 06:00": the dispatch time as the operator reads it (UTC, to the minute). */
const dispatchTime = (iso: string): string => formatLocalTime(iso)

/**
 * Null while the order is open; otherwise "Order SO-3 is on hold (dispatch
 * after 2026-11-22 06:00): no scanning" with `consequence` after the colon.
 * The dispatch time tells the operator when a held order comes back by itself;
 * `withDispatchTime: false` leaves it out (the boxes' refusal never had it).
 */
export function notOpenMessage(order: OrderState, consequence: string, { withDispatchTime = true } = {}): string | null {
  if (isOpenForPacking(order.status)) return null
  const when =
    withDispatchTime && order.status === 'on_hold' && order.dispatchAfter ? ` (dispatch after ${dispatchTime(order.dispatchAfter)})` : ''
  return `Order ${order.orderNumber} is ${STATUS_LABEL[order.status]}${when}: ${consequence}`
}

/** A scan's refusal of an order that is not open: its number, status and, when held, until when (worded by the screens). */
export function notOpenWords(order: OrderState): ScanWords | null {
  if (isOpenForPacking(order.status)) return null
  const params = { orderNumber: order.orderNumber, status: order.status }
  const english = { status: STATUS_LABEL[order.status] }
  return order.status === 'on_hold' && order.dispatchAfter
    ? said(
        'orderOnHoldUntil',
        { ...params, dispatchAfter: order.dispatchAfter },
        { ...english, dispatchAfter: dispatchTime(order.dispatchAfter) }
      )
    : said('orderNotOpen', params, english)
}
