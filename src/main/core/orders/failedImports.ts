// The failed-imports list (SPEC §1): records that could not be imported, with
// the reason (in English and as catalogue words, for each operator's language),
// kept until a later import or a retry stores them. One open entry per order
// id; importing the order settles it.
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { FailedImportsPage, FailedImportsQuery } from '../../../shared/orders'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { failedImports } from '../db/schema'
import type { Outcome } from './import/storeOrders'

/** Entries a page holds unless the screen asks for another number (at most 500, the contract's limit). */
export const FAILED_IMPORTS_PAGE = 100

const open = isNull(failedImports.resolvedAt)
const p = (name: string) => sql.placeholder(name)

/** Prepared once per connection; both pages read the open entries' index (resolved_at, last_tried_at, rowid) in its order. */
const listing = perConnection((db) => {
  const columns = {
    id: failedImports.id,
    source: failedImports.source,
    omsOrderId: failedImports.omsOrderId,
    reason: failedImports.reason,
    reasonWords: failedImports.reasonWords,
    attempts: failedImports.attempts,
    createdAt: failedImports.createdAt,
    lastTriedAt: failedImports.lastTriedAt
  }
  const newestFirst = [desc(failedImports.lastTriedAt), desc(failedImports.id)] as const
  return {
    first: db
      .select(columns)
      .from(failedImports)
      .where(open)
      .orderBy(...newestFirst)
      .limit(p('limit'))
      .prepare(),
    after: db
      .select(columns)
      .from(failedImports)
      .where(and(open, sql`(${failedImports.lastTriedAt}, ${failedImports.id}) < (${p('lastTriedAt')}, ${p('id')})`))
      .orderBy(...newestFirst)
      .limit(p('limit'))
      .prepare(),
    count: db.select({ n: count() }).from(failedImports).where(open).prepare()
  }
})

/**
 * The failed imports still waiting for their cause to be fixed, newest tried first, a page at a time (by key:
 * a deep page costs what the first does). `open` counts every open entry (the open entries' index alone).
 */
export function listFailedImports(db: Db, { limit = FAILED_IMPORTS_PAGE, cursor }: FailedImportsQuery = {}): FailedImportsPage {
  const q = listing(db)
  // One more than asked: whether a next page exists without a second query.
  const rows = cursor ? q.after.all({ limit: limit + 1, ...cursor }) : q.first.all({ limit: limit + 1 })
  const failed = rows.slice(0, limit)
  const last = failed.at(-1)
  return {
    failed,
    nextCursor: rows.length > limit && last ? { lastTriedAt: last.lastTriedAt, id: last.id } : null,
    open: q.count.get()!.n
  }
}

/**
 * The open entries of a batch's order ids (passed as one JSON array): one statement, prepared once. Through the
 * partial index of open entries by order id, so the batch reads its own orders' entries however many others are
 * open: `likelihood` tells SQLite that "open" alone narrows little (else it walks every open entry by the list's index).
 */
const openEntries = perConnection((db) =>
  db
    .select({ id: failedImports.id, omsOrderId: failedImports.omsOrderId, attempts: failedImports.attempts })
    .from(failedImports)
    .where(
      and(
        sql`likelihood(${failedImports.resolvedAt} is null, 0.9)`,
        inArray(failedImports.omsOrderId, sql`(select value from json_each(${sql.placeholder('ids')}))`)
      )
    )
    .orderBy(asc(failedImports.id))
    .prepare()
)

/** A record of an import, as the failed-imports list keeps it: `payload` is its FailedPayload as JSON text. */
export type ImportedRecord = { payload: string; omsOrderId: string | null }

/**
 * Brings the list up to date with what happened to `records` (in file order):
 * a failure opens an entry, or updates the order's open one (one more attempt);
 * a stored order settles its open entries. One lookup for the whole batch.
 */
export function keepFailedImports(db: Db, at: string, source: string, records: ImportedRecord[], outcomes: Outcome[]): void {
  const ids = [...new Set(records.flatMap((r, i) => (r.omsOrderId !== null && outcomes[i].result !== 'unchanged' ? [r.omsOrderId] : [])))]
  const open = new Map<string, { id: number; attempts: number }>()
  if (ids.length > 0) {
    for (const row of openEntries(db).all({ ids: JSON.stringify(ids) })) {
      if (row.omsOrderId !== null && !open.has(row.omsOrderId)) open.set(row.omsOrderId, row)
    }
  }
  records.forEach(({ payload: json, omsOrderId }, i) => {
    const outcome = outcomes[i]
    const entry = omsOrderId === null ? undefined : open.get(omsOrderId)
    if (outcome.result === 'failed') {
      const { reason, words: reasonWords } = outcome
      const payload: unknown = JSON.parse(json)
      if (entry) {
        entry.attempts++
        db.update(failedImports)
          .set({ payload, reason, reasonWords, source, attempts: entry.attempts, lastTriedAt: at })
          .where(eq(failedImports.id, entry.id))
          .run()
      } else {
        const { id } = db
          .insert(failedImports)
          .values({ source, omsOrderId, payload, reason, reasonWords, createdAt: at, lastTriedAt: at })
          .returning({ id: failedImports.id })
          .get()
        if (omsOrderId !== null) open.set(omsOrderId, { id, attempts: 1 })
      }
    } else if (outcome.result === 'imported' && entry && omsOrderId !== null) {
      // Only a record that was actually stored settles earlier failures of the same order: re-importing
      // the original of a conflicting order leaves the conflict on the list.
      settleFailedImports(db, at, eq(failedImports.omsOrderId, omsOrderId))
      open.delete(omsOrderId)
    }
  })
}

/** Marks open entries as imported. */
export function settleFailedImports(db: Db, at: string, which: ReturnType<typeof eq>): void {
  db.update(failedImports)
    .set({ resolvedAt: at, lastTriedAt: at })
    .where(and(which, isNull(failedImports.resolvedAt)))
    .run()
}
