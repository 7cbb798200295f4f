// Packing Confirmation (SPEC §6): every line complete, every unit in a
// confirmed box; then the order becomes packed, logged and queued for the OMS.
import { eq } from 'drizzle-orm'
import type { OrderDetail } from '../../../shared/schemas'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { orders } from '../db/schema'
import { refuse } from '../errors'
import { getOrderDetail } from '../orders/queries'
import { STATUS_LABEL, transitionOrder } from '../orders/status'

/** Why the order cannot be confirmed yet; empty when it can. */
export function confirmationBlockers(order: OrderDetail): string[] {
  const blockers: string[] = []
  if (order.status !== 'in_progress') {
    blockers.push(
      order.status === 'ready' ? 'Nothing has been scanned into this order yet.' : `The order is ${STATUS_LABEL[order.status]}.`
    )
  }
  for (const line of order.lines) {
    if (line.pendingCount > 0) blockers.push(`${line.productName}: ${line.scanCount} of ${line.quantity} scanned.`)
  }
  if (order.looseUnits.length > 0) {
    const n = order.looseUnits.length
    blockers.push(`${n} unit${n === 1 ? ' is' : 's are'} not in a box yet: press Save in the scan screen.`)
  }
  for (const box of order.boxes) {
    if (box.status === 'saved') blockers.push(`Box ${box.number} is saved but not confirmed: press Save again.`)
  }
  return blockers
}

export function confirmPacking(db: Db, clock: Clock, orderId: number, operatorId: number): void {
  db.transaction(
    (tx) => {
      const detail = getOrderDetail(tx, orderId)
      const blockers = confirmationBlockers(detail)
      if (blockers.length > 0) refuse('cannot_confirm', `Order ${detail.orderNumber} cannot be confirmed: ${blockers.join(' ')}`)
      const order = tx.select().from(orders).where(eq(orders.id, orderId)).get()!
      const at = isoNow(clock)
      transitionOrder(tx, order, 'packed', {
        operatorId,
        at,
        data: {
          boxes: detail.boxes
            .filter((b) => b.status === 'confirmed')
            .map((b) => ({ boxId: b.id, number: b.number, serials: b.units.map((u) => u.serial) }))
        }
      })
    },
    { behavior: 'immediate' }
  )
}
