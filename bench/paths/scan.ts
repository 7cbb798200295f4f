// The scan as the screen waits for it: the station's `scanning:scan` handler
// through `dispatch` (the station opened with `openStation` on the big
// dataset, an operator signed in) on a fresh 20-unit order and on a fresh
// 2,000-unit B2B order (2 lines × 1,000, 1,950 already scanned), next to
// `scanUnit` alone and the raw-SQLite floor: same run, same file, same
// connection, alternating blocks. Also the duplicate refusal (an IMEI live in
// the big set), the answer's size and the process's RSS.
//   options: --scans N (per path, default 500)  --warmup N (default 50)
import { existsSync, mkdirSync, symlinkSync } from 'node:fs'
import { basename, join } from 'node:path'
import { checkpointWal, type Connection } from '../../src/main/core/db/connection'
import { dispatch } from '../../src/main/core/dispatch'
import { DATABASE_FILE, openStation } from '../../src/main/station'
import { FLOOR_RANGE_START, IMEI_PRODUCTS, REAL_RANGE_START, rng } from '../catalogue'
import { freshOrders, scansFor } from '../fixtures'
import { summarize } from '../stats'
import type { BenchContext } from './context'
import { scanCalls, type Scan, type ScanCalls } from './scanCalls'
import { latencyRatio, type Figure, type PathRow } from './types'

const SMALL = 20
const BIG = 2_000
/** Timed scans per 2,000-unit order: its units 1,951 to 2,000. */
const PER_BIG = 50
const BLOCK = 50
const CHECKPOINT_EVERY = 25
const TARGET_MS = 2
const TARGET_RATIO = 3

const twoModels = (k: number) => [k % IMEI_PRODUCTS.length, (k + 3) % IMEI_PRODUCTS.length]
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10

/** The station's data folder for the big dataset: its station.db is a link to the dataset file (SQLite follows it). */
function stationFolder(ctx: BenchContext): string {
  const dir = join(ctx.workDir, `station-${basename(ctx.file, '.db')}`)
  mkdirSync(dir, { recursive: true })
  if (!existsSync(join(dir, DATABASE_FILE))) symlinkSync(ctx.file, join(dir, DATABASE_FILE))
  return dir
}

type Prepared = { viaHandler: Scan[]; viaPart: Scan[]; viaFloor: Scan[]; big: Scan[]; refusalOrderId: number; duplicates: string[] }

/** Fresh orders for `n` scans per path: 20-unit ones for the handler, the part and the floor; 2,000-unit ones for the handler. */
async function prepare(ctx: BenchContext, conn: Connection, calls: ScanCalls, n: number): Promise<Prepared> {
  const small = (kind: string, range: number) => scansFor(freshOrders(conn, kind, Math.ceil(n / SMALL), twoModels, SMALL / 2), range, SMALL)
  const viaHandler = small('H20', REAL_RANGE_START)
  const viaPart = small('PART', REAL_RANGE_START + 15_000)
  const viaFloor = small('FLOOR', FLOOR_RANGE_START)
  const bigOrders = freshOrders(conn, 'H2K', Math.ceil(n / PER_BIG), twoModels, BIG / 2)
  const bigAll = scansFor(bigOrders, REAL_RANGE_START + 30_000, BIG)
  ctx.log(`filling ${bigOrders.length} orders of ${BIG} units to ${BIG - PER_BIG} scanned…`)
  const big: Scan[] = []
  for (let o = 0; o < bigOrders.length; o++) {
    const units = bigAll.slice(o * BIG, (o + 1) * BIG)
    calls.prefill(units.slice(0, BIG - PER_BIG - 1))
    // The order's first scan through the station (ready → in progress), untimed.
    await calls.handler(units[0].orderId, units[BIG - PER_BIG - 1].serial, 'accepted')
    big.push(...units.slice(BIG - PER_BIG))
  }
  checkpointWal(conn.sqlite)

  // Refusals: IMEIs live in the big set, sampled at random, scanned into an order with a line for every model.
  const [refusalOrder] = freshOrders(conn, 'REFUSE', 1, () => IMEI_PRODUCTS.map((_, i) => i), 1)
  const pick = conn.sqlite.prepare('SELECT serial FROM scanned_units WHERE rowid = ? AND removed_at IS NULL AND serial IS NOT NULL')
  const r = rng(99)
  const duplicates: string[] = []
  for (let tries = 0; duplicates.length < 2 * n && tries < 100 * n; tries++) {
    const row = pick.get(1 + Math.floor(r() * ctx.marker.units)) as { serial: string } | undefined
    if (row) duplicates.push(row.serial)
  }
  if (duplicates.length < 2 * n) throw new Error('Too few live units in the dataset to sample refusals from')
  return { viaHandler, viaPart, viaFloor, big, refusalOrderId: refusalOrder.orderId, duplicates }
}

type Samples = Record<'h20' | 'h2k' | 'part' | 'floor' | 'refusal' | 'refusalPart', number[]>

/** `warmup + scans` calls per path in alternating blocks (same cache, WAL and checkpoint conditions); the warm-up is not kept. */
async function measure(conn: Connection, calls: ScanCalls, p: Prepared, warmup: number, scans: number) {
  const t: Samples = { h20: [], h2k: [], part: [], floor: [], refusal: [], refusalPart: [] }
  const bytes = { h20: 0, h2k: 0 }
  const n = warmup + scans
  let callCount = 0
  /**
   * One call, timed inside; every CHECKPOINT_EVERY calls the station's WAL checkpoint, untimed (the station's timer runs
   * every WAL_CHECKPOINT_EVERY_MS, half a minute: 10–25 scans at an operator's pace of one every 1–3 s).
   */
  const step = async (into: number[], i: number, call: () => number | Promise<number>) => {
    if (++callCount % CHECKPOINT_EVERY === 0) checkpointWal(conn.sqlite)
    const ms = await call()
    if (i >= warmup) into.push(ms)
  }
  const accepted = async (key: 'h20' | 'h2k', scan: Scan) => {
    const a = await calls.handler(scan.orderId, scan.serial, 'accepted')
    bytes[key] = Math.max(bytes[key], a.bytes)
    return a.ms
  }
  const refused = async (serial: string) => (await calls.handler(p.refusalOrderId, serial, 'duplicate')).ms
  for (let from = 0; from < n; from += BLOCK) {
    const to = Math.min(n, from + BLOCK)
    for (let i = from; i < to; i++) await step(t.h20, i, () => accepted('h20', p.viaHandler[i]))
    for (let i = from; i < to; i++) await step(t.h2k, i, () => accepted('h2k', p.big[i]))
    for (let i = from; i < to; i++) await step(t.part, i, () => calls.part(p.viaPart[i].orderId, p.viaPart[i].serial, 'accepted'))
    for (let i = from; i < to; i++) await step(t.floor, i, () => calls.floor(p.viaFloor[i]))
    for (let i = from; i < to; i++) await step(t.refusal, i, () => refused(p.duplicates[i]))
    for (let i = from; i < to; i++) await step(t.refusalPart, i, () => calls.part(p.refusalOrderId, p.duplicates[n + i], 'duplicate'))
  }
  return { t, bytes }
}

export async function run(ctx: BenchContext): Promise<PathRow[]> {
  const scans = ctx.flags.num('scans', 500)
  const warmup = ctx.flags.num('warmup', 50)
  const station = openStation({ dataDir: stationFolder(ctx), version: 'bench' })
  try {
    const signedIn = await dispatch(station.handlers, 'operators:signIn', { operatorId: ctx.marker.operatorId })
    if (!signedIn.ok) throw new Error(`Sign-in failed: ${signedIn.error.message}`)
    const rssOpened = process.memoryUsage().rss
    const calls = scanCalls(station.connection, station.handlers, ctx.marker.operatorId)
    const prepared = await prepare(ctx, station.connection, calls, warmup + scans)
    ctx.log(`measuring: ${scans} calls per path after ${warmup} warm-up, in blocks of ${BLOCK}…`)
    const { t, bytes } = await measure(station.connection, calls, prepared, warmup, scans)
    return rows(t, bytes, rssOpened, process.memoryUsage().rss)
  } finally {
    station.close()
  }
}

function rows(t: Samples, bytes: { h20: number; h2k: number }, rssOpened: number, rssAfter: number): PathRow[] {
  const floor = summarize('raw SQLite floor', t.floor)
  const versusFloor = (path: string, name: string, samples: number[], withTarget: boolean): PathRow => {
    const s = summarize(name, samples)
    const ratio = latencyRatio(s, floor)
    const target = { text: `p99 < ${TARGET_MS} ms and ≤ ${TARGET_RATIO}× raw floor`, met: s.p99Ms < TARGET_MS && ratio <= TARGET_RATIO }
    return {
      path,
      measured: { kind: 'latency', summary: s },
      reference: { kind: 'latency', summary: floor },
      ratio,
      ...(withTarget ? { target } : {})
    }
  }
  const refusalPart = summarize('scanUnit refusal alone', t.refusalPart)
  const refusal = summarize('handler duplicate refusal', t.refusal)
  const amount = (name: string, value: number, unit: string): Figure => ({ kind: 'amount', name, value, unit })
  return [
    versusFloor('scan through the handler, 20-unit order', 'handler, 20-unit order', t.h20, true),
    versusFloor('scan through the handler, 2,000-unit order', 'handler, 2,000-unit order', t.h2k, true),
    versusFloor('scanUnit alone (the part)', 'scanUnit alone', t.part, false),
    {
      path: 'duplicate refusal through the handler',
      measured: { kind: 'latency', summary: refusal },
      reference: { kind: 'latency', summary: refusalPart },
      ratio: latencyRatio(refusal, refusalPart),
      target: { text: `p99 < ${TARGET_MS} ms`, met: refusal.p99Ms < TARGET_MS }
    },
    {
      path: 'scan answer (JSON), 2,000-unit order',
      measured: amount('answer on a 2,000-unit order', bytes.h2k, 'bytes'),
      reference: amount('answer on a 20-unit order', bytes.h20, 'bytes'),
      ratio: bytes.h2k / Math.max(bytes.h20, 1),
      target: { text: '< 2 KB on both orders', met: bytes.h2k < 2048 && bytes.h20 < 2048 }
    },
    {
      path: 'RSS after the scans',
      measured: amount('RSS after the scans', mb(rssAfter), 'MB'),
      reference: amount('RSS after opening the database', mb(rssOpened), 'MB'),
      ratio: rssAfter / rssOpened
    }
  ]
}
