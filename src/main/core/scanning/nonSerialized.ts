// Non-Serialized Used Scan (SPEC §3): each scan of the product barcode adds
// one unit to the line of that product, or the operator enters a quantity for
// a line. Same rules as serial scans: the order must be open, the barcode must
// belong to a line of the order, and no line takes more than it ordered.
import { and, eq, sql } from 'drizzle-orm'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { orderLines, orders, products, scannedUnits } from '../db/schema'
import { refuse } from '../errors'
import { newId } from '../ids'
import { notOpenWords } from '../orders/openOrder'
import { transitionOrder } from '../orders/status'
import { refusedScan, type ScanCommit, type ScanRefusal } from './scanTypes'
import { said, type ScanWords } from './scanWords'
import { cleanScan, MAX_SCAN_LENGTH, type ScannerAffixes } from './serial'

export type AddUnitsInput = {
  orderId: number
  operatorId: number
  /** A scanned product barcode (adds one), or… */
  barcode?: string
  /** …a line and the quantity counted by hand. */
  orderLineId?: number
  quantity?: number
}

export const MAX_QUANTITY_ENTRY = 10_000

/** Non-serialized units have no serial: a refusal names at most the line. */
const refused = (outcome: ScanRefusal, words: ScanWords, orderLineId: number | null = null): ScanCommit =>
  refusedScan(outcome, words, null, orderLineId)

export function addNonSerializedUnits(db: Db, clock: Clock, affixes: ScannerAffixes, input: AddUnitsInput): ScanCommit {
  return db.transaction(
    (tx) => {
      const order = tx.select().from(orders).where(eq(orders.id, input.orderId)).get()
      if (!order) return refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId: input.orderId } })
      const closed = notOpenWords(order)
      if (closed) return refused('order_not_open', closed)
      const lines = tx
        .select({
          id: orderLines.id,
          productName: orderLines.productName,
          quantity: orderLines.quantity,
          scannedQuantity: orderLines.scannedQuantity,
          barcode: products.barcode
        })
        .from(orderLines)
        .innerJoin(products, eq(products.sku, orderLines.sku))
        .where(and(eq(orderLines.orderId, order.id), eq(orderLines.serialized, false)))
        .orderBy(orderLines.id)
        .all()
      if (lines.length === 0) return refused('wrong_item', said('noNonSerializedLine', { orderNumber: order.orderNumber }))

      let candidates = lines
      let quantity = 1
      if (input.barcode !== undefined) {
        const code = cleanScan(input.barcode, affixes)
        if (code.length === 0) return refused('invalid_serial', said('emptyScan'))
        if (code.length > MAX_SCAN_LENGTH || !/^[A-Za-z0-9\-_./]+$/.test(code)) {
          return refused('invalid_serial', said('notProductBarcode', { code: `${code.slice(0, 20)}${code.length > 20 ? '…' : ''}` }))
        }
        candidates = lines.filter((l) => l.barcode === code)
        if (candidates.length === 0) return refused('wrong_item', said('wrongBarcodeOrder', { code, orderNumber: order.orderNumber }))
        if (input.orderLineId !== undefined) {
          candidates = candidates.filter((l) => l.id === input.orderLineId)
          if (candidates.length === 0) {
            const chosen = lines.find((l) => l.id === input.orderLineId)
            return refused('wrong_item', said('wrongBarcodeLine', { code, product: chosen?.productName ?? '' }))
          }
        }
      } else {
        if (input.orderLineId === undefined) return refuse('invalid_arguments', { key: 'refusals:scanning.chooseLine' })
        candidates = lines.filter((l) => l.id === input.orderLineId)
        if (candidates.length === 0)
          return refuse('not_found', {
            key: 'refusals:scanning.notNonSerializedLine',
            params: { lineId: input.orderLineId, orderNumber: order.orderNumber }
          })
        quantity = input.quantity ?? 1
      }

      const line = candidates.find((l) => l.quantity - l.scannedQuantity >= quantity)
      if (!line) {
        const l = candidates[0]
        const pending = l.quantity - l.scannedQuantity
        return refused(
          'over_scan',
          pending === 0
            ? said('overScanUnits', { product: l.productName, done: l.scannedQuantity, ordered: l.quantity })
            : said('overScanNeedsOnly', { product: l.productName, pending, quantity }),
          l.id
        )
      }

      const at = isoNow(clock)
      const unitIds = Array.from({ length: quantity }, () => newId())
      for (const id of unitIds) {
        tx.insert(scannedUnits)
          .values({
            id,
            orderId: order.id,
            orderLineId: line.id,
            serial: null,
            entryMethod: input.barcode !== undefined ? 'scanned' : 'typed',
            scannedBy: input.operatorId,
            scannedAt: at
          })
          .run()
      }
      tx.update(orderLines)
        .set({ scannedQuantity: sql`${orderLines.scannedQuantity} + ${quantity}` })
        .where(eq(orderLines.id, line.id))
        .run()
      if (order.status === 'ready') transitionOrder(tx, order, 'in_progress', { operatorId: input.operatorId, at })
      return {
        outcome: 'accepted' as const,
        ...said('acceptedUnits', {
          product: line.productName,
          added: quantity,
          done: line.scannedQuantity + quantity,
          ordered: line.quantity
        }),
        serial: null,
        orderLineId: line.id,
        units: quantity,
        unitIds,
        lineIds: [line.id],
        awaiting: null
      }
    },
    { behavior: 'immediate' }
  )
}
