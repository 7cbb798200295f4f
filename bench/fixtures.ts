// Fixtures shared by the benchmark and the profile: resetting the database to
// its dataset, fresh orders to scan into, and fresh IMEIs for them.
import type { Connection } from '../src/main/core/db/connection'
import { IMEI_PRODUCTS, TACS_PER_PRODUCT, imei, rng } from './catalogue'
import type { Marker } from './dataset'

let orderSeq = Date.now()

/** Removes what earlier runs added (every order above the dataset's own), so each run starts from the same data. */
export function cleanUp({ sqlite }: Connection, marker: Marker, log: (s: string) => void) {
  const left = sqlite.prepare('SELECT count(*) AS n FROM orders WHERE id > ?').get(marker.maxOrderId) as { n: number }
  if (left.n === 0) return sqlite.pragma('wal_checkpoint(TRUNCATE)')
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'").all() as {
    name: string
    sql: string
  }[]
  // Foreign keys off while deleting (children first, so nothing dangles): with them on, deleting an order line
  // checks scanned_units.order_line_id, which has no index — a full scan of 10M units per line.
  sqlite.pragma('foreign_keys = OFF')
  try {
    sqlite.transaction(() => {
      // The event log is append-only; only the benchmark's own rows are removed, the triggers restored as they were.
      for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`)
      for (const table of ['outbox', 'events', 'scanned_units', 'boxes', 'order_lines']) {
        sqlite.prepare(`DELETE FROM ${table} WHERE order_id > ?`).run(marker.maxOrderId)
      }
      sqlite.prepare('DELETE FROM orders WHERE id > ?').run(marker.maxOrderId)
      for (const t of triggers) sqlite.exec(t.sql)
    })()
  } finally {
    sqlite.pragma('foreign_keys = ON')
  }
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  log(`removed ${left.n} order(s) left by an earlier run`)
}

export type Fresh = { orderId: number; lines: { id: number; product: number }[] }

/** Fresh `ready` orders to scan into: one serialized line of `qty` per model `linesOf(k)` gives. */
export function freshOrders({ sqlite }: Connection, kind: string, count: number, linesOf: (k: number) => number[], qty: number): Fresh[] {
  const now = new Date().toISOString()
  const insOrder =
    sqlite.prepare(`INSERT INTO orders (oms_order_id, order_number, channel, channel_order_id, order_type, ship_to, carrier, service,
    priority, oms_created_at, status, oms_status, content_hash, imported_at, updated_at)
    VALUES (?, ?, 'shopify', ?, 'normal', ?, 'dhl', 'parcel', 0, ?, 'ready', 'paid', ?, ?, ?)`)
  const insLine = sqlite.prepare(
    'INSERT INTO order_lines (order_id, line_id, sku, product_name, quantity, serialized, condition, scanned_quantity) VALUES (?, ?, ?, ?, ?, 1, ?, 0)'
  )
  const shipTo = JSON.stringify({ name: 'Bench Customer', street1: 'Teststraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' })
  return sqlite.transaction(() =>
    Array.from({ length: count }, (_, k) => {
      const ref = `BENCH-${kind}-${orderSeq++}`
      const orderId = Number(insOrder.run(ref, ref, ref, shipTo, now, ref.padEnd(64, '0'), now, now).lastInsertRowid)
      const lines = linesOf(k).map((product, i) => {
        const p = IMEI_PRODUCTS[product]
        return { id: Number(insLine.run(orderId, String(i + 1), p.sku, p.name, qty, p.condition).lastInsertRowid), product }
      })
      return { orderId, lines }
    })
  )()
}

/** The scans for a set of fresh orders, in the order an operator would make them: order by order, alternating lines. */
export function scansFor(orders: Fresh[], rangeStart: number, unitsPerOrder: number) {
  const counter = new Int32Array(IMEI_PRODUCTS.length * TACS_PER_PRODUCT)
  const r = rng(rangeStart)
  return orders.flatMap((o) =>
    Array.from({ length: unitsPerOrder }, (_, u) => {
      const line = o.lines[u % o.lines.length]
      const t = (r() * TACS_PER_PRODUCT) | 0
      const k = rangeStart + counter[line.product * TACS_PER_PRODUCT + t]++
      return { orderId: o.orderId, lineId: line.id, serial: imei(line.product, t, k) }
    })
  )
}
