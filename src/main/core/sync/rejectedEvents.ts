// Events the OMS rejected (e.g. an IMEI another station already shipped) are
// never dropped: they wait on the Sync screen until a shift lead re-sends one
// (after fixing the cause) or acknowledges it. Both are written to the event
// log with who and why; the outbox row itself is never deleted.
import { and, asc, eq, inArray, isNotNull, notExists, sql } from 'drizzle-orm'
import type { RejectedEventsPage, RejectedEventsQuery } from '../../../shared/sync'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { events, orders, outbox } from '../db/schema'
import { recordEvent } from '../events/eventLog'

export const ACKNOWLEDGED = 'sync.rejection_acknowledged'
export const RESENT = 'sync.rejection_resent'

const acknowledged = (db: Db) =>
  notExists(
    db
      .select({ one: sql`1` })
      .from(events)
      .where(and(sql`${events.orderId} is ${outbox.orderId}`, eq(events.type, ACKNOWLEDGED), eq(events.entityId, outbox.id)))
  )

const open = (db: Db) => and(isNotNull(outbox.rejectedAt), acknowledged(db))

/** Entries a page holds unless the screen asks for another number (at most 500, the contract's limit). */
export const REJECTED_PAGE = 100

/**
 * The rejected events still open, oldest first, a page at a time (by key on the rejected rows' index
 * (created_at, id): a deep page costs what the first does); `open` counts them all.
 */
export function listRejectedEvents(db: Db, { limit = REJECTED_PAGE, cursor }: RejectedEventsQuery = {}): RejectedEventsPage {
  const after = cursor ? sql`(${outbox.createdAt}, ${outbox.id}) > (${cursor.createdAt}, ${cursor.id})` : undefined
  // One more than asked: whether a next page exists without a second query.
  const rows = db
    .select({
      id: outbox.id,
      type: outbox.type,
      orderId: outbox.orderId,
      orderNumber: orders.orderNumber,
      omsOrderId: orders.omsOrderId,
      createdAt: outbox.createdAt,
      rejectedAt: sql<string>`${outbox.rejectedAt}`,
      reason: sql<string>`coalesce(${outbox.rejectReason}, 'no reason given')`
    })
    .from(outbox)
    .leftJoin(orders, eq(orders.id, outbox.orderId))
    .where(and(open(db), after))
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .limit(limit + 1)
    .all()
  const rejected = rows.slice(0, limit)
  const last = rejected.at(-1)
  return {
    rejected,
    nextCursor: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null,
    open: rejectedCount(db)
  }
}

export function rejectedCount(db: Db): number {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(outbox)
    .where(open(db))
    .get()!.n
}

type Rejected = { id: string; orderId: number | null; rejectReason: string | null }

function openRows(db: Db, ids: string[]): Rejected[] {
  return db
    .select({ id: outbox.id, orderId: outbox.orderId, rejectReason: outbox.rejectReason })
    .from(outbox)
    .where(and(inArray(outbox.id, ids), open(db)))
    .all()
}

/** Puts rejected events back in the queue (the cause was fixed); returns how many. */
export function resendRejected(db: Db, clock: Clock, ids: string[], operatorId: number): number {
  return db.transaction((tx) => {
    const rows = openRows(tx, ids)
    const at = isoNow(clock)
    for (const row of rows) {
      recordEvent(tx, { at, type: RESENT, operatorId, orderId: row.orderId, entityId: row.id, reason: row.rejectReason })
      tx.update(outbox)
        .set({
          rejectedAt: null,
          rejectReason: null,
          nextAttemptAt: null,
          lastError: `re-sent by a shift lead after the OMS rejected it: ${row.rejectReason ?? ''}`
        })
        .where(eq(outbox.id, row.id))
        .run()
    }
    return rows.length
  })
}

/** A shift lead has seen the rejection and dealt with it outside the station; returns how many. */
export function acknowledgeRejected(db: Db, clock: Clock, ids: string[], operatorId: number): number {
  return db.transaction((tx) => {
    const rows = openRows(tx, ids)
    const at = isoNow(clock)
    for (const row of rows)
      recordEvent(tx, { at, type: ACKNOWLEDGED, operatorId, orderId: row.orderId, entityId: row.id, reason: row.rejectReason })
    return rows.length
  })
}

/** Rejections still open (neither re-sent nor acknowledged): the filter other views of them use (serial conflicts). */
export const openRejections = open
