import { eq } from 'drizzle-orm'
import { orders } from '../../src/main/core/db/schema'
import { transitionOrder } from '../../src/main/core/orders/status'
import type { TestStation } from './helpers'

/** The OMS cancels an order (what the sync does), through the state machine. */
export function applyOmsCancel(t: TestStation, orderId: number) {
  t.db.transaction((tx) => {
    const order = tx.select().from(orders).where(eq(orders.id, orderId)).get()!
    transitionOrder(tx, order, 'cancelled', { operatorId: null, at: t.clock().toISOString(), reason: 'cancelled in the OMS' })
  })
}
