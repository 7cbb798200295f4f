// Reading orders: one order in full, and the columns the orders list shows (the list itself: orderList.ts).
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { OrderDetail, ScannedUnit } from '../../../shared/orders'
import type { Db } from '../db/connection'
import { boxes, boxPresets, events, operators, orderLines, orders, products, scannedUnits } from '../db/schema'
import { refuse } from '../errors'
import { assignmentsOf } from '../operators/assignments'

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

const scanner = alias(operators, 'scanner')

/** One order in full, as a screen shows it when it opens: lines, boxes with their units, loose units, history. */
export function getOrderDetail(db: Db, orderId: number): OrderDetail {
  const order = orderRow(db, orderId)
  if (!order) return refuse('not_found', `Order ${orderId} does not exist.`)
  const lines = linesOf(db, orderId)
  const units = liveUnitsOf(db, orderId)
  const boxRows = boxesOf(db, orderId)
  const history = historyOf(db, orderId)
  const unitsIn = (boxId: string | null): ScannedUnit[] => units.filter((u) => u.boxId === boxId).map(({ boxId: _, ...u }) => u)
  return {
    ...order,
    matchedSerial: null,
    assignments: assignmentsOf(db, [orderId]).get(orderId)!,
    lines,
    boxes: boxRows.map((b) => {
      const inBox = unitsIn(b.id)
      return { ...b, unitCount: inBox.length, units: inBox }
    }),
    looseUnits: unitsIn(null),
    events: history
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

/** The order's lines with their products' scan rules, and how many units each still needs (pendingCount). */
function linesOf(db: Db, orderId: number) {
  return db
    .select({
      id: orderLines.id,
      lineId: orderLines.lineId,
      sku: orderLines.sku,
      productName: orderLines.productName,
      quantity: orderLines.quantity,
      serialized: orderLines.serialized,
      condition: orderLines.condition,
      serialKind: products.serialKind,
      imeisPerUnit: products.imeisPerUnit,
      barcode: products.barcode,
      scanCount: orderLines.scannedQuantity
    })
    .from(orderLines)
    .innerJoin(products, eq(products.sku, orderLines.sku))
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.id))
    .all()
    .map((l) => ({ ...l, pendingCount: l.quantity - l.scanCount }))
}

/** The live (not removed) units, in scan order, with who scanned each. */
function liveUnitsOf(db: Db, orderId: number) {
  return db
    .select({
      id: scannedUnits.id,
      boxId: scannedUnits.boxId,
      orderLineId: scannedUnits.orderLineId,
      serial: scannedUnits.serial,
      serial2: scannedUnits.serial2,
      entryMethod: scannedUnits.entryMethod,
      scannedBy: scanner.name,
      scannedAt: scannedUnits.scannedAt
    })
    .from(scannedUnits)
    .innerJoin(scanner, eq(scanner.id, scannedUnits.scannedBy))
    .where(and(eq(scannedUnits.orderId, orderId), isNull(scannedUnits.removedAt)))
    .orderBy(asc(scannedUnits.scannedAt), asc(scannedUnits.id))
    .all()
}

/** The order's boxes by number, voided ones included, with their preset and who made them. */
function boxesOf(db: Db, orderId: number) {
  return db
    .select({
      id: boxes.id,
      number: boxes.number,
      status: boxes.status,
      sscc: boxes.sscc,
      presetName: boxPresets.name,
      lengthMm: boxes.lengthMm,
      widthMm: boxes.widthMm,
      heightMm: boxes.heightMm,
      weightG: boxes.weightG,
      createdBy: operators.name,
      createdAt: boxes.createdAt,
      confirmedAt: boxes.confirmedAt
    })
    .from(boxes)
    .innerJoin(operators, eq(operators.id, boxes.createdBy))
    .leftJoin(boxPresets, eq(boxPresets.id, boxes.presetId))
    .where(eq(boxes.orderId, orderId))
    .orderBy(asc(boxes.number))
    .all()
}

/** The order's history (its event log), oldest first. */
function historyOf(db: Db, orderId: number) {
  return db
    .select({
      id: events.id,
      at: events.at,
      type: events.type,
      operator: operators.name,
      fromStatus: events.fromStatus,
      toStatus: events.toStatus,
      reason: events.reason
    })
    .from(events)
    .leftJoin(operators, eq(operators.id, events.operatorId))
    .where(eq(events.orderId, orderId))
    .orderBy(asc(events.at), asc(events.id))
    .all()
}
