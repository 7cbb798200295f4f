// The orders list as the Orders screen asks for it: `listOrders` in the core
// (as the signed-in bench operator, who packs every 50th order), for the first
// page, the next pages (200 pages deep), one status, the operator's own
// orders, his orders in one status (a filter the page's index does not serve)
// and a search by order number prefix, channel order id prefix and exact
// IMEI: p50/p99 over 200 calls each, next to reading 500 orders by id (raw
// SQL, the same file, alternating blocks). The same on a 10,000-order dataset
// (built once into bench/.work/) shows the figures do not grow with history.
// Also the station's start-up until the first page (openStation: lock, start-up
// check, log, core), next to a bare open.
//   options: --list-calls N (per path, default 200)
import { existsSync, mkdirSync, symlinkSync } from 'node:fs'
import { basename, join } from 'node:path'
import { openDatabase, type Connection, type Db } from '../../src/main/core/db/connection'
import { listOrders } from '../../src/main/core/orders/orderList'
import { DATABASE_FILE, openStation } from '../../src/main/station'
import type { OrderCursor, OrderPage, OrderQuery } from '../../src/shared/orders'
import { rng } from '../catalogue'
import { GENERATOR_VERSION, buildDataset, readMarker, schemaHash, type Marker } from '../dataset'
import { summarize, type Summary } from '../stats'
import type { BenchContext } from './context'
import { latencyRatio, type PathRow } from './types'

const SMALL = { orders: 10_000, units: 100_000 }
const TARGET_MS = 20
const STARTUP_TARGET_MS = 300
const BLOCK = 20
/** The bench's own assignments, told apart from any other by their time. */
const ASSIGNED_AT = '1970-01-01T00:00:00.000Z'
const EVERY = 50

/** A way to list orders: the station's own, or (for a before/after run) another. */
export type ListFn = (conn: Connection, q: OrderQuery, me: number) => OrderPage | { id: number }[]
const stationList: ListFn = (conn, q, me) => listOrders(conn.db, q, me)

type Case = { path: string; args: () => OrderQuery }

/** Every 50th order is packed by `me` (spread over the whole history: most shipped, some still open). */
function assignBenchOperator({ sqlite }: Connection, me: number): () => void {
  sqlite
    .prepare(
      `INSERT INTO assignments (order_id, role, operator_id, assigned_by, assigned_at)
       SELECT id, 'packing', ?, ?, ? FROM orders WHERE id % ${EVERY} = 0 AND id NOT IN (SELECT order_id FROM assignments WHERE role = 'packing')`
    )
    .run(me, me, ASSIGNED_AT)
  return () => sqlite.prepare('DELETE FROM assignments WHERE assigned_at = ?').run(ASSIGNED_AT)
}

/** The cases, with their arguments drawn from the dataset (same seed every run). */
function casesFor(conn: Connection, marker: Marker, list: ListFn, me: number, calls: number): Case[] {
  const { sqlite } = conn
  const r = rng(4242)
  const any = (n: number) => 1 + Math.floor(r() * n)
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]
  const order = sqlite.prepare('SELECT order_number AS n, channel_order_id AS c FROM orders WHERE id = ?')
  const orders = Array.from({ length: calls }, () => order.get(any(marker.maxOrderId)) as { n: string; c: string | null })
  const unit = sqlite.prepare('SELECT serial FROM scanned_units WHERE rowid = ? AND serial IS NOT NULL')
  const serials: string[] = []
  for (let tries = 0; serials.length < calls && tries < 100 * calls; tries++) {
    const row = unit.get(any(marker.units)) as { serial: string } | undefined
    if (row) serials.push(row.serial)
  }
  // The next pages: the list 200 pages deep, walked once untimed for the cursors.
  const cursors: OrderCursor[] = []
  let cursor: OrderCursor | undefined
  for (let i = 0; i < calls; i++) {
    const page = list(conn, { cursor }, me)
    if (!('nextCursor' in page) || !page.nextCursor) break
    cursors.push((cursor = page.nextCursor))
  }
  const prefix = (s: string, min: number) => s.slice(0, min + Math.floor(r() * (s.length - min + 1)))
  const statuses = ['ready', 'in_progress', 'packed', 'shipped', 'on_hold', 'cancelled'] as const
  let i = 0
  const next = <T>(xs: T[]) => xs[i++ % xs.length]
  return [
    { path: 'first page', args: () => ({}) },
    { path: 'next page (1 to 200 pages deep)', args: () => ({ cursor: next(cursors) }) },
    { path: 'one status, first page', args: () => ({ status: pick([...statuses]) }) },
    { path: 'assigned to me', args: () => ({ assignedTo: 'me' }) },
    { path: 'assigned to me, shipped (filter the index does not serve)', args: () => ({ assignedTo: 'me', status: 'shipped' }) },
    { path: 'search: order number prefix (3+ characters)', args: () => ({ query: prefix(pick(orders).n, 3) }) },
    {
      path: 'search: channel order id prefix (4+ characters)',
      args: () => ({ query: prefix(pick(orders.filter((o) => o.c)).c!, 4) })
    },
    { path: 'search: IMEI', args: () => ({ query: pick(serials) }) }
  ]
}

/** p50/p99 of each case and of the 500-rows-by-id reference, in alternating blocks; the first block of each is warm-up. */
function measure(conn: Connection, cases: Case[], list: ListFn, me: number, calls: number, maxId: number) {
  const ids = conn.sqlite.prepare(`SELECT * FROM orders WHERE id IN (${Array(500).fill('?').join(', ')})`)
  const r = rng(7)
  const samples = cases.map(() => [] as number[])
  const reference: number[] = []
  for (let done = -BLOCK; done < calls; done += BLOCK) {
    const keep = done >= 0
    for (let k = 0; k < BLOCK; k++) {
      const some = Array.from({ length: 500 }, () => 1 + Math.floor(r() * maxId))
      const t0 = performance.now()
      ids.all(some)
      if (keep) reference.push(performance.now() - t0)
    }
    cases.forEach((c, n) => {
      for (let k = 0; k < BLOCK; k++) {
        const args = c.args()
        const t0 = performance.now()
        list(conn, args, me)
        if (keep) samples[n].push(performance.now() - t0)
      }
    })
  }
  return { samples, reference: summarize('500 orders by id (raw SQL)', reference) }
}

/** The list paths on one dataset: rows named with its size. */
export function listRows(conn: Connection, marker: Marker, calls: number, log: (s: string) => void, list = stationList): PathRow[] {
  const me = marker.operatorId
  const size = `${marker.orders.toLocaleString('en')} orders`
  const unassign = assignBenchOperator(conn, me)
  try {
    const cases = casesFor(conn, marker, list, me, calls)
    log(`orders list on ${size}: ${cases.length} paths × ${calls} calls…`)
    const { samples, reference } = measure(conn, cases, list, me, calls, marker.maxOrderId)
    return cases.map((c, n) => {
      const measured = summarize(`listOrders: ${c.path}`, samples[n])
      return row(`orders list, ${c.path}, ${size}`, measured, reference, `p99 < ${TARGET_MS} ms in the core`, measured.p99Ms < TARGET_MS)
    })
  } finally {
    unassign()
  }
}

const row = (path: string, measured: Summary, reference: Summary, text: string, met: boolean): PathRow => ({
  path,
  measured: { kind: 'latency', summary: measured },
  reference: { kind: 'latency', summary: reference },
  ratio: latencyRatio(measured, reference),
  target: { text, met }
})

/** The core opened on the dataset (its migrations checked, due holds released, sync started) until the first page. */
export function startupRow(file: string, workDir: string, firstPage = (db: Db) => listOrders(db, {}, null), runs = 15): PathRow {
  const dir = join(workDir, `station-${basename(file, '.db')}`)
  mkdirSync(dir, { recursive: true })
  if (!existsSync(join(dir, DATABASE_FILE))) symlinkSync(file, join(dir, DATABASE_FILE))
  const core: number[] = []
  const bare: number[] = []
  for (let i = 0; i < runs + 2; i++) {
    let t0 = performance.now()
    const c = openDatabase(file)
    c.sqlite.prepare('SELECT 1').get()
    const open = performance.now() - t0
    c.sqlite.close()
    t0 = performance.now()
    // The station as the app opens it: the data folder's lock, the start-up check, the log, the core.
    const station = openStation({ dataDir: dir, version: 'bench' })
    firstPage(station.connection.db)
    const started = performance.now() - t0
    station.close()
    // The first two warm the page cache.
    if (i >= 2) {
      bare.push(open)
      core.push(started)
    }
  }
  const measured = summarize('openStation + first page', core)
  return row(
    `station start-up until the first orders page, ${basename(file)}`,
    measured,
    summarize('openDatabase alone', bare),
    `< ${STARTUP_TARGET_MS} ms`,
    measured.p99Ms < STARTUP_TARGET_MS
  )
}

/** The 10,000-order dataset, built once into workDir and reused while its marker matches. */
function smallDataset(ctx: BenchContext): { conn: Connection; marker: Marker; file: string } {
  const file = join(ctx.workDir, `scan-bench-${SMALL.orders}-${SMALL.units}.db`)
  let marker: Marker | null = null
  if (existsSync(file)) {
    const c = openDatabase(file)
    const m = readMarker(c.sqlite)
    c.sqlite.close()
    if (m && m.generator === GENERATOR_VERSION && m.schemaHash === schemaHash() && m.orders === SMALL.orders) marker = m
  }
  if (!marker) {
    ctx.log(`building ${file}…`)
    marker = buildDataset(file, SMALL, ctx.log)
  }
  return { conn: openDatabase(file), marker, file }
}

export async function run(ctx: BenchContext): Promise<PathRow[]> {
  const calls = ctx.flags.num('list-calls', 200)
  const rows = listRows(ctx.connection, ctx.marker, calls, ctx.log)
  rows.push(startupRow(ctx.file, ctx.workDir))
  if (ctx.marker.orders !== SMALL.orders) {
    const small = smallDataset(ctx)
    try {
      rows.push(...listRows(small.conn, small.marker, calls, ctx.log))
      rows.push(startupRow(small.file, ctx.workDir))
    } finally {
      small.conn.sqlite.close()
    }
  }
  return rows
}
