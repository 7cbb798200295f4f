// The scan commit path (SPEC §5): validate one scan and, if every rule holds,
// commit the unit before anything tells the operator "OK". A refusal writes
// nothing: every check runs before the first write, inside one transaction.
import { and, eq, isNull, or, sql } from 'drizzle-orm'
import type { ScanOutcome } from '../../../shared/schemas'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { boxes, orderLines, orders, productTacs, products, scannedUnits } from '../db/schema'
import { refuse } from '../errors'
import { newId } from '../ids'
import { STATUS_LABEL, transitionOrder } from '../orders/status'
import { checkImei, checkSerial, cleanScan, tacOf, type Checked, type ScannerAffixes } from './serial'

export type ScanInput = {
  orderId: number
  input: string
  orderLineId?: number
  operatorId: number
  entryMethod?: 'scanned' | 'typed'
}

export type ScanCommit = {
  outcome: ScanOutcome
  message: string
  serial: string | null
  orderLineId: number | null
}

type Line = {
  id: number
  sku: string
  productName: string
  quantity: number
  scannedQuantity: number
  serialized: boolean
  serialKind: 'imei' | 'serial' | 'none'
  serialPattern: string | null
}

const statementsFor = perConnection((db) => ({
    order: db
      .select({ id: orders.id, orderNumber: orders.orderNumber, omsOrderId: orders.omsOrderId, status: orders.status, dispatchAfter: orders.dispatchAfter })
      .from(orders)
      .where(eq(orders.id, sql.placeholder('orderId')))
      .prepare(),
    lines: db
      .select({
        id: orderLines.id,
        sku: orderLines.sku,
        productName: orderLines.productName,
        quantity: orderLines.quantity,
        scannedQuantity: orderLines.scannedQuantity,
        serialized: orderLines.serialized,
        serialKind: products.serialKind,
        serialPattern: products.serialPattern
      })
      .from(orderLines)
      .innerJoin(products, eq(products.sku, orderLines.sku))
      .where(eq(orderLines.orderId, sql.placeholder('orderId')))
      .orderBy(orderLines.id)
      .prepare(),
    modelByTac: db
      .select({ sku: products.sku, name: products.name })
      .from(productTacs)
      .innerJoin(products, eq(products.sku, productTacs.sku))
      .where(eq(productTacs.tac, sql.placeholder('tac')))
      .prepare(),
    liveUnit: db
      .select({ orderId: scannedUnits.orderId, orderNumber: orders.orderNumber, status: orders.status, boxNumber: boxes.number })
      .from(scannedUnits)
      .innerJoin(orders, eq(orders.id, scannedUnits.orderId))
      .leftJoin(boxes, eq(boxes.id, scannedUnits.boxId))
      .where(
        and(
          or(eq(scannedUnits.serial, sql.placeholder('serial')), eq(scannedUnits.serial2, sql.placeholder('serial'))),
          isNull(scannedUnits.removedAt)
        )
      )
      .limit(1)
      .prepare(),
    insertUnit: db
      .insert(scannedUnits)
      .values({
        id: sql.placeholder('id'),
        orderId: sql.placeholder('orderId'),
        orderLineId: sql.placeholder('orderLineId'),
        serial: sql.placeholder('serial'),
        entryMethod: sql.placeholder('entryMethod'),
        scannedBy: sql.placeholder('operatorId'),
        scannedAt: sql.placeholder('at')
      })
      .prepare(),
    countUnit: db
      .update(orderLines)
      .set({ scannedQuantity: sql`${orderLines.scannedQuantity} + 1` })
      .where(eq(orderLines.id, sql.placeholder('orderLineId')))
      .prepare()
}))

const refused = (outcome: Exclude<ScanOutcome, 'accepted'>, message: string, serial: string | null = null, orderLineId: number | null = null): ScanCommit => ({
  outcome,
  message,
  serial,
  orderLineId
})

/**
 * Validates a serialized scan against SPEC §5 and commits it. Returns the
 * outcome; only an `accepted` outcome has written anything.
 */
export function scanUnit(db: Db, clock: Clock, affixes: ScannerAffixes, scan: ScanInput): ScanCommit {
  const s = statementsFor(db)
  const input = cleanScan(scan.input, affixes)
  return db.transaction(
    (tx) => {
      const order = s.order.get({ orderId: scan.orderId })
      if (!order) return refuse('not_found', `Order ${scan.orderId} does not exist.`)
      if (order.status !== 'ready' && order.status !== 'in_progress') {
        const why = order.status === 'on_hold' && order.dispatchAfter ? ` (dispatch after ${order.dispatchAfter.slice(0, 16).replace('T', ' ')})` : ''
        return refused('order_not_open', `Order ${order.orderNumber} is ${STATUS_LABEL[order.status]}${why}: no scanning`)
      }

      const all = s.lines.all({ orderId: scan.orderId }) as Line[]
      let candidates = all.filter((l) => l.serialized && (scan.orderLineId === undefined || l.id === scan.orderLineId))
      if (candidates.length === 0) {
        return scan.orderLineId === undefined
          ? refused('wrong_item', `Order ${order.orderNumber} has no serialized line to scan into`)
          : refuse('not_found', `Line ${scan.orderLineId} is not a serialized line of order ${order.orderNumber}.`)
      }

      // Format first: the product's own rule (IMEI or pattern) of each candidate line.
      const checks = candidates.map((line) => ({ line, check: checkFor(line, input) }))
      const valid = checks.filter((c) => c.check.ok)
      if (valid.length === 0) return refused('invalid_serial', (checks[0].check as { message: string }).message)
      const serial = (valid[0].check as { serial: string }).serial
      candidates = valid.map((c) => c.line)

      // The model, where the catalogue knows it from the IMEI's TAC, must be one this line ships.
      if (candidates.some((l) => l.serialKind === 'imei')) {
        const models = s.modelByTac.all({ tac: tacOf(serial) })
        if (models.length > 0) {
          const matching = candidates.filter((l) => models.some((m) => m.sku === l.sku))
          if (matching.length === 0) {
            const wanted = scan.orderLineId !== undefined ? candidates[0].productName : `any line of order ${order.orderNumber}`
            return refused('wrong_item', `Wrong model: ${serial} is ${models[0].name}, not ${wanted}`, serial)
          }
          candidates = matching
        }
      }

      const seen = s.liveUnit.get({ serial })
      if (seen) return refused('duplicate', duplicateMessage(serial, order.id, seen), serial)

      const line = candidates.find((l) => l.scannedQuantity < l.quantity)
      if (!line) {
        const full = candidates[0]
        return refused('over_scan', `Over-scan: ${full.productName} is complete (${full.scannedQuantity} of ${full.quantity} scanned)`, serial, full.id)
      }

      const at = isoNow(clock)
      s.insertUnit.run({
        id: newId(),
        orderId: order.id,
        orderLineId: line.id,
        serial,
        entryMethod: scan.entryMethod ?? 'scanned',
        operatorId: scan.operatorId,
        at
      })
      s.countUnit.run({ orderLineId: line.id })
      if (order.status === 'ready') transitionOrder(tx, order, 'in_progress', { operatorId: scan.operatorId, at })
      return { outcome: 'accepted' as const, message: `OK ${serial}`, serial, orderLineId: line.id }
    },
    { behavior: 'immediate' }
  )
}

function checkFor(line: Line, input: string): Checked {
  return line.serialKind === 'imei' ? checkImei(input) : checkSerial(input, line.serialPattern)
}

function duplicateMessage(
  serial: string,
  orderId: number,
  seen: { orderId: number; orderNumber: string; status: string; boxNumber: number | null }
): string {
  const where = seen.orderId === orderId ? 'this order' : `order ${seen.orderNumber}`
  const box = seen.boxNumber === null ? 'not yet in a box' : `box ${seen.boxNumber}`
  const verb = seen.status === 'shipped' ? 'Already shipped' : 'Already scanned'
  return `${verb}: ${serial} is in ${where}, ${box}`
}
