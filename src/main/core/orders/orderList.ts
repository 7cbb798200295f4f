// The orders list (SPEC §1, §2), one page at a time. Every page is read by
// key from an index that serves both its filter and its order, so the first
// page and the thousandth cost the same on 10,000 orders or on 1,000,000:
//
// - the list: priority first, then the oldest (orders_list, or orders_status
//   for one status, or an operator's orders as picker, packer and shipper
//   merged: orders_picking_operator / _packing_ / _shipping_). The orders the
//   signed-in operator still has to pack (on hold, ready, in progress) come
//   first (orders_packing_open, per status).
// - a search: exact serial (IMEI) matches first, then the orders whose order
//   number, channel order id, OMS id or parent order id starts with the text
//   (as typed, then upper-cased), each kind in its column's index order.
//   Sorting every match by priority would mean reading all of them (a 3-letter
//   prefix can match every order); in the column's order the best matches, the
//   exact one first, are on the first page and the rest follow as the
//   operator scrolls.
//
// A filter that the page's index does not serve (a status within an
// operator's orders or a search) is tested on the rows read; one call reads at
// most READ_BUDGET rows it does not return, and the page says where to go on.
import type { OrderCursor, OrderPage, OrderQuery, OrderSummary } from '../../../shared/orders'
import type { Db } from '../db/connection'
import { OPEN_STATUSES } from '../db/schema'
import { refuse } from '../errors'
import {
  mergedWalk,
  ordersWithSerial,
  prefixColumns,
  summaryRows,
  walkByIds,
  walkByPrefix,
  type ListKey,
  type PrefixColumn,
  type Walk,
  type WalkRow
} from './orderListWalks'

export const DEFAULT_PAGE = 200
/** The most rows one call reads and turns away (a filter its index does not serve) before it answers. */
export const READ_BUDGET = 1_000

type Keep = (row: WalkRow) => boolean

/** A source of rows in a fixed order: an index walk, with the key to go on from and the cursor that names it. */
type Source<K> = {
  read: (after: K | null, n: number) => { rows: WalkRow[]; complete: boolean }
  keyOf: (row: WalkRow) => K
  cursorOf: (key: K) => OrderCursor
  keep: Keep
  /** `keep` turns many rows away: read ahead in bigger steps. */
  selective: boolean
}

const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status)

export function listOrders(db: Db, q: OrderQuery, me: number | null = null): OrderPage {
  const limit = q.limit ?? DEFAULT_PAGE
  const operator = q.assignedTo === undefined ? null : q.assignedTo === 'me' ? signedIn(me) : q.assignedTo
  const assigned = (r: WalkRow) => operator === null || [r.pickingOperatorId, r.packingOperatorId, r.shippingOperatorId].includes(operator)
  const keep: Keep = (r) => (!q.status || r.status === q.status) && assigned(r)
  const text = q.query?.trim() ?? ''
  if (q.cursor && (q.cursor.by === 'search') !== (text !== '')) {
    refuse('invalid_arguments', { key: 'refusals:orders.cursorOtherList' })
  }
  const page = new PageBuilder(limit)
  const matched = new Set<number>()
  if (text) {
    const cursor = q.cursor?.by === 'search' ? q.cursor : null
    const sources = searchSources(db, text, keep, q.status !== undefined || operator !== null, matched)
    if (cursor && cursor.stream >= sources.length) refuse('invalid_arguments', { key: 'refusals:orders.cursorOtherSearch' })
    page.collect(sources, cursor?.stream ?? 0, cursor && { key: cursor.key, id: cursor.id })
  } else {
    const cursor = q.cursor?.by === 'list' ? q.cursor : null
    const sources = listSources(db, q, operator, me, keep)
    const mineFirst = sources.length === 2
    if (cursor?.mine && !mineFirst) refuse('invalid_arguments', { key: 'refusals:orders.cursorOtherList' })
    page.collect(sources, cursor && !cursor.mine && mineFirst ? 1 : 0, cursor && listKeyOf(cursor))
  }
  return { orders: summaries(db, page.rows, (id) => (matched.has(id) ? text : null)), nextCursor: page.next }
}

const signedIn = (me: number | null) => me ?? refuse('not_signed_in', { key: 'refusals:orders.signInForMine' })

const listKeyOf = (r: ListKey): ListKey => ({ priority: r.priority, createdAt: r.createdAt, id: r.id })

/** The list in the usual order: the signed-in operator's orders to pack first (when there is someone), then the rest. */
function listSources(db: Db, q: OrderQuery, operator: number | null, me: number | null, keep: Keep): Source<ListKey>[] {
  const source = (walks: Walk[], mine: boolean, keepRow: Keep, selective: boolean): Source<ListKey> => ({
    read: (after, n) => mergedWalk(db, walks, after, n),
    keyOf: listKeyOf,
    cursorOf: (key) => ({ by: 'list', mine, ...key }),
    keep: keepRow,
    selective
  })
  const main: Walk[] =
    operator !== null
      ? (['picking', 'packing', 'shipping'] as const).map((by) => ({ by, value: operator }))
      : [q.status ? { by: 'status', value: q.status } : { by: 'all' }]
  const mainSelective = operator !== null && q.status !== undefined
  // Orders on hold, ready or in progress that `me` packs (one walk per status, merged), never listed twice.
  const mine = (r: WalkRow) => me !== null && r.packingOperatorId === me && isOpen(r.status)
  if (me === null || (q.status && !isOpen(q.status))) return [source(main, false, keep, mainSelective)]
  const mineWalks = (q.status ? [q.status] : OPEN_STATUSES).map((status): Walk => ({ by: 'packingOpen', value: me, status }))
  return [source(mineWalks, true, keep, operator !== null), source(main, false, (r) => keep(r) && !mine(r), mainSelective)]
}

/** A search: the serial's orders, then each column's prefix matches, as typed and upper-cased; each order once. */
function searchSources(db: Db, text: string, keep: Keep, selective: boolean, matched: Set<number>): Source<{ key: string; id: number }>[] {
  const variants = [...new Set([text, text.toUpperCase()])]
  const bySerial = ordersWithSerial(db, text, text.toUpperCase())
  bySerial.forEach((id) => matched.add(id))
  const earlier: { column: PrefixColumn; prefix: string }[] = []
  const sources: Source<{ key: string; id: number }>[] = [
    {
      read: (after, n) => {
        const rows = walkByIds(db, bySerial, after?.id ?? 0, n)
        return { rows, complete: rows.length < n }
      },
      keyOf: (r) => ({ key: '', id: r.id }),
      cursorOf: ({ key, id }) => ({ by: 'search', stream: 0, key, id }),
      keep,
      selective
    }
  ]
  for (const column of Object.keys(prefixColumns) as PrefixColumn[]) {
    for (const prefix of variants) {
      const before = [...earlier]
      const stream = sources.length
      sources.push({
        read: (after, n) => {
          const rows = walkByPrefix(db, column, prefix, after, n)
          return { rows, complete: rows.length < n }
        },
        keyOf: (r) => ({ key: r[column]!, id: r.id }),
        cursorOf: ({ key, id }) => ({ by: 'search', stream, key, id }),
        // An order an earlier kind of match found is not listed again.
        keep: (r) => keep(r) && !matched.has(r.id) && !before.some((e) => r[e.column]?.startsWith(e.prefix)),
        selective: true
      })
      earlier.push({ column, prefix })
    }
  }
  return sources
}

/** Gathers one page from the sources in turn, one row more than the page to know whether another follows. */
class PageBuilder {
  rows: WalkRow[] = []
  next: OrderCursor | null = null
  private read = 0
  /** Where the rows read so far end: a source that ended there has nothing after it, so the next page goes on from it. */
  private resume: (() => OrderCursor) | null = null
  /** Where the last row of the page stands (in its own source). */
  private lastKept: (() => OrderCursor) | null = null

  constructor(private readonly limit: number) {}

  collect<K>(sources: Source<K>[], start: number, from: K | null): void {
    let after = from
    for (let i = start; i < sources.length; i++, after = null) {
      if (!this.drain(sources[i], after)) return
    }
  }

  /** Reads `source` after `from` until the page is full (false), the read budget is spent (false) or it ends (true). */
  private drain<K>(source: Source<K>, from: K | null): boolean {
    let after = from
    for (;;) {
      const wanted = this.limit + 1 - this.rows.length
      const left = this.limit + 1 + READ_BUDGET - this.read
      const n = Math.min(left, source.selective ? Math.max(wanted, 100) : wanted)
      if (n <= 0) {
        this.next = this.resume?.() ?? null
        return false
      }
      const { rows, complete } = source.read(after, n)
      for (const row of rows) {
        this.read++
        const key = source.keyOf(row)
        this.resume = () => source.cursorOf(key)
        if (!source.keep(row)) {
          after = key
          continue
        }
        if (this.rows.length === this.limit) {
          // One more than the page: the page ends at its last row, and the list goes on.
          this.next = this.lastKept!()
          return false
        }
        this.rows.push(row)
        this.lastKept = this.resume
        after = key
      }
      if (complete) return true
    }
  }
}

/** The page's rows as the list shows them: counts per order (from its lines) and who is assigned. */
function summaries(db: Db, rows: WalkRow[], matchedSerial: (id: number) => string | null): OrderSummary[] {
  if (!rows.length) return []
  const byId = new Map(
    summaryRows(
      db,
      rows.map((r) => r.id)
    ).map((r) => [r.id, r])
  )
  return rows.map(({ id }) => {
    const { picking, packing, shipping, ...order } = byId.get(id)!
    return { ...order, matchedSerial: matchedSerial(id), assignments: { picking, packing, shipping } }
  })
}
