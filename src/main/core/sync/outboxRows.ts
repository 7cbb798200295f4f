// Reading outbox rows for the OMS and the export folder: which events may go
// next (in order per order) and what each looks like on the wire. How the
// OMS's answer is recorded is outboxSettle's.
import { and, asc, count, eq, gt, inArray, isNull, min, sql } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { events, operators, orders, outbox } from '../db/schema'
import type { WireEvent } from './omsWire'
import { JsonText } from './wireJson'

export type PendingRow = WireEvent & { orderKey: string; attempts: number }

export const pending = and(isNull(outbox.sentAt), isNull(outbox.rejectedAt))

function selectWire(db: Db) {
  return db
    .select({
      id: outbox.id,
      type: outbox.type,
      orderId: outbox.orderId,
      omsOrderId: orders.omsOrderId,
      // As stored (JSON text): the relay puts it on the wire as it is, the export parses it.
      payload: sql<string>`${outbox.payload}`,
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
  payload: new JsonText(row.payload),
  orderKey: row.orderId === null ? 'station' : `order:${row.orderId}`,
  attempts: row.attempts
})

const byAge = [asc(outbox.createdAt), asc(outbox.id)] as const

// Prepared once per connection: the relay reads a batch per round trip to the OMS.
const statements = perConnection((db) => ({
  oldest: selectWire(db)
    .where(pending)
    .orderBy(...byAge)
    .limit(sql.placeholder('limit'))
    .prepare(),
  oldestAfter: selectWire(db)
    .where(and(pending, sql`(${outbox.createdAt}, ${outbox.id}) > (${sql.placeholder('at')}, ${sql.placeholder('id')})`))
    .orderBy(...byAge)
    .limit(sql.placeholder('limit'))
    .prepare(),
  anyWaiting: db.select({ id: outbox.id }).from(outbox).where(pending).limit(1).prepare()
}))

const deferred = (row: Selected, now: string) => row.nextAttemptAt !== null && row.nextAttemptAt > now

/**
 * The oldest `size` waiting events (those after `after`, when given), or null when one of them
 * waits for a retry time of its own: then order per order needs nextBatch's closer look.
 */
export function oldestBatch(db: Db, stationId: string, now: string, size: number, after?: PendingRow): PendingRow[] | null {
  const { oldest, oldestAfter } = statements(db)
  const rows = after ? oldestAfter.all({ limit: size, at: after.at, id: after.id }) : oldest.all({ limit: size })
  return rows.some((row) => deferred(row, now)) ? null : rows.map((row) => toWire(stationId, row))
}

/**
 * The next events that may be sent, oldest first: an event waits while an
 * earlier event of the same order is still waiting for its own retry time
 * (the OMS answered for its batch but not for it), so one order's later
 * events never overtake an earlier one. Usually no event has a retry time,
 * and the oldest `size` go as they are.
 */
export function nextBatch(db: Db, stationId: string, now: string, size: number): PendingRow[] {
  const plain = oldestBatch(db, stationId, now, size)
  if (plain) return plain
  const blocked = new Set<string>()
  const batch: PendingRow[] = []
  for (const row of statements(db).oldest.all({ limit: size * 20 })) {
    const wire = toWire(stationId, row)
    if (blocked.has(wire.orderKey)) continue
    if (deferred(row, now)) {
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

/** Some event is not yet acknowledged by the OMS (nor rejected). */
export const anyWaiting = (db: Db): boolean => statements(db).anyWaiting.get() !== undefined

/** Events not yet acknowledged by the OMS (rejected ones are counted apart). */
export function waitingCount(db: Db): number {
  return db.select({ n: count() }).from(outbox).where(pending).get()!.n
}

/** Events not yet written to the export folder, oldest first (rejected or not, sent or not: files get everything). */
export function unexportedEvents(db: Db, stationId: string, limit: number): WireEvent[] {
  return selectWire(db)
    .where(isNull(outbox.exportedAt))
    .orderBy(...byAge)
    .limit(limit)
    .all()
    .map((row) => {
      const { orderKey: _key, attempts: _attempts, ...event } = toWire(stationId, row)
      return { ...event, payload: JSON.parse(row.payload) as unknown }
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
