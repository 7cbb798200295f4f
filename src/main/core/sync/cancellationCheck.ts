// Before Packing Confirmation the station asks the OMS whether the order was
// cancelled meanwhile (SPEC §6). Online and cancelled: the order becomes
// cancelled through the state machine and confirmation is refused. Offline
// (no OMS configured, unreachable, too slow): confirmation goes ahead and the
// OMS's later answer (a pulled cancellation, a rejected event) is handled then.
import { eq } from 'drizzle-orm'
import type { Clock } from '../clock'
import type { Db } from '../db/connection'
import { orders } from '../db/schema'
import { refuse } from '../errors'
import type { Words } from '../../../shared/words'
import { applyOmsStatus } from './applyOmsStatus'
import { OmsError, type OmsClient } from './omsClient'
import { isCancelledStatus } from './omsWire'

export type OmsStatusCheck = {
  /** The OMS answered. */
  online: boolean
  cancelled: boolean
  /** The OMS's status for the order, when it answered. */
  omsStatus: string | null
  /** Why the check could not be made (no OMS configured, network, timeout). */
  problem: string | null
  /** The same as catalogue words, for a screen in its own language. */
  problemWords: Words | null
  /** The order changed status here because of the answer. */
  changed: boolean
}

export async function checkOmsStatus(
  db: Db,
  clock: Clock,
  client: OmsClient | null,
  orderId: number,
  timeoutMs: number
): Promise<OmsStatusCheck> {
  const order = db.select({ omsOrderId: orders.omsOrderId }).from(orders).where(eq(orders.id, orderId)).get()
  if (!order) return refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId } })
  if (!client)
    return {
      online: false,
      cancelled: false,
      omsStatus: null,
      problem: 'no OMS configured',
      problemWords: { key: 'sync:check.noOms' },
      changed: false
    }
  try {
    const answer = await client.orderStatus(order.omsOrderId, timeoutMs)
    if (!answer)
      return {
        online: true,
        cancelled: false,
        omsStatus: null,
        problem: `the OMS does not know order ${order.omsOrderId}`,
        problemWords: { key: 'sync:check.unknownOrder', params: { omsOrderId: order.omsOrderId } },
        changed: false
      }
    if (!isCancelledStatus(answer.status))
      return { online: true, cancelled: false, omsStatus: answer.status, problem: null, problemWords: null, changed: false }
    const applied = applyOmsStatus(db, clock, orderId, answer.status)
    return {
      online: true,
      cancelled: true,
      omsStatus: answer.status,
      problem: applied.conflict,
      problemWords: applied.conflictWords,
      changed: applied.changed
    }
  } catch (error) {
    if (!(error instanceof OmsError)) throw error
    return { online: false, cancelled: false, omsStatus: null, problem: error.message, problemWords: error.words, changed: false }
  }
}

/** The refusal Packing Confirmation gives when the OMS says the order was cancelled. */
export function refuseIfCancelled(check: OmsStatusCheck, orderNumber: string): void {
  if (check.cancelled) {
    refuse('cancelled_in_oms', { key: 'refusals:sync.cancelledInOms', params: { orderNumber } })
  }
}
