// The units of a box (or one unit) as the OMS receives them in box and unit events.
import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { orderLines, scannedUnits } from '../db/schema'
import type { ExportedPayload } from '../events/exported'

export type ExportedUnit = ExportedPayload<'box.confirmed'>['units'][number]

const columns = {
  unitId: scannedUnits.id,
  lineId: orderLines.lineId,
  sku: orderLines.sku,
  serial: scannedUnits.serial,
  serial2: scannedUnits.serial2,
  entryMethod: scannedUnits.entryMethod
}

/** The live (not removed) units of a box, in scan order. */
export function liveUnitsOfBox(db: Db, boxId: string): ExportedUnit[] {
  return db
    .select(columns)
    .from(scannedUnits)
    .innerJoin(orderLines, eq(orderLines.id, scannedUnits.orderLineId))
    .where(and(eq(scannedUnits.boxId, boxId), isNull(scannedUnits.removedAt)))
    .orderBy(scannedUnits.scannedAt, scannedUnits.id)
    .all()
}

export function exportedUnit(db: Db, unitId: string): ExportedUnit | undefined {
  return db
    .select(columns)
    .from(scannedUnits)
    .innerJoin(orderLines, eq(orderLines.id, scannedUnits.orderLineId))
    .where(eq(scannedUnits.id, unitId))
    .get()
}
