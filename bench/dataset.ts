// Builds the benchmark database: the real migrations, then 1,000,000 orders
// and 10,000,000 scanned units loaded with raw prepared statements. Fast-load
// pragmas are used only while loading; the file is left in WAL mode and every
// measurement reopens it with the station's own `openDatabase`.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type Database from 'better-sqlite3'
import { openDatabase } from '../src/main/core/db/connection'
import { findMigrationsFolder, runMigrations } from '../src/main/core/db/migrate'
import { hashPin } from '../src/main/core/operators/pin'
import {
  BULK_LIMIT,
  IMEI_PRODUCTS,
  OTHER_PRODUCTS,
  TACS_PER_PRODUCT,
  gs1CheckDigit,
  imei,
  isoAt,
  rng,
  tacIndex,
  tacOf,
  uuid7At
} from './catalogue'

/** Bump when the generated data changes shape: a reused database with another version is rebuilt. */
export const GENERATOR_VERSION = 1
export const MARKER_KEY = 'bench.dataset'

export type DatasetSize = { orders: number; units: number }
export type Marker = {
  generator: number
  schemaHash: string
  orders: number
  units: number
  maxOrderId: number
  operatorId: number
  builtAt: string
  buildSeconds: number
}

const STATUSES = ['shipped', 'packed', 'in_progress', 'ready', 'on_hold', 'cancelled'] as const
const STATUS_SHARE = [0.88, 0.04, 0.015, 0.04, 0.01, 0.015]
const CHANNELS = ['amazon', 'ebay', 'backmarket', 'shopify', 'b2b'] as const
const CARRIERS = [
  ['dhl', 'parcel'],
  ['ups', 'standard'],
  ['dpd', 'classic'],
  ['gls', 'business_parcel'],
  ['ups', 'express_saver']
] as const
const FIRST = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Eva',
  'Felix',
  'Greta',
  'Hannah',
  'Jonas',
  'Lena',
  'Max',
  'Nora',
  'Paul',
  'Sofia',
  'Tom',
  'Lea'
]
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter']
const STREETS = ['Hauptstraße', 'Bahnhofstraße', 'Gartenweg', 'Lindenallee', 'Schulstraße', 'Kirchplatz', 'Am Markt', 'Bergstraße']
const CITIES = [
  ['Berlin', '10115', 'DE'],
  ['Hamburg', '20095', 'DE'],
  ['München', '80331', 'DE'],
  ['Köln', '50667', 'DE'],
  ['Wien', '1010', 'AT'],
  ['Zürich', '8001', 'CH'],
  ['Amsterdam', '1012', 'NL'],
  ['Paris', '75001', 'FR']
] as const
const PRESETS = [
  ['S (phone)', 200, 150, 80, 2_000],
  ['M (3 phones)', 300, 200, 120, 5_000],
  ['L (10 phones)', 400, 300, 200, 12_000]
] as const

/** sha256 of the migration journal and files: a reused database must have been migrated with exactly these. */
export function schemaHash(folder = findMigrationsFolder()): string {
  const h = createHash('sha256')
  const journal = readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')
  h.update(journal)
  for (const e of (JSON.parse(journal) as { entries: { tag: string }[] }).entries) h.update(readFileSync(join(folder, `${e.tag}.sql`)))
  return h.digest('hex')
}

export function readMarker(sqlite: Database.Database): Marker | null {
  try {
    const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(MARKER_KEY) as { value: string } | undefined
    return row ? (JSON.parse(row.value) as Marker) : null
  } catch {
    return null
  }
}

/** The plan: every order's status, lines and units, decided in memory before anything is written. */
type Plan = {
  status: Uint8Array
  channel: Uint8Array
  lineStart: Int32Array
  lineProduct: Uint8Array
  lineQty: Uint16Array
  lineScanned: Uint16Array
  removed: Uint8Array
}

const pick = (r: () => number, shares: readonly number[]) => {
  let x = r() * shares.reduce((a, b) => a + b, 0)
  for (let i = 0; i < shares.length; i++) if ((x -= shares[i]) < 0) return i
  return shares.length - 1
}

function plan(size: DatasetSize): Plan {
  const r = rng(20_240_601)
  const n = size.orders
  const status = new Uint8Array(n)
  const channel = new Uint8Array(n)
  const removed = new Uint8Array(n)
  const lineStart = new Int32Array(n + 1)
  const maxLines = n * 3
  const lineProduct = new Uint8Array(maxLines)
  const lineQty = new Uint16Array(maxLines)
  const lineScanned = new Uint16Array(maxLines)
  const productShares = IMEI_PRODUCTS.map((p) => p.share)
  let line = 0
  let live = 0
  let removedTotal = 0
  for (let i = 0; i < n; i++) {
    status[i] = pick(r, STATUS_SHARE)
    channel[i] = pick(r, [30, 20, 20, 20, 10])
    const bulk = CHANNELS[channel[i]] === 'b2b'
    const lines = bulk ? 1 + ((r() * 3) | 0) : pick(r, [60, 30, 10]) + 1
    lineStart[i] = line
    const used = new Set<number>()
    for (let l = 0; l < lines; l++) {
      let p = pick(r, productShares)
      while (used.has(p)) p = (p + 1) % IMEI_PRODUCTS.length
      used.add(p)
      const qty = bulk ? 10 + ((r() * 71) | 0) : pick(r, [75, 20, 5]) + 1
      const s = STATUSES[status[i]]
      const scanned = s === 'shipped' || s === 'packed' ? qty : s === 'in_progress' ? Math.max(l === 0 ? 1 : 0, qty >> 1) : 0
      lineProduct[line] = p
      lineQty[line] = qty
      lineScanned[line] = scanned
      live += scanned
      line++
    }
    if ((STATUSES[status[i]] === 'shipped' || STATUSES[status[i]] === 'packed') && r() < 0.003) {
      removed[i] = 1
      removedTotal++
    }
  }
  lineStart[n] = line

  // Nudge bulk shipped lines until live + removed units is exactly the target.
  let diff = size.units - removedTotal - live
  for (let pass = 0; diff !== 0 && pass < 1_000; pass++) {
    for (let i = 0; i < n && diff !== 0; i++) {
      if (CHANNELS[channel[i]] !== 'b2b' || STATUSES[status[i]] !== 'shipped') continue
      const l = lineStart[i]
      if (diff > 0 && lineQty[l] < 200) {
        lineQty[l]++
        lineScanned[l]++
        diff--
      } else if (diff < 0 && lineQty[l] > 1) {
        lineQty[l]--
        lineScanned[l]--
        diff++
      }
    }
  }
  if (diff !== 0) throw new Error(`Could not plan exactly ${size.units} units (off by ${diff})`)
  return { status, channel, lineStart, lineProduct, lineQty, lineScanned, removed }
}

const DAY = 86_400_000

/** Multi-row INSERT: 64 rows per statement call, about twice as fast as one call per row. */
function batcher(sqlite: Database.Database, head: string, row: string, rows = 64) {
  const params = row.split('?').length - 1
  const one = sqlite.prepare(`${head} VALUES ${row}`)
  const many = sqlite.prepare(`${head} VALUES ${Array(rows).fill(row).join(', ')}`)
  const buf: unknown[] = []
  return {
    run(...values: unknown[]) {
      for (const v of values) buf.push(v)
      if (buf.length === rows * params) {
        many.run(buf)
        buf.length = 0
      }
    },
    flush() {
      for (let i = 0; i < buf.length; i += params) one.run(buf.slice(i, i + params))
      buf.length = 0
    }
  }
}

/**
 * Writes the database. Scanned-unit secondary indexes are dropped during the
 * load and recreated from their exact original SQL (sorting once is much
 * faster than 10M random B-tree inserts); the schema ends identical.
 */
export function buildDataset(file: string, size: DatasetSize, log: (s: string) => void): Marker {
  const started = process.hrtime.bigint()
  mkdirSync(dirname(file), { recursive: true })
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(f)) rmSync(f)

  const connection = openDatabase(file)
  runMigrations(connection)
  const { sqlite } = connection
  sqlite.pragma('journal_mode = OFF')
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('foreign_keys = OFF')
  sqlite.pragma('locking_mode = EXCLUSIVE')
  sqlite.pragma('cache_size = -2000000')
  sqlite.pragma('temp_store = MEMORY')

  const t0 = Date.now() - 760 * DAY
  const at = isoAt
  const r = rng(7)

  // Catalogue, operators, presets, settings.
  sqlite.transaction(() => {
    const ins = sqlite.prepare(
      'INSERT INTO products (sku, name, serialized, condition, serial_kind, serial_pattern, barcode, imeis_per_unit, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)'
    )
    const tac = sqlite.prepare('INSERT INTO product_tacs (tac, sku) VALUES (?, ?)')
    IMEI_PRODUCTS.forEach((p, i) => {
      ins.run(p.sku, p.name, 1, p.condition, 'imei', null, null, at(t0))
      for (let t = 0; t < TACS_PER_PRODUCT; t++) tac.run(tacOf(i, t), p.sku)
    })
    for (const p of OTHER_PRODUCTS) ins.run(p.sku, p.name, p.serialized, p.condition, p.serialKind, p.serialPattern, p.barcode, at(t0))
    const op = sqlite.prepare('INSERT INTO operators (id, name, badge_code, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    op.run(1, 'Sabine Lead', 'BADGE-0001', 'shift_lead', hashPin('4711'), at(t0))
    op.run(2, 'Ali Packer', 'BADGE-0002', 'operator', null, at(t0))
    op.run(3, 'Birgit Packer', 'BADGE-0003', 'operator', null, at(t0))
    op.run(4, 'Bench Operator', 'BADGE-BENCH', 'operator', null, at(t0))
    // The dataset brings its own presets (the boxes below refer to them by id), in place of the migration's starter set.
    sqlite.prepare('DELETE FROM box_presets').run()
    const preset = sqlite.prepare(
      'INSERT INTO box_presets (id, name, length_mm, width_mm, height_mm, max_weight_g) VALUES (?, ?, ?, ?, ?, ?)'
    )
    PRESETS.forEach((p, i) => preset.run(i + 1, ...p))
    sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('stationId', JSON.stringify('ST-BENCH01'))
  })()

  const unitIndexes = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'scanned_units' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[]
  for (const ix of unitIndexes) sqlite.exec(`DROP INDEX "${ix.name}"`)

  log(`planning ${size.orders.toLocaleString('en')} orders / ${size.units.toLocaleString('en')} units…`)
  const p = plan(size)

  const insOrder = batcher(
    sqlite,
    `INSERT INTO orders (id, oms_order_id, order_number, channel, channel_order_id, parent_order_id, order_type,
    fulfilment_type, ship_to, carrier, service, dispatch_after, priority, oms_created_at, status, oms_status, content_hash, imported_at, updated_at)`,
    '(?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
  )
  const insLine = batcher(
    sqlite,
    'INSERT INTO order_lines (id, order_id, line_id, sku, product_name, quantity, serialized, condition, scanned_quantity)',
    '(?, ?, ?, ?, ?, ?, 1, ?, ?)'
  )
  const insBox = batcher(
    sqlite,
    `INSERT INTO boxes (id, order_id, number, status, preset_id, length_mm, width_mm, height_mm, weight_g, sscc,
    created_by, created_at, confirmed_by, confirmed_at)`,
    "(?, ?, ?, 'confirmed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
  )
  const insUnit = batcher(
    sqlite,
    `INSERT INTO scanned_units (id, order_id, order_line_id, box_id, serial, serial2, entry_method, scanned_by,
    scanned_at, removed_at, removed_by)`,
    '(?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)'
  )
  const flushAll = () => [insOrder, insLine, insBox, insUnit].forEach((b) => b.flush())

  const tacCounter = new Int32Array(IMEI_PRODUCTS.length * TACS_PER_PRODUCT)
  const nextImei = (product: number) => {
    const t = (r() * TACS_PER_PRODUCT) | 0
    const k = tacCounter[tacIndex(product, t)]++
    if (k >= BULK_LIMIT) throw new Error(`TAC ${tacOf(product, t)} is out of bulk serial numbers`)
    return imei(product, t, k)
  }
  const span = 730 * DAY
  const gap = Math.floor(span / size.orders)
  let boxSeq = 0
  let unitCount = 0
  const CHUNK = 20_000
  const loadStarted = Date.now()

  for (let from = 0; from < size.orders; from += CHUNK) {
    sqlite.transaction(() => {
      for (let i = from; i < Math.min(from + CHUNK, size.orders); i++) {
        const id = i + 1
        const created = t0 + i * gap
        const status = STATUSES[p.status[i]]
        const channel = CHANNELS[p.channel[i]]
        const bulk = channel === 'b2b'
        const [city, postalCode, country] = CITIES[(r() * CITIES.length) | 0]
        const name = `${FIRST[(r() * FIRST.length) | 0]} ${LAST[(r() * LAST.length) | 0]}`
        const shipTo = {
          name,
          ...(bulk ? { company: `${LAST[(r() * LAST.length) | 0]} Mobile GmbH` } : {}),
          street1: `${STREETS[(r() * STREETS.length) | 0]} ${1 + ((r() * 120) | 0)}`,
          city,
          postalCode,
          country,
          phone: `+49 151 ${String((r() * 1e8) | 0).padStart(8, '0')}`,
          email: `${name.toLowerCase().replace(/[^a-z]/g, '.')}${id}@example.com`
        }
        const [carrier, service] = CARRIERS[(r() * CARRIERS.length) | 0]
        const hash = createHash('sha256').update(String(id)).digest('hex')
        const statusAt = created + (status === 'shipped' ? 2 * DAY : status === 'packed' ? DAY : 3_600_000)
        insOrder.run(
          id,
          `OMS-${String(10_000_000 + id)}`,
          `SO-${String(id).padStart(8, '0')}`,
          channel,
          channel === 'amazon'
            ? `${300 + (id % 700)}-${String(id * 7 + 1_000_000).padStart(7, '0')}-${String(id).padStart(7, '0')}`
            : channel === 'b2b'
              ? null
              : `${channel.toUpperCase()}-${id}`,
          bulk ? 'bulk' : 'normal',
          bulk ? (r() < 0.5 ? 'partial' : 'block_complete') : null,
          JSON.stringify(shipTo),
          carrier,
          service,
          status === 'on_hold' ? at(Date.now() + 3 * DAY) : null,
          bulk ? 1 : 0,
          at(created),
          status,
          status === 'on_hold' ? 'awaiting_payment' : 'paid',
          hash,
          at(created + 60_000),
          at(statusAt)
        )

        const full = status === 'shipped' || status === 'packed'
        const perBox = bulk ? 10 : 1_000
        let inBox = perBox
        let boxId: string | null = null
        let boxNumber = 0
        let ms = created + 3_600_000
        for (let l = p.lineStart[i]; l < p.lineStart[i + 1]; l++) {
          const product = p.lineProduct[l]
          const prod = IMEI_PRODUCTS[product]
          insLine.run(l + 1, id, String(l - p.lineStart[i] + 1), prod.sku, prod.name, p.lineQty[l], prod.condition, p.lineScanned[l])
          const operator = 2 + ((r() * 2) | 0)
          for (let u = 0; u < p.lineScanned[l]; u++) {
            if (full && inBox === perBox) {
              boxNumber++
              boxSeq++
              inBox = 0
              const preset = bulk ? 3 : 1
              const [, lengthMm, widthMm, heightMm] = PRESETS[preset - 1]
              const body = `3401234${String(boxSeq).padStart(9, '0')}`.padStart(17, '0')
              boxId = uuid7At(ms + 50_000 + boxNumber, r)
              insBox.run(
                boxId,
                id,
                boxNumber,
                preset,
                lengthMm,
                widthMm,
                heightMm,
                300 + ((r() * 3000) | 0),
                body + gs1CheckDigit(body),
                operator,
                at(ms + 50_000),
                operator,
                at(ms + 55_000)
              )
            }
            ms += 100
            insUnit.run(
              uuid7At(ms, r),
              id,
              l + 1,
              full ? boxId : null,
              nextImei(product),
              r() < 0.01 ? 'typed' : 'scanned',
              operator,
              at(ms),
              null,
              null
            )
            inBox++
            unitCount++
          }
        }
        if (p.removed[i]) {
          const l = p.lineStart[i]
          ms += 200
          insUnit.run(uuid7At(ms, r), id, l + 1, null, nextImei(p.lineProduct[l]), 'scanned', 2, at(ms), at(ms + 30_000), 1)
          unitCount++
        }
      }
      flushAll()
    })()
    const done = Math.min(from + CHUNK, size.orders)
    if (done % 100_000 === 0 || done === size.orders) {
      const s = (Date.now() - loadStarted) / 1000
      log(`  ${done.toLocaleString('en')} orders, ${unitCount.toLocaleString('en')} units  (${s.toFixed(0)} s)`)
    }
  }
  if (unitCount !== size.units) throw new Error(`Loaded ${unitCount} units, planned ${size.units}`)

  for (const ix of unitIndexes) {
    const s = Date.now()
    sqlite.exec(ix.sql)
    log(`  index ${ix.name} rebuilt (${((Date.now() - s) / 1000).toFixed(0)} s)`)
  }

  const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9
  const marker: Marker = {
    generator: GENERATOR_VERSION,
    schemaHash: schemaHash(),
    orders: size.orders,
    units: size.units,
    maxOrderId: size.orders,
    operatorId: 4,
    builtAt: new Date().toISOString(),
    buildSeconds: Math.round(buildSeconds)
  }
  sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(MARKER_KEY, JSON.stringify(marker))
  sqlite.pragma('locking_mode = NORMAL')
  sqlite.pragma('journal_mode = WAL')
  sqlite.close()
  return marker
}
