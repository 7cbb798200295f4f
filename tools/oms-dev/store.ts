// The stand-in OMS's orders and events, kept in its SQLite database (db.ts) so
// they survive a restart: orders with a change sequence (the pull cursor),
// products, and every event it accepted, deduplicated by id. Its rejection
// rules are the ones a real OMS has: an IMEI another station already shipped,
// packing reported for an order cancelled meanwhile, serials an operator of
// the stand-in blocked by hand.
import type { EventResult, PullPage, WireEvent } from '../../src/main/core/sync/omsWire'
import { counter, ensureTables, type OmsDb } from './db'

type OrderRecord = Record<string, unknown> & { oms_order_id: string; oms_status?: string | null }
export type Received = { event: WireEvent; receivedAt: string }

export type Tally = { accepted: number; duplicate: number; rejected: number }

/** Another concern's say on events (the serial ledger, ledger.ts): why to reject one, and what it learns from one accepted. */
export type EventRule = { rejectionOf(event: WireEvent): string | null; accepted(event: WireEvent): void }

const TABLES = `
CREATE TABLE IF NOT EXISTS orders (
  oms_order_id TEXT PRIMARY KEY,
  record TEXT NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS products (sku TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS received_events (
  arrival INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  event TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rejections (n INTEGER PRIMARY KEY, id TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS shipped_serials (serial TEXT PRIMARY KEY, station_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS blocked_serials (serial TEXT PRIMARY KEY, reason TEXT NOT NULL);
`

export class OmsStore {
  private readonly sequence
  private readonly counts
  private readonly rules: EventRule[] = []

  constructor(
    readonly db: OmsDb,
    private readonly now: () => Date = () => new Date()
  ) {
    ensureTables(db, TABLES)
    this.sequence = counter(db, 'order_seq')
    this.counts = {
      duplicate: counter(db, 'tally_duplicate'),
      rejected: counter(db, 'tally_rejected')
    }
  }

  /** Accepted events, by id, in the order they arrived (read from the database on each call). */
  get received(): Map<string, Received> {
    const rows = this.db.prepare<[], { id: string; event: string; received_at: string }>(
      'SELECT id, event, received_at FROM received_events ORDER BY arrival'
    )
    return new Map(rows.all().map((r) => [r.id, { event: JSON.parse(r.event) as WireEvent, receivedAt: r.received_at }]))
  }

  get tally(): Tally {
    const accepted = this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM received_events').get()!.n
    return { accepted, duplicate: this.counts.duplicate.get(), rejected: this.counts.rejected.get() }
  }

  /** Adds a concern's rule: asked before an event is accepted, told after (inside the batch's transaction). */
  addRule(rule: EventRule): void {
    this.rules.push(rule)
  }

  get rejections(): { id: string; reason: string }[] {
    return this.db.prepare<[], { id: string; reason: string }>('SELECT id, reason FROM rejections ORDER BY n').all()
  }

  putProducts(products: Record<string, unknown>[]): void {
    const put = this.db.prepare<[string, string]>(
      'INSERT INTO products (sku, record) VALUES (?, ?) ON CONFLICT(sku) DO UPDATE SET record = excluded.record'
    )
    this.db.transaction(() => products.forEach((p) => put.run(String(p.sku), JSON.stringify(p))))()
  }

  /** Adds or replaces an order; it is pulled again from the next cursor on. */
  putOrder(record: OrderRecord): void {
    this.db.transaction(() => {
      const seq = this.sequence.add()
      this.db
        .prepare<[string, string, number, string]>(
          `INSERT INTO orders (oms_order_id, record, seq, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(oms_order_id) DO UPDATE SET record = excluded.record, seq = excluded.seq, updated_at = excluded.updated_at`
        )
        .run(record.oms_order_id, JSON.stringify(record), seq, this.now().toISOString())
    })()
  }

  /** Adds the orders it does not have yet (a restart with the same order file changes nothing it already holds). */
  seedOrders(records: OrderRecord[]): void {
    this.db.transaction(() => records.filter((r) => !this.record(r.oms_order_id)).forEach((r) => this.putOrder(r)))()
  }

  /** Holds, releases or cancels an order (status `held`, `released`, `cancelled`…). */
  setStatus(omsOrderId: string, status: string): boolean {
    const record = this.record(omsOrderId)
    if (!record) return false
    this.putOrder({ ...record, oms_status: status })
    return true
  }

  status(omsOrderId: string): { oms_order_id: string; status: string; updated_at: string } | null {
    const row = this.orderRow(omsOrderId)
    if (!row) return null
    const record = JSON.parse(row.record) as OrderRecord
    return { oms_order_id: omsOrderId, status: record.oms_status ?? 'open', updated_at: row.updated_at }
  }

  /** The order as the OMS holds it, or null. */
  record(omsOrderId: string): OrderRecord | null {
    const row = this.orderRow(omsOrderId)
    return row ? (JSON.parse(row.record) as OrderRecord) : null
  }

  /**
   * Orders changed after `cursor` (an opaque sequence number), oldest change first;
   * `visible` narrows them (an SQL condition on `orders` with named parameters, e.g. a station's share, assignment.ts).
   */
  page(cursor: string | null, limit: number, visible?: { sql: string; params: Record<string, string> }): PullPage {
    const parsed = cursor === null ? 0 : Number(cursor)
    const after = Number.isFinite(parsed) ? parsed : 0
    const rows = this.db
      .prepare<[Record<string, unknown>], { record: string; seq: number }>(
        `SELECT record, seq FROM orders WHERE seq > @after${visible ? ` AND ${visible.sql}` : ''} ORDER BY seq LIMIT @limit`
      )
      .all({ ...visible?.params, after, limit: limit + 1 })
    const page = rows.slice(0, limit)
    const orders = page.map((r) => JSON.parse(r.record) as OrderRecord)
    const skus = [...new Set(orders.flatMap((o) => ((o.lines as { sku?: unknown }[] | undefined) ?? []).map((l) => String(l.sku))))]
    const product = this.db.prepare<[string], { record: string }>('SELECT record FROM products WHERE sku = ?')
    return {
      orders,
      products: skus.flatMap((sku) => {
        const row = product.get(sku)
        return row ? [JSON.parse(row.record) as Record<string, unknown>] : []
      }),
      next_cursor: String(page.at(-1)?.seq ?? after),
      has_more: rows.length > limit
    }
  }

  blockSerials(serials: string[], reason: string): void {
    const block = this.db.prepare<[string, string]>(
      'INSERT INTO blocked_serials (serial, reason) VALUES (?, ?) ON CONFLICT(serial) DO UPDATE SET reason = excluded.reason'
    )
    this.db.transaction(() => serials.forEach((s) => block.run(s, reason)))()
  }

  /** Applies a batch in order, in one transaction; an id already accepted is a duplicate, a rejected one is judged afresh. */
  receive(events: WireEvent[]): EventResult[] {
    return this.db.transaction(() => events.map((event) => this.receiveOne(event)))()
  }

  private receiveOne(event: WireEvent): EventResult {
    if (this.db.prepare('SELECT 1 FROM received_events WHERE id = ?').get(event.id)) {
      this.counts.duplicate.add()
      return { id: event.id, status: 'duplicate' as const }
    }
    const reason = this.rejectionOf(event)
    if (reason) {
      this.counts.rejected.add()
      this.db.prepare('INSERT INTO rejections (id, reason) VALUES (?, ?)').run(event.id, reason)
      return { id: event.id, status: 'rejected' as const, reason }
    }
    this.db
      .prepare('INSERT INTO received_events (id, event, received_at) VALUES (?, ?, ?)')
      .run(event.id, JSON.stringify(event), this.now().toISOString())
    const ship = this.db.prepare('INSERT OR REPLACE INTO shipped_serials (serial, station_id) VALUES (?, ?)')
    for (const serial of serialsOf(event)) ship.run(serial, event.stationId)
    for (const rule of this.rules) rule.accepted(event)
    return { id: event.id, status: 'accepted' as const }
  }

  private orderRow(omsOrderId: string) {
    return this.db
      .prepare<[string], { record: string; updated_at: string }>('SELECT record, updated_at FROM orders WHERE oms_order_id = ?')
      .get(omsOrderId)
  }

  private rejectionOf(event: WireEvent): string | null {
    const blocked = this.db.prepare<[string], { reason: string }>('SELECT reason FROM blocked_serials WHERE serial = ?')
    const shipped = this.db.prepare<[string], { station_id: string }>('SELECT station_id FROM shipped_serials WHERE serial = ?')
    for (const serial of serialsOf(event)) {
      const block = blocked.get(serial)
      if (block) return block.reason
    }
    for (const rule of this.rules) {
      const reason = rule.rejectionOf(event)
      if (reason) return reason
    }
    // Without a serial ledger (a store on its own): a serial another station ever boxed, released or not.
    for (const serial of this.rules.length === 0 ? serialsOf(event) : []) {
      const station = shipped.get(serial)?.station_id
      if (station && station !== event.stationId) return `IMEI ${serial} was already shipped by station ${station}`
    }
    if (event.type === 'order.packed' && event.omsOrderId) {
      const status = this.record(event.omsOrderId)?.oms_status?.toLowerCase()
      if (status === 'cancelled' || status === 'canceled') return `order ${event.omsOrderId} was cancelled in the OMS before it was packed`
    }
    return null
  }
}

/** The serials a box.confirmed event reports. */
function serialsOf(event: WireEvent): string[] {
  if (event.type !== 'box.confirmed') return []
  const units = (event.payload as { units?: { serial?: unknown; serial2?: unknown }[] } | null)?.units ?? []
  return units.flatMap((u) => [u.serial, u.serial2]).filter((s): s is string => typeof s === 'string' && s.length > 0)
}
