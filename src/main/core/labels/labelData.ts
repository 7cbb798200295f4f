// What the labels print, read straight from the database: the order, its
// boxes ("box n of N" counts confirmed boxes; voided boxes never count), the
// units still in each box, and who packed it.
import { and, asc, eq, isNull, ne } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { boxes, operators, orderLines, orders, scannedUnits, type ShipTo } from '../db/schema'
import { refuse } from '../errors'

export type BoxUnit = { serial: string | null; serial2: string | null; sku: string; productName: string }

export type BoxLabelData = {
  orderNumber: string
  channel: string
  channelOrderId: string | null
  boxId: string
  /** n and N of "box n of N". */
  boxNumber: number
  boxCount: number
  dimensionsMm: { length: number; width: number; height: number } | null
  weightG: number | null
  operator: string
  /** When the box was confirmed (or saved), ISO. */
  date: string
  sscc: string
  gs1PrefixLength: number
  /** The units' serials/IMEIs (the first IMEI of a dual-IMEI unit): what a scan of the label re-reads. */
  serials: string[]
  /** Units without a serial (non-serialized goods), counted. */
  unserialized: number
}

export type ShippingLabelData = {
  orderNumber: string
  channel: string
  channelOrderId: string | null
  shipTo: ShipTo
  carrier: string
  service: string
  trackingNumber: string | null
  boxCount: number
  weightG: number | null
}

export type PackingSlipData = {
  orderNumber: string
  omsOrderId: string
  channel: string
  channelOrderId: string | null
  shipTo: ShipTo
  carrier: string
  service: string
  date: string
  lines: { lineId: string; sku: string; productName: string; ordered: number; packed: number }[]
  boxes: { number: number; sscc: string | null; units: BoxUnit[] }[]
}

type OrderRow = typeof orders.$inferSelect
type BoxRow = typeof boxes.$inferSelect

function orderOf(db: Db, orderId: number): OrderRow {
  return (
    db.select().from(orders).where(eq(orders.id, orderId)).get() ??
    refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId } })
  )
}

/** The order's boxes that count: every box but the voided ones, by number. */
function liveBoxes(db: Db, orderId: number): BoxRow[] {
  return db
    .select()
    .from(boxes)
    .where(and(eq(boxes.orderId, orderId), ne(boxes.status, 'voided')))
    .orderBy(asc(boxes.number))
    .all()
}

export function unitsInBox(db: Db, boxId: string): BoxUnit[] {
  return db
    .select({ serial: scannedUnits.serial, serial2: scannedUnits.serial2, sku: orderLines.sku, productName: orderLines.productName })
    .from(scannedUnits)
    .innerJoin(orderLines, eq(orderLines.id, scannedUnits.orderLineId))
    .where(and(eq(scannedUnits.boxId, boxId), isNull(scannedUnits.removedAt)))
    .orderBy(asc(scannedUnits.scannedAt), asc(scannedUnits.id))
    .all()
}

/** The box as its label shows it; the SSCC must already be assigned (see assignSscc). */
/** The box, if it belongs to the order and is confirmed; otherwise a refusal that says why. */
export function requireConfirmedBox(db: Db, orderId: number, boxId: string): { order: OrderRow; box: BoxRow } {
  const order = orderOf(db, orderId)
  const box = db.select().from(boxes).where(eq(boxes.id, boxId)).get()
  if (!box || box.orderId !== orderId)
    return refuse('not_found', { key: 'refusals:labels.noSuchBox', params: { orderNumber: order.orderNumber, boxId } })
  if (box.status === 'voided')
    return refuse('box_voided', { key: 'refusals:labels.boxVoided', params: { box: box.number, orderNumber: order.orderNumber } })
  if (box.status !== 'confirmed') {
    return refuse('box_not_confirmed', {
      key: 'refusals:labels.boxNotConfirmed',
      params: { box: box.number, orderNumber: order.orderNumber }
    })
  }
  return { order, box }
}

export function boxLabelData(db: Db, orderId: number, boxId: string, gs1PrefixLength: number): BoxLabelData {
  const { order, box } = requireConfirmedBox(db, orderId, boxId)
  if (!box.sscc) return refuse('no_sscc', { key: 'refusals:labels.noSscc', params: { box: box.number } })
  const confirmed = liveBoxes(db, orderId).filter((b) => b.status === 'confirmed')
  const units = unitsInBox(db, boxId)
  const operatorId = box.confirmedBy ?? box.createdBy
  const operator = db.select({ name: operators.name }).from(operators).where(eq(operators.id, operatorId)).get()?.name ?? ''
  return {
    orderNumber: order.orderNumber,
    channel: order.channel,
    channelOrderId: order.channelOrderId,
    boxId,
    boxNumber: confirmed.findIndex((b) => b.id === boxId) + 1,
    boxCount: confirmed.length,
    dimensionsMm: box.lengthMm && box.widthMm && box.heightMm ? { length: box.lengthMm, width: box.widthMm, height: box.heightMm } : null,
    weightG: box.weightG,
    operator,
    date: box.confirmedAt ?? box.createdAt,
    sscc: box.sscc,
    gs1PrefixLength,
    serials: units.flatMap((u) => (u.serial ? [u.serial] : [])),
    unserialized: units.filter((u) => !u.serial).length
  }
}

export function shippingLabelData(db: Db, orderId: number): ShippingLabelData {
  const order = orderOf(db, orderId)
  const confirmed = liveBoxes(db, orderId).filter((b) => b.status === 'confirmed')
  const weights = confirmed.map((b) => b.weightG)
  return {
    orderNumber: order.orderNumber,
    channel: order.channel,
    channelOrderId: order.channelOrderId,
    shipTo: order.shipTo,
    carrier: order.carrier,
    service: order.service,
    trackingNumber: order.trackingNumber,
    boxCount: confirmed.length,
    weightG: weights.length > 0 && weights.every((w) => w !== null) ? weights.reduce((a, b) => a! + b!, 0) : null
  }
}

export function packingSlipData(db: Db, orderId: number, now: string): PackingSlipData {
  const order = orderOf(db, orderId)
  const lines = db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.id)).all()
  return {
    orderNumber: order.orderNumber,
    omsOrderId: order.omsOrderId,
    channel: order.channel,
    channelOrderId: order.channelOrderId,
    shipTo: order.shipTo,
    carrier: order.carrier,
    service: order.service,
    date: now,
    lines: lines.map((l) => ({ lineId: l.lineId, sku: l.sku, productName: l.productName, ordered: l.quantity, packed: l.scannedQuantity })),
    // Numbered as their box labels are: 1..N over the confirmed boxes.
    boxes: liveBoxes(db, orderId)
      .filter((b) => b.status === 'confirmed')
      .map((b, i) => ({ number: i + 1, sscc: b.sscc, units: unitsInBox(db, b.id) }))
  }
}
