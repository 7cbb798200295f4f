// The parts of an order a screen shows (lines, units, boxes, history), each
// read by a filter: the whole order when a screen opens, or only what an
// action touched for its answer (orderChange.ts). These build the queries;
// the callers prepare them once per connection (drizzle would otherwise
// build and SQLite compile the statement on every call).
import { and, asc, eq, isNull, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../db/connection'
import { boxes, boxPresets, events, operators, orderLines, products, scannedUnits } from '../db/schema'

const scanner = alias(operators, 'scanner')

/** Lines with their products' scan rules (add pendingCount with `withPending`). */
export function linesQuery(db: Db, where: SQL | undefined) {
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
    .where(where)
    .orderBy(asc(orderLines.id))
}

/** How many units each line still needs. */
export const withPending = <L extends { quantity: number; scanCount: number }>(lines: L[]) =>
  lines.map((l) => ({ ...l, pendingCount: l.quantity - l.scanCount }))

/** Live (not removed) units in scan order, with who scanned each and the box each is in (null: not boxed yet). */
export function liveUnitsQuery(db: Db, where: SQL | undefined) {
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
    .where(and(where, isNull(scannedUnits.removedAt)))
    .orderBy(asc(scannedUnits.scannedAt), asc(scannedUnits.id))
}

/** Boxes by number, voided ones included, with their preset and who made them (without units). */
export function boxesQuery(db: Db, where: SQL | undefined) {
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
    .where(where)
    .orderBy(asc(boxes.number))
}

/** History (the event log), oldest first. */
export function eventsQuery(db: Db, where: SQL | undefined) {
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
    .where(where)
    .orderBy(asc(events.at), asc(events.id))
}
