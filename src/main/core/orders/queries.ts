// Reading orders: one order in full, and the columns the orders list shows (the list itself: orderList.ts).
import { eq, sql } from 'drizzle-orm'
import type { OrderDetail, ScannedUnit } from '../../../shared/orders'
import type { Db } from '../db/connection'
import { boxes, events, orderLines, orders, scannedUnits } from '../db/schema'
import { refuse } from '../errors'
import { assignmentsOf } from '../operators/assignments'
import { perConnection } from '../db/prepared'
import { withReasonWords } from './holdReasons'
import { boxesQuery, eventsQuery, linesQuery, liveUnitsQuery, withPending } from './orderParts'

/** An order as the list shows it (the order screen adds to it); orderList.ts reads pages of these. */
export const summaryColumns = {
  id: orders.id,
  omsOrderId: orders.omsOrderId,
  orderNumber: orders.orderNumber,
  channel: orders.channel,
  channelOrderId: orders.channelOrderId,
  parentOrderId: orders.parentOrderId,
  orderType: orders.orderType,
  status: orders.status,
  omsStatus: orders.omsStatus,
  priority: orders.priority,
  dispatchAfter: orders.dispatchAfter,
  createdAt: orders.omsCreatedAt,
  // Spelled out: inside a subquery drizzle would leave "id" unqualified (and it would mean order_lines.id).
  orderedQuantity: sql<number>`(select coalesce(sum(ol.quantity), 0) from order_lines ol where ol.order_id = "orders"."id")`,
  scannedQuantity: sql<number>`(select coalesce(sum(ol.scanned_quantity), 0) from order_lines ol where ol.order_id = "orders"."id")`
}

const byOrder = perConnection((db) => {
  const orderId = sql.placeholder('orderId')
  return {
    lines: linesQuery(db, eq(orderLines.orderId, orderId)).prepare(),
    units: liveUnitsQuery(db, eq(scannedUnits.orderId, orderId)).prepare(),
    boxes: boxesQuery(db, eq(boxes.orderId, orderId)).prepare(),
    events: eventsQuery(db, eq(events.orderId, orderId)).prepare()
  }
})

/** One order in full, as a screen shows it when it opens: lines, boxes with their units, loose units, history. */
export function getOrderDetail(db: Db, orderId: number): OrderDetail {
  const order = orderRow(db, orderId)
  if (!order) return refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId } })
  const q = byOrder(db)
  const unitsIn = new Map<string | null, ScannedUnit[]>()
  for (const { boxId, ...unit } of q.units.all({ orderId })) {
    const inBox = unitsIn.get(boxId)
    if (inBox) inBox.push(unit)
    else unitsIn.set(boxId, [unit])
  }
  return {
    ...order,
    matchedSerial: null,
    assignments: assignmentsOf(db, [orderId]).get(orderId)!,
    lines: withPending(q.lines.all({ orderId })),
    boxes: q.boxes.all({ orderId }).map((b) => {
      const units = unitsIn.get(b.id) ?? []
      return { ...b, unitCount: units.length, units }
    }),
    looseUnits: unitsIn.get(null) ?? [],
    events: q.events.all({ orderId }).map(withReasonWords)
  }
}

/** The order's own fields: the list's, plus what the order screen shows of shipping. */
function orderRow(db: Db, orderId: number) {
  return db
    .select({
      ...summaryColumns,
      fulfilmentType: orders.fulfilmentType,
      shipTo: orders.shipTo,
      carrier: orders.carrier,
      service: orders.service,
      trackingNumber: orders.trackingNumber,
      trackingUrl: orders.trackingUrl,
      shippedAt: orders.shippedAt
    })
    .from(orders)
    .where(eq(orders.id, orderId))
    .get()
}
