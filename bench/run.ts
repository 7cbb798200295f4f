// `npm run bench`: every path benchmark on the big dataset (1,000,000 orders,
// 10,000,000 units, built once into bench/.work/ and reused), one table of
// path | measured | same-run reference | ratio | target, and bench/results.json.
//
//   npm run bench                                  every module, the full dataset
//   npm run bench -- --only scan,paint             some modules
//   npm run bench -- --orders 10000 --units 100000 a smaller dataset (its own file)
//   npm run bench -- --rebuild                     build the dataset again
// Each module takes its own options too (bench/README.md).
import { existsSync, mkdirSync, statSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../src/main/core/db/connection'
import { GENERATOR_VERSION, buildDataset, readMarker, schemaHash, type Marker } from './dataset'
import { cleanUp } from './fixtures'
import type { BenchContext, BenchFlags, PathModule } from './paths/context'
import type { PathRow } from './paths/types'
import { pathTable, writeResults } from './report'

/** The path benchmarks, in the order they run. Adding one is one line here. */
const MODULES: Record<string, () => Promise<PathModule>> = {
  scan: () => import('./paths/scan'),
  paint: () => import('./paths/paint'),
  labels: () => import('./paths/labels'),
  ordersList: () => import('./paths/ordersList'),
  outbox: () => import('./paths/outbox'),
  import: () => import('./paths/import')
}

const here = dirname(fileURLToPath(import.meta.url))
const workDir = join(here, '.work')
const args = process.argv.slice(2)
const value = (name: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && i + 1 < args.length ? args[i + 1] : undefined
}
const flags: BenchFlags = {
  has: (name) => args.includes(`--${name}`),
  num: (name, fallback) => {
    const v = value(name)
    if (v === undefined) return fallback
    if (!Number.isFinite(Number(v))) throw new Error(`--${name} takes a number (got ${v})`)
    return Number(v)
  },
  str: (name, fallback) => value(name) ?? fallback
}
const log = (line: string) => console.log(line)

const only = flags.str('only', '').split(',').filter(Boolean)
const unknown = only.filter((name) => !(name in MODULES))
if (unknown.length > 0) {
  console.error(`--only: no module named ${unknown.join(', ')} (there are: ${Object.keys(MODULES).join(', ')})`)
  process.exit(2)
}
const selected = only.length > 0 ? only : Object.keys(MODULES)

const ORDERS = flags.num('orders', 1_000_000)
const UNITS = flags.num('units', 10_000_000)
const full = ORDERS === 1_000_000 && UNITS === 10_000_000
const file = join(workDir, full ? 'scan-bench.db' : `scan-bench-${ORDERS}-${UNITS}.db`)

/** The marker of a database that can be reused as it is, or null (with the reason logged). */
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

mkdirSync(workDir, { recursive: true })
const loadAtStart = os.loadavg()
const startedAt = Date.now()
let marker = flags.has('rebuild') ? null : reusable()
const builtThisRun = marker === null
if (!marker) {
  log(`building ${file} (${ORDERS.toLocaleString('en')} orders, ${UNITS.toLocaleString('en')} units)…`)
  marker = buildDataset(file, { orders: ORDERS, units: UNITS }, log)
  log(`built in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`)
} else {
  log(`reusing ${file} (built ${marker.builtAt} in ${marker.buildSeconds} s; --rebuild to build again)`)
}

const connection = openDatabase(file)
cleanUp(connection, marker, log)
const count = (sql: string) => (connection.sqlite.prepare(sql).get() as { n: number }).n
const dataset = {
  file,
  orders: count('SELECT count(*) AS n FROM orders'),
  scannedUnits: count('SELECT count(*) AS n FROM scanned_units'),
  orderLines: count('SELECT count(*) AS n FROM order_lines'),
  boxes: count('SELECT count(*) AS n FROM boxes'),
  fileMB: Math.round(statSync(file).size / 1e6),
  builtThisRun,
  buildSeconds: marker.buildSeconds
}
const durability = {
  journalMode: connection.sqlite.pragma('journal_mode', { simple: true }) as string,
  synchronous: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][connection.sqlite.pragma('synchronous', { simple: true }) as number]
}
if (durability.journalMode !== 'wal' || durability.synchronous !== 'FULL')
  throw new Error(`Expected WAL + FULL, got ${JSON.stringify(durability)}`)
log(
  `dataset: ${dataset.orders.toLocaleString('en')} orders, ${dataset.scannedUnits.toLocaleString('en')} scanned units, ${dataset.fileMB} MB`
)

const ctx: BenchContext = { connection, marker, file, workDir, log, flags }
const rows: PathRow[] = []
const modules: { name: string; seconds: number; error?: string }[] = []
for (const name of selected) {
  const began = Date.now()
  log(`\n== ${name}`)
  try {
    const mod = await MODULES[name]()
    rows.push(...(await mod.run(ctx)))
    modules.push({ name, seconds: Math.round((Date.now() - began) / 1000) })
  } catch (error) {
    // One module failing leaves the others' rows: the failure is printed and recorded, and the run exits non-zero.
    console.error(`${name} failed:`, error)
    modules.push({ name, seconds: Math.round((Date.now() - began) / 1000), error: String((error as Error)?.stack ?? error) })
  }
  cleanUp(connection, marker, log)
}
const sqliteVersion = (connection.sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
connection.sqlite.close()

const written = writeResults(join(here, 'results.json'), { loadAtStart, sqliteVersion, dataset, durability, modules, rows })
log('')
log(pathTable(rows))
log('')
log(`${modules.map((m) => `${m.name} ${m.seconds} s${m.error ? ' (FAILED)' : ''}`).join(', ')}; written ${written}`)
if (modules.some((m) => m.error)) process.exitCode = 1
