// Packing Confirmation (SPEC §6): every line complete and every unit in a
// confirmed box; then the order becomes packed, logged and queued for the OMS.
// A bulk `partial` order may ship short with a shift lead's approval (the rest
// stays open in the OMS or is closed); a `block_complete` order never does.
import { eq } from 'drizzle-orm'
import type { OrderDetail } from '../../../shared/orders'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { orders } from '../db/schema'
import { refuse } from '../errors'
import { getOrderDetail } from '../orders/queries'
import { STATUS_LABEL, transitionOrder } from '../orders/status'
import type { ApprovedBy } from './exceptions'

export type ShortShipment = { approvedBy: ApprovedBy; remainder: 'open' | 'closed' }

/** What must be done before anything can be confirmed, complete or short. */
function boxingBlockers(order: OrderDetail): string[] {
  const blockers: string[] = []
  if (order.status !== 'in_progress') {
    blockers.push(
      order.status === 'ready' ? 'Nothing has been scanned into this order yet.' : `The order is ${STATUS_LABEL[order.status]}.`
    )
  }
  if (order.looseUnits.length > 0) {
    const n = order.looseUnits.length
    blockers.push(`${n} unit${n === 1 ? ' is' : 's are'} not in a box yet: press Save in the scan screen.`)
  }
  for (const box of order.boxes) {
    if (box.status === 'saved') blockers.push(`Box ${box.number} is open (saved, not confirmed): press Save again.`)
  }
  return blockers
}

const incompleteLines = (order: OrderDetail) => order.lines.filter((l) => l.pendingCount > 0)

/** Why the order cannot be confirmed complete; empty when it can. */
export function confirmationBlockers(order: OrderDetail): string[] {
  return [...boxingBlockers(order), ...incompleteLines(order).map((l) => `${l.productName}: ${l.scanCount} of ${l.quantity} scanned.`)]
}

/** Whether the order may ship short with a shift lead's approval, and if not, why not. */
export function shortShipment(order: OrderDetail): { allowed: boolean; why: string | null } {
  if (incompleteLines(order).length === 0) return { allowed: false, why: null }
  if (order.orderType !== 'bulk') return { allowed: false, why: 'A normal (B2C) order ships complete.' }
  if (order.fulfilmentType === 'block_complete') return { allowed: false, why: 'This bulk order is block complete: it never ships short.' }
  const blockers = boxingBlockers(order)
  if (blockers.length > 0) return { allowed: false, why: blockers.join(' ') }
  if (order.lines.every((l) => l.scanCount === 0)) return { allowed: false, why: 'Nothing is packed: there is nothing to ship.' }
  return { allowed: true, why: null }
}

export function confirmPacking(db: Db, clock: Clock, orderId: number, operatorId: number, short?: ShortShipment): void {
  db.transaction(
    (tx) => {
      const detail = getOrderDetail(tx, orderId)
      const complete = confirmationBlockers(detail).length === 0
      if (!complete && !short)
        refuse('cannot_confirm', `Order ${detail.orderNumber} cannot be confirmed: ${confirmationBlockers(detail).join(' ')}`)
      if (short) {
        if (complete) refuse('not_short', `Order ${detail.orderNumber} is complete: confirm it normally.`)
        const check = shortShipment(detail)
        if (!check.allowed) refuse('cannot_ship_short', `Order ${detail.orderNumber} cannot ship short: ${check.why}`)
      }
      const order = tx.select().from(orders).where(eq(orders.id, orderId)).get()!
      const at = isoNow(clock)
      transitionOrder(tx, order, 'packed', {
        operatorId,
        at,
        reason: short ? `packing confirmed short, approved by ${short.approvedBy.name}; remainder ${short.remainder}` : undefined,
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
