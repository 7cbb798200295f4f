// The scan commit path (SPEC §5): validate one scan and, if every rule holds,
// commit the unit before anything tells the operator "OK". A refusal writes
// nothing: the plan (planScan) checks every rule before the commit
// (commitScan) writes, both inside one IMMEDIATE transaction.
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Clock } from '../clock'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { boxes, orderLines, orders, productTacs, products, scannedUnits } from '../db/schema'
import { refuse } from '../errors'
import { notOpenWords } from '../orders/openOrder'
import { commitScan } from './commitScan'
import { planScan, type ScanLine, type ScanLookups } from './scanPlan'
import { refusedScan, type ScanCommit, type ScanInput } from './scanTypes'
import type { ScannerAffixes } from './serial'
import { readCode } from './codes/readCode'
import { orderStateColumns } from '../orders/openOrder'
import { liveElsewhere, stationLabel } from '../sync/serialLedger'

export type { ScanCommit, ScanInput } from './scanTypes'

const readsFor = perConnection((db) => {
  const order = db
    .select(orderStateColumns)
    .from(orders)
    .where(eq(orders.id, sql.placeholder('orderId')))
    .prepare()
  const lines = db
    .select({
      id: orderLines.id,
      sku: orderLines.sku,
      productName: orderLines.productName,
      quantity: orderLines.quantity,
      scannedQuantity: orderLines.scannedQuantity,
      serialized: orderLines.serialized,
      serialKind: products.serialKind,
      serialPattern: products.serialPattern,
      imeisPerUnit: products.imeisPerUnit
    })
    .from(orderLines)
    .innerJoin(products, eq(products.sku, orderLines.sku))
    .where(eq(orderLines.orderId, sql.placeholder('orderId')))
    .prepare()
  const modelByTac = db
    .select({ sku: products.sku, name: products.name })
    .from(productTacs)
    .innerJoin(products, eq(products.sku, productTacs.sku))
    .where(eq(productTacs.tac, sql.placeholder('tac')))
    .prepare()
  // One statement a column, each through its own index: an OR of the two made SQLite build a row set of both
  // index searches on every scan, about 10 µs more than two plain searches (issue 10).
  const liveUnitBy = (column: typeof scannedUnits.serial | typeof scannedUnits.serial2) =>
    db
      .select({ orderId: scannedUnits.orderId, orderNumber: orders.orderNumber, status: orders.status, boxNumber: boxes.number })
      .from(scannedUnits)
      .innerJoin(orders, eq(orders.id, scannedUnits.orderId))
      .leftJoin(boxes, eq(boxes.id, scannedUnits.boxId))
      .where(and(eq(column, sql.placeholder('serial')), isNull(scannedUnits.removedAt)))
      .limit(1)
      .prepare()
  const liveUnit = liveUnitBy(scannedUnits.serial)
  const liveUnit2 = liveUnitBy(scannedUnits.serial2)
  const productByGtin = db
    .select({ sku: products.sku, name: products.name })
    .from(products)
    .where(eq(products.gtin, sql.placeholder('gtin')))
    .prepare()
  const lookups: ScanLookups = {
    modelsOfTac: (tac) => modelByTac.all({ tac }),
    liveUnit: (serial) => liveUnit.get({ serial }) ?? liveUnit2.get({ serial }),
    modelsOfGtin: (gtin) => productByGtin.all({ gtin }),
    liveElsewhere: (serial) => {
      const holder = liveElsewhere(db, serial)
      return holder && { stationLabel: stationLabel(holder), orderNumber: holder.orderNumber }
    }
  }
  return { order, lines, lookups }
})

/**
 * Validates a serialized scan against SPEC §5 and commits it. The scan parser
 * reads the code first (readCode: labelled box codes, GS1 element strings,
 * printed IMEIs); a code it cannot read is refused before anything else is
 * asked of it. A scan may hold several serials (a 2D code): all are validated
 * and all committed, or none; the code's other parts are kept with its units.
 * A dual-IMEI product takes IMEI 1 and IMEI 2 as one unit: from one code
 * holding both, or from two scans (the first answers `awaiting_imei2`).
 * Only an `accepted` outcome has written anything.
 */
export function scanUnit(db: Db, clock: Clock, affixes: ScannerAffixes, scan: ScanInput): ScanCommit {
  const reads = readsFor(db)
  const code = readCode(scan.input, affixes)
  const parts = code.serials.map((s) => s.value)
  return db.transaction(
    (tx) => {
      const order = reads.order.get({ orderId: scan.orderId })
      if (!order) return refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId: scan.orderId } })
      const closed = notOpenWords(order)
      if (closed) return refusedScan('order_not_open', closed)
      if (code.problem) return refusedScan('invalid_serial', code.problem)
      // In line order, sorted here: SQLite would sort the order's few lines in a temporary B-tree (about 10 µs).
      const lines = (reads.lines.all({ orderId: scan.orderId }) as ScanLine[]).sort((a, b) => a.id - b.id)
      const request = {
        order,
        lines,
        parts,
        partNames: code.format === 'plain' || code.format === 'list' ? undefined : code.serials.map((s) => s.name),
        oneDevice: code.oneDevice,
        gtin: code.gtin,
        orderLineId: scan.orderLineId,
        firstImei: scan.firstImei
      }
      const plan = planScan(request, reads.lookups)
      return plan.kind === 'answer' ? plan.answer : commitScan(tx, clock, scan, order, plan.units, code.extras)
    },
    { behavior: 'immediate' }
  )
}
