import { sql } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { events, outbox } from '../db/schema'
import { newId } from '../ids'

const p = (name: string) => sql.placeholder(name)

// Prepared once per connection: events are written on the scan path (first scan of an order).
const statements = perConnection((db) => ({
  event: db
    .insert(events)
    .values({
      id: p('id'),
      at: p('at'),
      type: p('type'),
      operatorId: p('operatorId'),
      orderId: p('orderId'),
      entityId: p('entityId'),
      fromStatus: p('fromStatus'),
      toStatus: p('toStatus'),
      reason: p('reason'),
      data: p('data')
    })
    .prepare(),
  outbox: db
    .insert(outbox)
    .values({
      id: p('id'),
      eventId: p('eventId'),
      type: p('type'),
      orderId: p('orderId'),
      payload: p('payload'),
      createdAt: p('createdAt')
    })
    .prepare()
}))

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
  statements(db).event.run({
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
  return id
}

/**
 * Appends an event and queues it for the OMS in the same transaction (the
 * transactional outbox): the outbox id is the idempotency key.
 */
export function recordExportedEvent(db: Db, input: EventInput & { payload: unknown }): string {
  const eventId = recordEvent(db, input)
  statements(db).outbox.run({
    id: newId(),
    eventId,
    type: input.type,
    orderId: input.orderId ?? null,
    payload: input.payload,
    createdAt: input.at
  })
  return eventId
}
