// Scan commit benchmark: p50/p99 of the real scan path (`scanUnit`) on a
// database of 1,000,000 orders and 10,000,000 scanned units, next to the
// raw-SQLite floor measured in the same run on the same file (one BEGIN
// IMMEDIATE … COMMIT per scan doing the duplicate lookup and the writes with
// raw prepared statements). Target: real p99 < 1 ms and ≤ 3× the floor's p99.
//
//   npm run bench                    reuse bench/.work/*.db when it matches, else build it
//   npm run bench -- --rebuild       build the database again
//   options: --orders N --units N --scans N --refusals N --warmup N --startup
import { existsSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { systemClock } from '../src/main/core/clock'
import { checkpointWal, openDatabase, WAL_AUTOCHECKPOINT_BACKSTOP } from '../src/main/core/db/connection'
import { runMigrations } from '../src/main/core/db/migrate'
import { newId } from '../src/main/core/ids'
import { scanUnit } from '../src/main/core/scanning/scanUnit'
import { FLOOR_RANGE_START, IMEI_PRODUCTS, REAL_RANGE_START, rng } from './catalogue'
import { GENERATOR_VERSION, buildDataset, readMarker, schemaHash, type Marker } from './dataset'
import { cleanUp, freshOrders, scansFor } from './fixtures'
import { summarize, table, type Summary } from './stats'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const num = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}

const ORDERS = num('orders', 1_000_000)
const UNITS = num('units', 10_000_000)
const SCANS = num('scans', 5_000)
const REFUSALS = num('refusals', 500)
const WARMUP = num('warmup', 500)
const BLOCK = 500
const UNITS_PER_ORDER = 20
const TARGET_P99_MS = 1
const TARGET_RATIO = 3

const full = ORDERS === 1_000_000 && UNITS === 10_000_000
const file = join(here, '.work', full ? 'scan-bench.db' : `scan-bench-${ORDERS}-${UNITS}.db`)
const log = (s: string) => console.log(s)

// ---------------------------------------------------------------- the dataset

function reusable(): Marker | null {
  if (!existsSync(file)) return null
  const c = openDatabase(file)
  try {
    const m = readMarker(c.sqlite)
    if (!m) return (log('no dataset marker in the database: rebuilding'), null)
    if (m.generator !== GENERATOR_VERSION) return (log(`dataset generator ${m.generator} ≠ ${GENERATOR_VERSION}: rebuilding`), null)
    if (m.schemaHash !== schemaHash()) return (log('migrations changed since the dataset was built: rebuilding'), null)
    if (m.orders !== ORDERS || m.units !== UNITS) return (log('dataset size differs: rebuilding'), null)
    return m
  } finally {
    c.sqlite.close()
  }
}

// ---------------------------------------------------------------- the run

const loadAtStart = os.loadavg()
const buildStarted = Date.now()
let marker = flag('rebuild') ? null : reusable()
const built = marker === null
if (!marker) {
  log(`building ${file} (${ORDERS.toLocaleString('en')} orders, ${UNITS.toLocaleString('en')} units)…`)
  marker = buildDataset(file, { orders: ORDERS, units: UNITS }, log)
  log(`built in ${((Date.now() - buildStarted) / 1000).toFixed(0)} s`)
} else {
  log(`reusing ${file} (built ${marker.builtAt} in ${marker.buildSeconds} s; --rebuild to build again)`)
}

const connection = openDatabase(file)
const { sqlite, db } = connection
let startupMs: number | null = null
if (flag('startup')) {
  const s = process.hrtime.bigint()
  runMigrations(connection)
  startupMs = Number(process.hrtime.bigint() - s) / 1e6
  log(`runMigrations on this database (includes foreign_key_check): ${startupMs.toFixed(0)} ms`)
}
cleanUp(connection, marker, log)

const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n
const dataset = {
  file,
  orders: count('SELECT count(*) AS n FROM orders'),
  scannedUnits: count('SELECT count(*) AS n FROM scanned_units'),
  orderLines: count('SELECT count(*) AS n FROM order_lines'),
  boxes: count('SELECT count(*) AS n FROM boxes'),
  fileMB: Math.round(statSync(file).size / 1e6),
  builtThisRun: built,
  buildSeconds: marker.buildSeconds
}
const durability = {
  journalMode: sqlite.pragma('journal_mode', { simple: true }) as string,
  synchronous: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][sqlite.pragma('synchronous', { simple: true }) as number]
}
if (durability.journalMode !== 'wal' || durability.synchronous !== 'FULL')
  throw new Error(`Expected WAL + FULL, got ${JSON.stringify(durability)}`)
log(
  `dataset: ${dataset.orders.toLocaleString('en')} orders, ${dataset.scannedUnits.toLocaleString('en')} scanned units, ${dataset.fileMB} MB; ${durability.journalMode} + synchronous=${durability.synchronous}`
)

// Fresh orders: one set for the real path, one for the floor, one order with a line per model for refusals.
// Each set also holds the scans of the second pass (SQLite default autocheckpoint, for comparison).
const perSet = Math.ceil((WARMUP + 2 * SCANS) / UNITS_PER_ORDER)
const twoModels = (k: number) => [k % IMEI_PRODUCTS.length, (k + 3) % IMEI_PRODUCTS.length]
const realScans = scansFor(freshOrders(connection, 'REAL', perSet, twoModels, UNITS_PER_ORDER / 2), REAL_RANGE_START, UNITS_PER_ORDER)
const floorScans = scansFor(freshOrders(connection, 'FLOOR', perSet, twoModels, UNITS_PER_ORDER / 2), FLOOR_RANGE_START, UNITS_PER_ORDER)
const [refusalOrder] = freshOrders(connection, 'REFUSE', 1, () => IMEI_PRODUCTS.map((_, i) => i), 1)

// Live units of the bulk data, sampled at random, to be scanned again (refused as duplicates).
const pickDup = sqlite.prepare('SELECT serial FROM scanned_units WHERE rowid = ? AND removed_at IS NULL AND serial IS NOT NULL')
const r = rng(99)
const duplicates: string[] = []
while (duplicates.length < REFUSALS + 50) {
  const row = pickDup.get(1 + Math.floor(r() * marker.units)) as { serial: string } | undefined
  if (row) duplicates.push(row.serial)
}

const affixes = { prefixes: [], suffixes: [] }
const operatorId = marker.operatorId

function real(scan: { orderId: number; serial: string }): number {
  const s = process.hrtime.bigint()
  const result = scanUnit(db, systemClock, affixes, { orderId: scan.orderId, input: scan.serial, operatorId })
  const ms = Number(process.hrtime.bigint() - s) / 1e6
  if (result.outcome !== 'accepted') throw new Error(`Real scan of ${scan.serial} was ${result.outcome}: ${result.message}`)
  return ms
}

const begin = sqlite.prepare('BEGIN IMMEDIATE')
const commit = sqlite.prepare('COMMIT')
const rollback = sqlite.prepare('ROLLBACK')
const liveBySerial = sqlite.prepare('SELECT 1 FROM scanned_units WHERE serial = ? AND removed_at IS NULL')
const insertUnit = sqlite.prepare(
  "INSERT INTO scanned_units (id, order_id, order_line_id, serial, entry_method, scanned_by, scanned_at) VALUES (?, ?, ?, ?, 'scanned', ?, ?)"
)
const countUnit = sqlite.prepare('UPDATE order_lines SET scanned_quantity = scanned_quantity + 1 WHERE id = ?')

function floor(scan: { orderId: number; lineId: number; serial: string }): number {
  const s = process.hrtime.bigint()
  begin.run()
  try {
    if (liveBySerial.get(scan.serial)) throw new Error(`Floor scan of ${scan.serial} found a duplicate`)
    insertUnit.run(newId(), scan.orderId, scan.lineId, scan.serial, operatorId, new Date().toISOString())
    countUnit.run(scan.lineId)
    commit.run()
  } catch (e) {
    rollback.run()
    throw e
  }
  return Number(process.hrtime.bigint() - s) / 1e6
}

function refusal(serial: string): number {
  const s = process.hrtime.bigint()
  const result = scanUnit(db, systemClock, affixes, { orderId: refusalOrder.orderId, input: serial, operatorId })
  const ms = Number(process.hrtime.bigint() - s) / 1e6
  if (result.outcome !== 'duplicate') throw new Error(`Refusal scan of ${serial} was ${result.outcome}: ${result.message}`)
  return ms
}

// The station checkpoints the WAL on a 1 s timer between scans (src/main/core/station.ts), never inside one.
// Here scans come back to back, so the same checkpointWal() runs, untimed, every CHECKPOINT_EVERY scans:
// a busy station scanning one unit every 40 ms would checkpoint about that often.
const CHECKPOINT_EVERY = 25
const withCheckpoints = (i: number) => {
  if (i % CHECKPOINT_EVERY === 0) checkpointWal(sqlite)
}

// Warm-up (not recorded), then alternating blocks so both paths see the same cache, WAL and checkpoint conditions.
log(`warm-up: ${WARMUP} real + ${WARMUP} floor scans…`)
for (let i = 0; i < WARMUP; i++) real(realScans[i])
for (let i = 0; i < WARMUP; i++) floor(floorScans[i])
for (let i = 0; i < 50; i++) refusal(duplicates[REFUSALS + i])

log(`measuring: ${SCANS} accepted scans through scanUnit, ${SCANS} floor scans, ${REFUSALS} duplicate refusals…`)
const realMs = new Float64Array(SCANS)
const floorMs = new Float64Array(SCANS)
for (let from = 0; from < SCANS; from += BLOCK) {
  const to = Math.min(SCANS, from + BLOCK)
  for (let i = from; i < to; i++) {
    withCheckpoints(i)
    realMs[i] = real(realScans[WARMUP + i])
  }
  for (let i = from; i < to; i++) {
    withCheckpoints(i)
    floorMs[i] = floor(floorScans[WARMUP + i])
  }
}
const refusalMs = Float64Array.from({ length: REFUSALS }, (_, i) => refusal(duplicates[i]))

// Second pass, for information: SQLite's default, the automatic checkpoint every 1000 WAL pages, run inside
// whichever commit crosses the mark (fsyncing the database file) — what the station avoids.
log(`second pass: ${SCANS} + ${SCANS} scans with SQLite's default autocheckpoint inside commits…`)
sqlite.pragma('wal_autocheckpoint = 1000')
const realOffMs = new Float64Array(SCANS)
const floorOffMs = new Float64Array(SCANS)
for (let from = 0; from < SCANS; from += BLOCK) {
  const to = Math.min(SCANS, from + BLOCK)
  for (let i = from; i < to; i++) realOffMs[i] = real(realScans[WARMUP + SCANS + i])
  for (let i = from; i < to; i++) floorOffMs[i] = floor(floorScans[WARMUP + SCANS + i])
}
sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_BACKSTOP}`)
sqlite.pragma('wal_checkpoint(TRUNCATE)')

const realSummary = summarize('scanUnit accepted (real path)', realMs)
const floorSummary = summarize('raw SQLite floor (accepted)', floorMs)
const realOff = summarize('scanUnit accepted, SQLite default autocheckpoint', realOffMs)
const floorOff = summarize('raw SQLite floor, SQLite default autocheckpoint', floorOffMs)
const rows: Summary[] = [realSummary, floorSummary, summarize('scanUnit duplicate refusal', refusalMs), realOff, floorOff]
const ratio = Math.round((realSummary.p99Ms / floorSummary.p99Ms) * 100) / 100
const targets = {
  p99UnderMs: TARGET_P99_MS,
  maxRatioToFloor: TARGET_RATIO,
  p99Met: realSummary.p99Ms < TARGET_P99_MS,
  ratioMet: ratio <= TARGET_RATIO,
  met: realSummary.p99Ms < TARGET_P99_MS && ratio <= TARGET_RATIO
}

const cpus = os.cpus()
const results = {
  date: new Date().toISOString(),
  node: process.version,
  sqlite: (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
  machine: {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    totalMemGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.platform()} ${os.release()}`,
    // Other work on the machine shows up in fsync and CPU latency: the 1-minute load average before and after.
    loadAverage1m: { atStart: Math.round(loadAtStart[0] * 100) / 100, atEnd: Math.round(os.loadavg()[0] * 100) / 100 }
  },
  dataset,
  durability,
  method: {
    real: 'scanUnit(db, clock, affixes, { orderId, input, operatorId }): one IMMEDIATE transaction per scan, fresh valid IMEI, fresh ready orders of 2 lines x 10',
    floor:
      'BEGIN IMMEDIATE; SELECT live unit by serial; INSERT scanned_units; UPDATE order_lines.scanned_quantity; COMMIT (raw prepared statements)',
    refusal: 'scanUnit with an IMEI already live in the bulk data (outcome duplicate, nothing written)',
    warmup: WARMUP,
    blocks: `real and floor alternate in blocks of ${BLOCK}`,
    checkpoints: `checkpointWal() (PASSIVE) untimed every ${CHECKPOINT_EVERY} scans, as the station's 1 s timer does between scans; backstop wal_autocheckpoint=${WAL_AUTOCHECKPOINT_BACKSTOP}`
  },
  ...(startupMs !== null ? { startup: { runMigrationsMs: Math.round(startupMs) } } : {}),
  measurements: rows,
  ratioP99RealToFloor: ratio,
  ratioP50RealToFloor: Math.round((realSummary.p50Ms / floorSummary.p50Ms) * 100) / 100,
  sqliteDefaultAutocheckpoint: {
    note: 'second pass, information only: wal_autocheckpoint=1000 (SQLite default), the checkpoint runs inside the commit that crosses the mark',
    ratioP99RealToFloor: Math.round((realOff.p99Ms / floorOff.p99Ms) * 100) / 100,
    p99Met: realOff.p99Ms < TARGET_P99_MS,
    ratioMet: realOff.p99Ms / floorOff.p99Ms <= TARGET_RATIO
  },
  targets
}
writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
sqlite.close()

log('')
log(table(rows))
log('')
log(
  `p99 real / floor = ${ratio}×   target p99 < ${TARGET_P99_MS} ms: ${targets.p99Met ? 'met' : 'MISSED'}   target ≤ ${TARGET_RATIO}× floor: ${targets.ratioMet ? 'met' : 'MISSED'}`
)
log(
  `SQLite default autocheckpoint inside commits (information): p99 real ${realOff.p99Ms} ms, floor ${floorOff.p99Ms} ms, ratio ${results.sqliteDefaultAutocheckpoint.ratioP99RealToFloor}×`
)
log(`written ${join(here, 'results.json')}`)
