import type { Db } from '../db/connection'
import { events, outbox } from '../db/schema'
import { newId } from '../ids'

export type EventInput = {
  at: string
  type: string
  operatorId: number | null
  orderId?: number | null
  entityId?: string | null
  fromStatus?: string | null
  toStatus?: string | null
  reason?: string | null
  data?: unknown
}

/**
 * Appends one event to the log. Call it inside the transaction of the change
 * it describes, so the change and its record commit (or vanish) together.
 */
export function recordEvent(db: Db, input: EventInput): string {
  const id = newId()
  db.insert(events)
    .values({
      id,
      at: input.at,
      type: input.type,
      operatorId: input.operatorId,
      orderId: input.orderId ?? null,
      entityId: input.entityId ?? null,
      fromStatus: input.fromStatus ?? null,
      toStatus: input.toStatus ?? null,
      reason: input.reason ?? null,
      data: input.data ?? null
    })
    .run()
  return id
}

/**
 * Appends an event and queues it for the OMS in the same transaction (the
 * transactional outbox): the outbox id is the idempotency key.
 */
export function recordExportedEvent(db: Db, input: EventInput & { payload: unknown }): string {
  const eventId = recordEvent(db, input)
  db.insert(outbox)
    .values({
      id: newId(),
      eventId,
      type: input.type,
      orderId: input.orderId ?? null,
      payload: input.payload,
      createdAt: input.at
    })
    .run()
  return eventId
}
