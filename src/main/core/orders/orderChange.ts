// The answer to an action on an order's units (scan, Save, reopen, remove,
// void, unpack): what it touched, read back after its commit. Every read here
// is bounded by what the action touched, never by the units already on the
// order, so a scan on a 2,000-unit order answers as fast and as small as one
// on a 2-unit order. The statements are prepared once per connection; lists
// of ids go in as one JSON parameter (json_each), so any number fits.
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { OrderDelta } from '../../../shared/orderDelta'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { boxes, events, orderLines, orders, scannedUnits } from '../db/schema'
import { refuse } from '../errors'
import { withReasonWords } from './holdReasons'
import { boxesQuery, eventsQuery, linesQuery, liveUnitsQuery, withPending } from './orderParts'
import { summaryColumns } from './queries'

/** What an action touched on the order. */
export type Touched = {
  /** Units it added (scanned now). */
  added?: string[]
  /** Units it took off the order. */
  removed?: string[]
  /** The lines whose counts it changed, when the action knows them (a scan); else they are read from the units. */
  lines?: number[]
  /** Boxes it created or changed. */
  boxes?: string[]
  /** Save: the box every loose unit went into. */
  boxedInto?: string | null
}

/** Where the event log stands before an action: its history is what comes after. */
export type HistoryMark = number

const p = (name: string) => sql.placeholder(name)
/** `column` is one of the ids in the JSON array parameter `name`. */
const inIds = (column: Parameters<typeof inArray>[0], name: string) => inArray(column, sql`(select value from json_each(${p(name)}))`)

const statements = perConnection((db) => ({
  mark: db
    .select({ n: sql<number | null>`max(rowid)` })
    .from(events)
    .prepare(),
  head: db
    .select({ status: orders.status, omsStatus: orders.omsStatus, scannedQuantity: summaryColumns.scannedQuantity })
    .from(orders)
    .where(eq(orders.id, p('orderId')))
    .prepare(),
  linesOfUnits: db.selectDistinct({ line: scannedUnits.orderLineId }).from(scannedUnits).where(inIds(scannedUnits.id, 'ids')).prepare(),
  // Each line by its id (a handful), not every line of the order filtered by the list: the unary + keeps
  // SQLite from reaching them through the order's index, which reads every line of the order.
  lines: linesQuery(db, and(inIds(orderLines.id, 'ids'), sql`+${orderLines.orderId} = ${p('orderId')}`)).prepare(),
  units: liveUnitsQuery(db, inIds(scannedUnits.id, 'ids')).prepare(),
  boxes: boxesQuery(db, and(eq(boxes.orderId, p('orderId')), inIds(boxes.id, 'ids'))).prepare(),
  unitsInBox: db
    .select({ n: sql<number>`count(*)` })
    .from(scannedUnits)
    .where(and(eq(scannedUnits.boxId, p('boxId')), isNull(scannedUnits.removedAt)))
    .prepare(),
  events: eventsQuery(db, and(eq(events.orderId, p('orderId')), gt(sql`${events}.rowid`, p('mark')))).prepare()
}))

function historyMark(db: Db): HistoryMark {
  return statements(db).mark.get()?.n ?? 0
}

/**
 * Runs `action` on the order and answers what it said with what it changed
 * (never the whole order). The history is marked before the action, so
 * whatever the action records on the order — a hold it released included —
 * is in the answer.
 */
export function withChange<T extends { touched: Touched }>(
  db: Db,
  orderId: number,
  action: () => T
): Omit<T, 'touched'> & { change: OrderDelta } {
  const mark = historyMark(db)
  const { touched, ...result } = action()
  // Its reads in one read transaction: each statement on its own would start and end one, taking and
  // releasing the WAL's read lock each time (about 6 µs apiece on the 1M-order station; issue 10).
  return { ...result, change: db.transaction(() => orderChange(db, orderId, mark, touched)) }
}

function orderChange(db: Db, orderId: number, mark: HistoryMark, touched: Touched): OrderDelta {
  const q = statements(db)
  const head = q.head.get({ orderId })
  if (!head) return refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId } })
  const added = touched.added ?? []
  const removed = touched.removed ?? []
  const touchedUnits = [...added, ...removed]
  const lineIds = touched.lines ?? (touchedUnits.length ? q.linesOfUnits.all({ ids: JSON.stringify(touchedUnits) }).map((r) => r.line) : [])
  const boxIds = [...new Set([...(touched.boxes ?? []), ...(touched.boxedInto ? [touched.boxedInto] : [])])]
  return {
    orderId,
    ...head,
    lines: lineIds.length ? withPending(q.lines.all({ orderId, ids: JSON.stringify(lineIds) })) : [],
    added: added.length ? q.units.all({ ids: JSON.stringify(added) }).map(({ boxId: _, ...u }) => u) : [],
    removed,
    boxedInto: touched.boxedInto ?? null,
    boxes: boxIds.length
      ? q.boxes.all({ orderId, ids: JSON.stringify(boxIds) }).map((b) => ({ ...b, unitCount: q.unitsInBox.get({ boxId: b.id })!.n }))
      : [],
    // Most actions record nothing in the history: one look at its end says so, cheaper than reading the order's.
    events: historyMark(db) === mark ? [] : q.events.all({ orderId, mark }).map(withReasonWords)
  }
}
