// Reading and settling outbox rows for the OMS: which events may go next (in
// order per order), what each looks like on the wire, and how the OMS's
// answer is recorded. A row is marked sent only after the OMS acknowledged it.
import { and, asc, count, eq, gt, inArray, isNull, lte, min, or, sql } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { events, operators, orders, outbox } from '../db/schema'
import type { EventResult, WireEvent } from './omsWire'

export type PendingRow = WireEvent & { orderKey: string; attempts: number }

const pending = and(isNull(outbox.sentAt), isNull(outbox.rejectedAt))

function selectWire(db: Db) {
  return db
    .select({
      id: outbox.id,
      type: outbox.type,
      orderId: outbox.orderId,
      omsOrderId: orders.omsOrderId,
      payload: outbox.payload,
      at: outbox.createdAt,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      operatorId: events.operatorId,
      operatorName: operators.name
    })
    .from(outbox)
    .innerJoin(events, eq(events.id, outbox.eventId))
    .leftJoin(operators, eq(operators.id, events.operatorId))
    .leftJoin(orders, eq(orders.id, outbox.orderId))
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectWire>['all']>>[number]

const toWire = (stationId: string, row: Selected): PendingRow => ({
  id: row.id,
  type: row.type,
  stationId,
  operator: row.operatorId !== null ? { id: row.operatorId, name: row.operatorName ?? '' } : null,
  at: row.at,
  omsOrderId: row.omsOrderId ?? null,
  payload: row.payload,
  orderKey: row.orderId === null ? 'station' : `order:${row.orderId}`,
  attempts: row.attempts
})

/**
 * The next events that may be sent, oldest first: an event waits while an
 * earlier event of the same order is still waiting for its retry time, so one
 * order's later events never overtake an earlier one.
 */
export function nextBatch(db: Db, stationId: string, now: string, size: number): PendingRow[] {
  const window = selectWire(db)
    .where(pending)
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .limit(size * 20)
    .all()
  const blocked = new Set<string>()
  const batch: PendingRow[] = []
  for (const row of window) {
    const wire = toWire(stationId, row)
    if (blocked.has(wire.orderKey)) continue
    if (row.nextAttemptAt !== null && row.nextAttemptAt > now) {
      blocked.add(wire.orderKey)
      continue
    }
    batch.push(wire)
    if (batch.length >= size) break
  }
  return batch
}

/** When the earliest waiting event may be tried again; null when nothing waits for a retry time. */
export function nextRetryAt(db: Db, now: string): string | null {
  return (
    db
      .select({ at: min(outbox.nextAttemptAt) })
      .from(outbox)
      .where(and(pending, gt(outbox.nextAttemptAt, now)))
      .get()?.at ?? null
  )
}

export function hasDueEvents(db: Db, now: string): boolean {
  return !!db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(pending, or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now))))
    .limit(1)
    .get()
}

export type Settled = { accepted: number; duplicate: number; rejected: number; unanswered: number }

/** Records the OMS's answer for a batch in one transaction; unanswered events are retried at `retryAt`. */
export function settleBatch(db: Db, batch: PendingRow[], results: EventResult[], now: string, retryAt: string): Settled {
  const byId = new Map(results.map((r) => [r.id, r]))
  const settled: Settled = { accepted: 0, duplicate: 0, rejected: 0, unanswered: 0 }
  db.transaction((tx) => {
    for (const row of batch) {
      const result = byId.get(row.id)
      const attempts = sql`${outbox.attempts} + 1`
      if (!result) {
        settled.unanswered++
        tx.update(outbox)
          .set({ attempts, nextAttemptAt: retryAt, lastError: 'The OMS did not answer for this event; it will be sent again.' })
          .where(eq(outbox.id, row.id))
          .run()
      } else if (result.status === 'rejected') {
        settled.rejected++
        tx.update(outbox)
          .set({ attempts, rejectedAt: now, rejectReason: result.reason, nextAttemptAt: null })
          .where(eq(outbox.id, row.id))
          .run()
      } else {
        settled[result.status]++
        tx.update(outbox).set({ attempts, sentAt: now, nextAttemptAt: null, lastError: null }).where(eq(outbox.id, row.id)).run()
      }
    }
  })
  return settled
}

/** The whole batch failed (network, timeout, 5xx…): every row waits until `retryAt`. */
export function deferBatch(db: Db, batch: PendingRow[], error: string, retryAt: string): void {
  db.update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: retryAt, lastError: error })
    .where(
      inArray(
        outbox.id,
        batch.map((r) => r.id)
      )
    )
    .run()
}

/** Events not yet acknowledged by the OMS (rejected ones are counted apart). */
export function waitingCount(db: Db): number {
  return db.select({ n: count() }).from(outbox).where(pending).get()!.n
}

/** Events not yet written to the export folder, oldest first (rejected or not, sent or not: files get everything). */
export function unexportedEvents(db: Db, stationId: string, limit: number): WireEvent[] {
  return selectWire(db)
    .where(isNull(outbox.exportedAt))
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .limit(limit)
    .all()
    .map((row) => {
      const { orderKey: _key, attempts: _attempts, ...event } = toWire(stationId, row)
      return event
    })
}

export function markExported(db: Db, ids: string[], at: string): void {
  db.transaction((tx) => {
    for (let i = 0; i < ids.length; i += 500) {
      tx.update(outbox)
        .set({ exportedAt: at })
        .where(inArray(outbox.id, ids.slice(i, i + 500)))
        .run()
    }
  })
}

export function unexportedCount(db: Db): number {
  return db.select({ n: count() }).from(outbox).where(isNull(outbox.exportedAt)).get()!.n
}
