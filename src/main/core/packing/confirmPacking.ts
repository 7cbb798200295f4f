// Packing Confirmation (SPEC §6): every line complete and every unit in a
// confirmed box; then the order becomes packed, logged and queued for the OMS.
// A bulk `partial` order may ship short with a shift lead's approval (the rest
// stays open in the OMS or is closed); a `block_complete` order never does.
import { eq } from 'drizzle-orm'
import type { OrderDetail } from '../../../shared/orders'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { orders } from '../db/schema'
import { english, refuse } from '../errors'
import type { Sentence } from '../../../shared/words'
import { packedShortReason } from '../orders/holdReasons'
import { getOrderDetail } from '../orders/queries'
import { transitionOrder } from '../orders/status'
import type { ApprovedBy } from './exceptions'

export type ShortShipment = { approvedBy: ApprovedBy; remainder: 'open' | 'closed' }

/** What must be done before anything can be confirmed, complete or short. */
function boxingBlockers(order: OrderDetail): Sentence[] {
  const blockers: Sentence[] = []
  if (order.status !== 'in_progress') {
    blockers.push(
      order.status === 'ready'
        ? { key: 'answers:packing.blocker.nothingScanned' }
        : { key: 'answers:packing.blocker.orderIs', params: { status: order.status } }
    )
  }
  if (order.looseUnits.length > 0) {
    blockers.push({ key: 'answers:packing.blocker.looseUnits', params: { count: order.looseUnits.length } })
  }
  for (const box of order.boxes) {
    if (box.status === 'saved') blockers.push({ key: 'answers:packing.blocker.boxOpen', params: { box: box.number } })
  }
  return blockers
}

const incompleteLines = (order: OrderDetail) => order.lines.filter((l) => l.pendingCount > 0)

/** Why the order cannot be confirmed complete, one sentence each (words for the screens); empty when it can. */
export function confirmationBlockerWords(order: OrderDetail): Sentence[] {
  return [
    ...boxingBlockers(order),
    ...incompleteLines(order).map((l) => ({
      key: 'answers:packing.blocker.lineShort',
      params: { product: l.productName, scanned: l.scanCount, quantity: l.quantity }
    }))
  ]
}

/** The same in English. */
export function confirmationBlockers(order: OrderDetail): string[] {
  return confirmationBlockerWords(order).map(english)
}

/** Why an order may not ship short, one sentence each; null when it may (or need not). */
function whyNotShort(order: OrderDetail): Sentence[] | null {
  if (incompleteLines(order).length === 0) return null
  if (order.orderType !== 'bulk') return [{ key: 'answers:packing.short.b2c' }]
  if (order.fulfilmentType === 'block_complete') return [{ key: 'answers:packing.short.blockComplete' }]
  const blockers = boxingBlockers(order)
  if (blockers.length > 0) return blockers
  if (order.lines.every((l) => l.scanCount === 0)) return [{ key: 'answers:packing.short.nothingPacked' }]
  return null
}

/**
 * Whether the order may ship short with a shift lead's approval, and if not, why not: `why` in English,
 * `whyWords` its sentences for the screens.
 */
export function shortShipment(order: OrderDetail): { allowed: boolean; why: string | null; whyWords: Sentence[] } {
  const why = whyNotShort(order)
  if (why) return { allowed: false, why: why.map(english).join(' '), whyWords: why }
  return { allowed: incompleteLines(order).length > 0, why: null, whyWords: [] }
}

export function confirmPacking(db: Db, clock: Clock, orderId: number, operatorId: number, short?: ShortShipment): void {
  db.transaction(
    (tx) => {
      const detail = getOrderDetail(tx, orderId)
      const blockers = confirmationBlockerWords(detail)
      const complete = blockers.length === 0
      if (!complete && !short) {
        refuse('cannot_confirm', { key: 'refusals:packing.cannotConfirm', params: { orderNumber: detail.orderNumber, blockers } })
      }
      if (short) {
        if (complete) refuse('not_short', { key: 'refusals:packing.notShort', params: { orderNumber: detail.orderNumber } })
        const why = whyNotShort(detail)
        if (why) refuse('cannot_ship_short', { key: 'refusals:packing.cannotShipShort', params: { orderNumber: detail.orderNumber, why } })
      }
      const order = tx.select().from(orders).where(eq(orders.id, orderId)).get()!
      const at = isoNow(clock)
      transitionOrder(tx, order, 'packed', {
        operatorId,
        at,
        reason: short ? packedShortReason(short.approvedBy.name, short.remainder) : undefined,
        data: {
          boxes: detail.boxes
            .filter((b) => b.status === 'confirmed')
            .map((b) => ({ boxId: b.id, number: b.number, sscc: b.sscc, serials: b.units.map((u) => u.serial) })),
          ...(short && {
            short: {
              approvedBy: short.approvedBy,
              remainder: short.remainder,
              lines: detail.lines.map((l) => ({ lineId: l.lineId, sku: l.sku, ordered: l.quantity, packed: l.scanCount }))
            }
          })
        }
      })
    },
    { behavior: 'immediate' }
  )
}
