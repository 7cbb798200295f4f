import { getTableName } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { perClient } from '../db/prepared'
import { events, outbox } from '../db/schema'
import { newId } from '../ids'

// Prepared once per connection, as plain statements: events are written on
// the scan path and once per imported order (100,000 in one import), where
// drizzle's per-call mapping cost as much as the insert. test/core/eventLog.test.ts
// reads every column back.
const statements = perClient((client) => ({
  event: client.prepare(
    `INSERT INTO ${getTableName(events)} (id, at, type, operator_id, order_id, entity_id, from_status, to_status, reason, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ),
  outbox: client.prepare(
    `INSERT INTO ${getTableName(outbox)} (id, event_id, type, order_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)`
  )
}))

/** A JSON column's value as drizzle's `mode: 'json'` stores it. */
const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value))

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
  statements(db).event.run(
    id,
    input.at,
    input.type,
    input.operatorId,
    input.orderId ?? null,
    input.entityId ?? null,
    input.fromStatus ?? null,
    input.toStatus ?? null,
    input.reason ?? null,
    json(input.data)
  )
  return id
}

/**
 * Appends an event and queues it for the OMS in the same transaction (the
 * transactional outbox): the outbox id is the idempotency key.
 */
export function recordExportedEvent(db: Db, input: EventInput & { payload: unknown }): string {
  const eventId = recordEvent(db, input)
  statements(db).outbox.run(newId(), eventId, input.type, input.orderId ?? null, json(input.payload), input.at)
  return eventId
}
