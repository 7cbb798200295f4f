// Writing a planned serial scan (SPEC §5): the units, their lines' counts,
// the hand-entry approvals and the order's move to in progress, all in the
// caller's transaction. planScan checked every rule before: nothing here refuses.
import { said } from './scanWords'
import { eq, sql } from 'drizzle-orm'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { orderLines, scannedUnits } from '../db/schema'
import { recordEvent } from '../events/eventLog'
import { newId } from '../ids'
import { transitionOrder, type OrderStatus } from '../orders/status'
import type { CodePart } from './codes/readCode'
import type { PlannedUnit } from './scanPlan'
import type { ScanCommit, ScanInput } from './scanTypes'

export type ScannedOrder = { id: number; orderNumber: string; omsOrderId: string; status: OrderStatus }

const writesFor = perConnection((db) => ({
  insertUnit: db
    .insert(scannedUnits)
    .values({
      id: sql.placeholder('id'),
      orderId: sql.placeholder('orderId'),
      orderLineId: sql.placeholder('orderLineId'),
      serial: sql.placeholder('serial'),
      serial2: sql.placeholder('serial2'),
      entryMethod: sql.placeholder('entryMethod'),
      scannedBy: sql.placeholder('operatorId'),
      scannedAt: sql.placeholder('at'),
      codeParts: sql.placeholder('codeParts')
    })
    .prepare(),
  countUnits: db
    .update(orderLines)
    .set({ scannedQuantity: sql`${orderLines.scannedQuantity} + ${sql.placeholder('n')}` })
    .where(eq(orderLines.id, sql.placeholder('orderLineId')))
    .prepare()
}))

/**
 * Writes the planned units (at least one) and answers "OK". Call inside the transaction that planned them.
 * `codeParts` are the scanned code's other parts (S/N, GTIN, lot…): each unit of the scan keeps them.
 */
export function commitScan(
  tx: Db,
  clock: Clock,
  scan: ScanInput,
  order: ScannedOrder,
  units: PlannedUnit[],
  codeParts: CodePart[] = []
): ScanCommit {
  const writes = writesFor(tx)
  const at = isoNow(clock)
  const parts = codeParts.length > 0 ? JSON.stringify(codeParts) : null
  const unitIds = units.map((unit) => writeUnit(tx, scan, order.id, unit, at, parts))
  const perLine = unitsPerLine(units)
  for (const [orderLineId, n] of perLine) writes.countUnits.run({ orderLineId, n })
  if (order.status === 'ready') transitionOrder(tx, order, 'in_progress', { operatorId: scan.operatorId, at })
  return { ...accepted(units, unitIds), lineIds: [...perLine.keys()] }
}

/** Writes one unit; answers its id. */
function writeUnit(tx: Db, scan: ScanInput, orderId: number, unit: PlannedUnit, at: string, codeParts: string | null): string {
  const unitId = newId()
  writesFor(tx).insertUnit.run({
    id: unitId,
    orderId,
    orderLineId: unit.line.id,
    serial: unit.serial,
    serial2: unit.serial2,
    entryMethod: scan.entryMethod ?? 'scanned',
    operatorId: scan.operatorId,
    at,
    codeParts
  })
  // A serial typed by hand with a shift lead's approval: who approved it stays on record with the unit.
  if (scan.approvedBy) {
    recordEvent(tx, {
      at,
      type: 'unit.hand_entry_approved',
      operatorId: scan.operatorId,
      orderId,
      entityId: unitId,
      data: { serial: unit.serial, approvedBy: scan.approvedBy }
    })
  }
  return unitId
}

/** Units per line, lines in the order the scan first reached them. */
function unitsPerLine(units: PlannedUnit[]): Map<number, number> {
  const perLine = new Map<number, number>()
  for (const { line } of units) perLine.set(line.id, (perLine.get(line.id) ?? 0) + 1)
  return perLine
}

function accepted(units: PlannedUnit[], unitIds: string[]): ScanCommit {
  const only = units[0]
  const words =
    units.length > 1
      ? said('acceptedSeveral', { count: units.length })
      : only.serial2
        ? said('acceptedPair', { serial: only.serial, serial2: only.serial2 })
        : said('accepted', { serial: only.serial })
  return { outcome: 'accepted', ...words, serial: only.serial, orderLineId: only.line.id, units: units.length, unitIds, awaiting: null }
}
