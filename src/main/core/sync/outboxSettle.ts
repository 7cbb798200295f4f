// Recording the OMS's answer for a batch of outbox rows: one transaction per
// batch, one prepared statement per kind of answer (the ids travel as one JSON
// array), so settling 500 events costs about what settling one does. A row is
// marked sent only after the OMS acknowledged it (accepted or duplicate).
import { inArray, sql } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { outbox } from '../db/schema'
import type { EventResult } from './omsWire'
import type { PendingRow } from './outboxRows'

export type Settled = { accepted: number; duplicate: number; rejected: number; unanswered: number }

export const UNANSWERED = 'The OMS did not answer for this event; it will be sent again.'

const p = (name: string) => sql.placeholder(name)
const tried = sql`${outbox.attempts} + 1`
/** The rows whose ids are in the JSON array `name`. */
const listed = (name: string) => inArray(outbox.id, sql`(select value from json_each(${p(name)}))`)

const statements = perConnection((db) => ({
  sent: db
    .update(outbox)
    .set({ attempts: tried, sentAt: sql`${p('now')}`, nextAttemptAt: null, lastError: null })
    .where(listed('ids'))
    .prepare(),
  /** `rejected` is a JSON array of { id, reason }. json_each has an `id` column of its own: the row's is spelled out. */
  rejected: db
    .update(outbox)
    .set({
      attempts: tried,
      rejectedAt: sql`${p('now')}`,
      rejectReason: sql`(select r.value ->> 'reason' from json_each(${p('rejected')}) r where r.value ->> 'id' = "outbox"."id")`,
      nextAttemptAt: null
    })
    .where(inArray(outbox.id, sql`(select value ->> 'id' from json_each(${p('rejected')}))`))
    .prepare(),
  unanswered: db
    .update(outbox)
    .set({ attempts: tried, nextAttemptAt: sql`${p('retryAt')}`, lastError: UNANSWERED })
    .where(listed('ids'))
    .prepare(),
  failed: db
    .update(outbox)
    .set({ attempts: tried, lastError: sql`${p('error')}` })
    .where(listed('ids'))
    .prepare()
}))

/**
 * Records the OMS's answer for a batch in one transaction. An event the OMS
 * did not answer for is sent again from `retryAt` (its order's later events wait with it).
 */
export function settleBatch(db: Db, batch: PendingRow[], results: EventResult[], now: string, retryAt: string): Settled {
  const byId = new Map(results.map((r) => [r.id, r]))
  const sent: string[] = []
  const rejected: { id: string; reason: string }[] = []
  const unanswered: string[] = []
  const settled: Settled = { accepted: 0, duplicate: 0, rejected: 0, unanswered: 0 }
  for (const row of batch) {
    const result = byId.get(row.id)
    if (!result) unanswered.push(row.id)
    else if (result.status === 'rejected') rejected.push({ id: row.id, reason: result.reason })
    else {
      settled[result.status]++
      sent.push(row.id)
    }
  }
  settled.rejected = rejected.length
  settled.unanswered = unanswered.length
  const write = statements(db)
  db.transaction(() => {
    if (sent.length) write.sent.run({ ids: JSON.stringify(sent), now })
    if (rejected.length) write.rejected.run({ rejected: JSON.stringify(rejected), now })
    if (unanswered.length) write.unanswered.run({ ids: JSON.stringify(unanswered), retryAt })
  })
  return settled
}

/**
 * The batch failed as a whole (the OMS could not be reached, or refused it): each row counts
 * the try and keeps the reason. No retry time of its own: the relay waits for the connection.
 */
export function recordFailure(db: Db, batch: PendingRow[], error: string): void {
  statements(db).failed.run({ ids: JSON.stringify(batch.map((r) => r.id)), error })
}
