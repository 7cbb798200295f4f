// The one state machine every order status change goes through (SPEC §1).
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { orders, type ORDER_STATUSES } from '../db/schema'
import { recordExportedEvent } from '../events/eventLog'
import { refuse } from '../errors'

export type OrderStatus = (typeof ORDER_STATUSES)[number]

/** Every legal move, with the reason a person would give for it. */
export const TRANSITIONS: Record<OrderStatus, Partial<Record<OrderStatus, string>>> = {
  on_hold: { ready: 'released from hold', cancelled: 'cancelled in the OMS' },
  ready: { on_hold: 'held', in_progress: 'first unit scanned', cancelled: 'cancelled in the OMS' },
  in_progress: { packed: 'packing confirmed', cancelled: 'cancelled in the OMS' },
  packed: { shipped: 'handed to the carrier', cancelled: 'cancelled in the OMS' },
  shipped: {},
  cancelled: {}
}

/** Why an order in a status cannot make a move: one sentence per status it is in. */
const CANNOT_BECOME = {
  on_hold: 'refusals:orders.cannotBecome.on_hold',
  ready: 'refusals:orders.cannotBecome.ready',
  in_progress: 'refusals:orders.cannotBecome.in_progress',
  packed: 'refusals:orders.cannotBecome.packed',
  shipped: 'refusals:orders.cannotBecome.shipped',
  cancelled: 'refusals:orders.cannotBecome.cancelled'
} as const satisfies Record<OrderStatus, string>

export const STATUS_LABEL: Record<OrderStatus, string> = {
  on_hold: 'on hold',
  ready: 'ready',
  in_progress: 'in progress',
  packed: 'packed',
  shipped: 'shipped',
  cancelled: 'cancelled'
}

const setStatus = perConnection((db) =>
  db
    .update(orders)
    .set({ status: sql`${sql.placeholder('status')}`, updatedAt: sql`${sql.placeholder('at')}` })
    .where(eq(orders.id, sql.placeholder('id')))
    .prepare()
)

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from][to] !== undefined
}

/** Refuses an illegal move with a sentence that says why. */
export function assertTransition(from: OrderStatus, to: OrderStatus, orderNumber: string): void {
  if (!canTransition(from, to)) {
    refuse('illegal_transition', { key: CANNOT_BECOME[from], params: { orderNumber, status: to } })
  }
}

/**
 * Moves an order to a new status: checked, logged in the event log and queued
 * for export, all in the caller's transaction.
 */
export function transitionOrder(
  db: Db,
  order: { id: number; orderNumber: string; omsOrderId: string; status: OrderStatus },
  to: OrderStatus,
  by: { operatorId: number | null; at: string; reason?: string; data?: Record<string, unknown> }
): void {
  assertTransition(order.status, to, order.orderNumber)
  setStatus(db).run({ status: to, at: by.at, id: order.id })
  recordExportedEvent(db, {
    at: by.at,
    type: `order.${to}`,
    operatorId: by.operatorId,
    orderId: order.id,
    entityId: order.omsOrderId,
    fromStatus: order.status,
    toStatus: to,
    reason: by.reason ?? TRANSITIONS[order.status][to] ?? null,
    payload: {
      omsOrderId: order.omsOrderId,
      orderNumber: order.orderNumber,
      from: order.status,
      to,
      at: by.at,
      operatorId: by.operatorId,
      ...by.data
    }
  })
  order.status = to
}
