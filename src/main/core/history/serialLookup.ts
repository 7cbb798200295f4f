// Finding a serial in the station's history: every unit it was scanned as
// (either IMEI of a dual-IMEI device, removed units included) and every
// return it came back in. Index look-ups only, so it stays instant on a
// database of millions of units: scanned_units_serial_history,
// scanned_units_serial2 and return_units_serial.
import { asc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { operators, orders, returns, returnUnits, scannedUnits } from '../db/schema'

const unitColumns = {
  id: scannedUnits.id,
  orderId: scannedUnits.orderId,
  orderNumber: orders.orderNumber,
  orderStatus: orders.status,
  orderLineId: scannedUnits.orderLineId,
  boxId: scannedUnits.boxId,
  serial: scannedUnits.serial,
  serial2: scannedUnits.serial2,
  entryMethod: scannedUnits.entryMethod,
  scannedBy: scannedUnits.scannedBy,
  scannedAt: scannedUnits.scannedAt,
  removedAt: scannedUnits.removedAt,
  removedBy: scannedUnits.removedBy,
  removal: scannedUnits.removal,
  removalReason: scannedUnits.removalReason,
  codeParts: scannedUnits.codeParts
}

/** The queries, unprepared: the tests read their query plans. */
export function serialLookupQueries(db: Db) {
  const bySerial = (column: typeof scannedUnits.serial | typeof scannedUnits.serial2) =>
    db
      .select(unitColumns)
      .from(scannedUnits)
      .innerJoin(orders, eq(orders.id, scannedUnits.orderId))
      .where(eq(column, sql.placeholder('serial')))
  return {
    unitsBySerial: bySerial(scannedUnits.serial),
    unitsBySerial2: bySerial(scannedUnits.serial2)
  }
}

const statements = perConnection((db) => {
  const q = serialLookupQueries(db)
  return { unitsBySerial: q.unitsBySerial.prepare(), unitsBySerial2: q.unitsBySerial2.prepare() }
})

export type FoundUnit = Awaited<ReturnType<ReturnType<typeof statements>['unitsBySerial']['all']>>[number]

/** Every unit ever scanned with this serial as its serial or its second IMEI, oldest first. */
export function unitsBySerial(db: Db, serial: string): FoundUnit[] {
  const s = statements(db)
  const found = new Map<string, FoundUnit>()
  for (const u of [...s.unitsBySerial.all({ serial }), ...s.unitsBySerial2.all({ serial })]) found.set(u.id, u)
  return [...found.values()].sort((a, b) => a.scannedAt.localeCompare(b.scannedAt) || a.id.localeCompare(b.id))
}

export type FoundReturn = {
  returnId: string
  orderId: number
  orderNumber: string
  serial: string
  unitId: string | null
  flag: 'not_in_order' | 'unknown_serial' | 'already_returned' | null
  receivedAt: string
  receivedBy: string
}

/** The returned-parcel rows of these serials (a unit's IMEIs), oldest first. */
export function returnsOfSerials(db: Db, serials: string[]): FoundReturn[] {
  if (serials.length === 0) return []
  return returnsOfSerialsQuery(db, serials).all()
}

export function returnsOfSerialsQuery(db: Db, serials: string[]) {
  return db
    .select({
      returnId: returns.id,
      orderId: returns.orderId,
      orderNumber: orders.orderNumber,
      serial: returnUnits.serial,
      unitId: returnUnits.unitId,
      flag: returnUnits.flag,
      receivedAt: returns.receivedAt,
      receivedBy: operators.name
    })
    .from(returnUnits)
    .innerJoin(returns, eq(returns.id, returnUnits.returnId))
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .innerJoin(operators, eq(operators.id, returns.receivedBy))
    .where(inArray(returnUnits.serial, serials))
    .orderBy(asc(returns.receivedAt), asc(returnUnits.id))
}
