// Keyset walks over the orders' indexes for the orders list: each reads the
// next rows after a key, in the order of the index that serves it, and no
// more than it is asked for: no OFFSET, no sort, nothing that grows with the
// number of orders the station has seen (drizzle/0007_list_indexes.sql).
// Every statement is prepared once per connection: a page costs its rows,
// not SQL parsing.
import { and, asc, desc, eq, gt, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { OrderStatus } from '../../../shared/orders'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { OPEN_STATUSES, operators, orders, scannedUnits } from '../db/schema'
import { summaryColumns } from './queries'

const p = sql.placeholder

/** What a walk reads of each order: its place in the list, and the columns the list's filters test. */
const walkColumns = {
  id: orders.id,
  priority: orders.priority,
  createdAt: orders.omsCreatedAt,
  status: orders.status,
  pickingOperatorId: orders.pickingOperatorId,
  packingOperatorId: orders.packingOperatorId,
  shippingOperatorId: orders.shippingOperatorId,
  orderNumber: orders.orderNumber,
  omsOrderId: orders.omsOrderId,
  channelOrderId: orders.channelOrderId,
  parentOrderId: orders.parentOrderId
}
export type WalkRow = {
  id: number
  priority: number
  createdAt: string
  status: OrderStatus
  pickingOperatorId: number | null
  packingOperatorId: number | null
  shippingOperatorId: number | null
  orderNumber: string
  omsOrderId: string
  channelOrderId: string | null
  parentOrderId: string | null
}

/** A row's place in the list's order: priority (highest first), then the oldest, then the id. */
export type ListKey = { priority: number; createdAt: string; id: number }

export const compareListKeys = (a: ListKey, b: ListKey) =>
  b.priority - a.priority || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) || a.id - b.id

/** The orders still to pack (on hold, ready, in progress), spelled as the partial index orders_packing_open spells it. */
const isOpen = sql`${orders.status} IN ${sql.raw(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`)}`

/** The list's filters, each served by one index (its equality prefix, `value`). */
const listFilters = {
  all: undefined,
  status: eq(orders.status, p('value')),
  picking: eq(orders.pickingOperatorId, p('value')),
  packing: eq(orders.packingOperatorId, p('value')),
  shipping: eq(orders.shippingOperatorId, p('value')),
  packingOpen: and(eq(orders.packingOperatorId, p('value')), eq(orders.status, p('status')), isOpen)
}
export type ListFilter = keyof typeof listFilters
/** One walk in the list's order: which index, and its equality values (`status` for packingOpen). */
export type Walk = { by: ListFilter; value?: string | number; status?: OrderStatus }

/** The columns a search matches by prefix, each with its own index. */
export const prefixColumns = {
  orderNumber: orders.orderNumber,
  channelOrderId: orders.channelOrderId,
  omsOrderId: orders.omsOrderId,
  parentOrderId: orders.parentOrderId
} as const
export type PrefixColumn = keyof typeof prefixColumns

const picker = alias(operators, 'picker')
const packer = alias(operators, 'packer')
const shipper = alias(operators, 'shipper')
/** The ids of a JSON array parameter: one statement for any number of ids. */
const idsIn = (name: string) => inArray(orders.id, sql`(select value from json_each(${p(name)}))`)

const statements = perConnection((db) => {
  const select = (where: SQL | undefined, byPriority: boolean) =>
    db
      .select(walkColumns)
      .from(orders)
      .where(where)
      .orderBy(...(byPriority ? [desc(orders.priority)] : []), asc(orders.omsCreatedAt), asc(orders.id))
      .limit(p('n'))
      .prepare()
  const list = (where: SQL | undefined) => ({
    first: select(where, true),
    // After a key: the rest of its priority, then the lower priorities.
    samePriority: select(
      and(where, eq(orders.priority, p('priority')), sql`(${orders.omsCreatedAt}, ${orders.id}) > (${p('createdAt')}, ${p('id')})`),
      false
    ),
    lowerPriority: select(and(where, lt(orders.priority, p('priority'))), true)
  })
  const prefix = (c: SQLiteColumn, after: boolean) =>
    db
      .select(walkColumns)
      .from(orders)
      .where(and(gte(c, p('from')), lt(c, p('to')), after ? sql`(${c}, ${orders.id}) > (${p('key')}, ${p('id')})` : undefined))
      .orderBy(asc(c), asc(orders.id))
      .limit(p('n'))
      .prepare()
  const lists = Object.fromEntries(Object.entries(listFilters).map(([by, where]) => [by, list(where)])) as Record<
    ListFilter,
    ReturnType<typeof list>
  >
  const prefixes = Object.fromEntries(
    Object.entries(prefixColumns).map(([name, c]) => [name, { first: prefix(c, false), after: prefix(c, true) }])
  ) as Record<PrefixColumn, { first: ReturnType<typeof prefix>; after: ReturnType<typeof prefix> }>
  return {
    lists,
    prefixes,
    // Typed as is and upper-cased (`a`, `b`): either IMEI of a unit, removed units included.
    serialOrders: db
      .selectDistinct({ orderId: scannedUnits.orderId })
      .from(scannedUnits)
      .where(
        or(
          eq(scannedUnits.serial, p('a')),
          eq(scannedUnits.serial, p('b')),
          eq(scannedUnits.serial2, p('a')),
          eq(scannedUnits.serial2, p('b'))
        )
      )
      .prepare(),
    byIds: db
      .select(walkColumns)
      .from(orders)
      .where(and(idsIn('ids'), gt(orders.id, p('after'))))
      .orderBy(asc(orders.id))
      .limit(p('n'))
      .prepare(),
    summaries: db
      .select({ ...summaryColumns, picking: picker.name, packing: packer.name, shipping: shipper.name })
      .from(orders)
      .leftJoin(picker, eq(picker.id, orders.pickingOperatorId))
      .leftJoin(packer, eq(packer.id, orders.packingOperatorId))
      .leftJoin(shipper, eq(shipper.id, orders.shippingOperatorId))
      .where(idsIn('ids'))
      .prepare()
  }
})

/** Up to `n` orders of one walk after `after`, in the list's order. */
export function walkInListOrder(db: Db, walk: Walk, after: ListKey | null, n: number): WalkRow[] {
  const s = statements(db).lists[walk.by]
  const values = { value: walk.value ?? null, status: walk.status ?? null }
  if (!after) return s.first.all({ ...values, n })
  const rest = s.samePriority.all({ ...values, n, ...after })
  return rest.length >= n ? rest : [...rest, ...s.lowerPriority.all({ ...values, n: n - rest.length, priority: after.priority })]
}

/**
 * The union of several walks (an operator's orders as picker, packer and
 * shipper) in the list's order, each order once. `complete` is false when a
 * walk stopped at `n`: the rows returned are exact up to the last one.
 */
export function mergedWalk(db: Db, walks: Walk[], after: ListKey | null, n: number): { rows: WalkRow[]; complete: boolean } {
  const runs = walks.map((walk) => walkInListOrder(db, walk, after, n))
  if (runs.length === 1) return { rows: runs[0], complete: runs[0].length < n }
  // Past the smallest last key of a walk that stopped at n, another order may still come: cut there.
  const cut = runs.filter((r) => r.length >= n).map((r) => r[r.length - 1])
  const last = cut.length ? cut.sort(compareListKeys)[0] : null
  const seen = new Set<number>()
  const rows = runs
    .flat()
    .sort(compareListKeys)
    .filter((r) => (last === null || compareListKeys(r, last) <= 0) && !seen.has(r.id) && seen.add(r.id))
  return { rows, complete: last === null }
}

/** Up to `n` orders whose `column` starts with `prefix` (case-sensitive, so its index serves it), after (`key`, `id`), in index order. */
export function walkByPrefix(
  db: Db,
  column: PrefixColumn,
  prefix: string,
  after: { key: string; id: number } | null,
  n: number
): WalkRow[] {
  const s = statements(db).prefixes[column]
  // Up to the highest code point: every string that starts with `prefix`, as String.startsWith says.
  const range = { from: prefix, to: `${prefix}\u{10ffff}`, n }
  return after ? s.after.all({ ...range, ...after }) : s.first.all(range)
}

/** The orders holding a unit scanned as `serial` or `alsoAs` (either IMEI, removed units included): a few at most. */
export function ordersWithSerial(db: Db, serial: string, alsoAs: string): number[] {
  return statements(db)
    .serialOrders.all({ a: serial, b: alsoAs })
    .map((r) => r.orderId)
}

/** Up to `n` of the orders `ids` after `afterId`, by id. */
export function walkByIds(db: Db, ids: number[], afterId: number, n: number): WalkRow[] {
  if (!ids.length) return []
  return statements(db).byIds.all({ ids: JSON.stringify(ids), after: afterId, n })
}

/** The orders `ids` as the list shows them (in no particular order): their columns, line counts and assigned operators. */
export function summaryRows(db: Db, ids: number[]) {
  return statements(db).summaries.all({ ids: JSON.stringify(ids) })
}
