// The answer to an action on an order's units (scan, Save, reopen, remove,
// void, unpack): what it touched, read back after its commit. Every read here
// is bounded by what the action touched, never by the units already on the
// order, so a scan on a 2,000-unit order answers as fast and as small as one
// on a 2-unit order.
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { OrderDelta } from '../../../shared/orderDelta'
import type { Db } from '../db/connection'
import { boxes, events, orderLines, orders, scannedUnits } from '../db/schema'
import { refuse } from '../errors'
import { boxRows, eventRows, lineRows, liveUnitRows } from './orderParts'
import { summaryColumns } from './queries'

/** What an action touched on the order. */
export type Touched = {
  /** Units it added (scanned now). */
  added?: string[]
  /** Units it took off the order. */
  removed?: string[]
  /** Boxes it created or changed. */
  boxes?: string[]
  /** Save: the box every loose unit went into. */
  boxedInto?: string | null
}

/** Where the event log stands before an action: its history is what comes after. */
export type HistoryMark = number

export function historyMark(db: Db): HistoryMark {
  return db.get<{ n: number | null }>(sql`select max(rowid) as n from ${events}`)?.n ?? 0
}

/** Ids in chunks SQLite takes as bound parameters. */
function inChunks<T>(ids: string[], read: (chunk: string[]) => T[]): T[] {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += 500) out.push(...read(ids.slice(i, i + 500)))
  return out
}

export function orderChange(db: Db, orderId: number, mark: HistoryMark, touched: Touched): OrderDelta {
  const head = db
    .select({
      status: orders.status,
      omsStatus: orders.omsStatus,
      scannedQuantity: summaryColumns.scannedQuantity
    })
    .from(orders)
    .where(eq(orders.id, orderId))
    .get()
  if (!head) return refuse('not_found', `Order ${orderId} does not exist.`)
  const added = touched.added ?? []
  const removed = touched.removed ?? []
  const lineIds = new Set(
    inChunks([...added, ...removed], (chunk) =>
      db.select({ line: scannedUnits.orderLineId }).from(scannedUnits).where(inArray(scannedUnits.id, chunk)).all()
    ).map((r) => r.line)
  )
  const boxIds = [...new Set([...(touched.boxes ?? []), ...(touched.boxedInto ? [touched.boxedInto] : [])])]
  return {
    orderId,
    ...head,
    lines: lineIds.size ? lineRows(db, and(eq(orderLines.orderId, orderId), inArray(orderLines.id, [...lineIds]))) : [],
    added: inChunks(added, (chunk) => liveUnitRows(db, inArray(scannedUnits.id, chunk))).map(({ boxId: _, ...u }) => u),
    removed,
    boxedInto: touched.boxedInto ?? null,
    boxes: boxIds.length
      ? boxRows(db, and(eq(boxes.orderId, orderId), inArray(boxes.id, boxIds))).map((b) => ({ ...b, unitCount: liveUnitsIn(db, b.id) }))
      : [],
    events: eventRows(db, and(eq(events.orderId, orderId), gt(sql`${events}.rowid`, mark)))
  }
}

function liveUnitsIn(db: Db, boxId: string): number {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(scannedUnits)
    .where(and(eq(scannedUnits.boxId, boxId), isNull(scannedUnits.removedAt)))
    .get()!.n
}
