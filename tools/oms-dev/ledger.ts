// The stand-in OMS's shared serial ledger (docs/oms-api.yaml, `pullSerialLedger`):
// fed by the events the store accepts — a `box.confirmed` makes its serials
// live at that station in that order; `unit.removed`,
// `order.unpacked_after_cancel`, `box.voided` and `order.cancelled` release
// them — and consulted before the store accepts a `box.confirmed`: a serial
// live at another station is rejected, naming that station and order. Its
// tables sit on the stand-in's one database (db.ts), beside the store's, so a
// restart keeps the ledger and its cursor. Station names come from the
// X-Station-Name header of any request.
import type { IncomingHttpHeaders } from 'node:http'
import type { WireEvent } from '../../src/main/core/sync/omsWire'
import { decodeStationName, STATION_NAME_HEADER, type LedgerEntry, type LedgerPage } from '../../src/main/core/sync/ledgerWire'
import { counter, ensureTables, type OmsDb } from './db'
import type { ApiRequest, ApiRoutes } from './routes'
import type { EventRule } from './store'

const TABLES = `
CREATE TABLE IF NOT EXISTS ledger_entries (
  serial TEXT NOT NULL,
  station_id TEXT NOT NULL,
  oms_order_id TEXT NOT NULL,
  order_number TEXT NOT NULL,
  committed_at TEXT NOT NULL,
  live INTEGER NOT NULL,
  released_at TEXT,
  seq INTEGER NOT NULL UNIQUE,
  PRIMARY KEY (serial, station_id, oms_order_id)
);
CREATE INDEX IF NOT EXISTS ledger_entries_live ON ledger_entries (serial) WHERE live = 1;
CREATE INDEX IF NOT EXISTS ledger_entries_order ON ledger_entries (station_id, oms_order_id) WHERE live = 1;
CREATE TABLE IF NOT EXISTS station_names (station_id TEXT PRIMARY KEY, name TEXT NOT NULL);
`

type Unit = { serial?: unknown; serial2?: unknown }
type Payload = { orderNumber?: unknown; units?: Unit[]; unit?: Unit } | null
type EntryRow = Omit<LedgerEntry, 'state'> & { live: number }

const serialsOf = (units: Unit[]): string[] =>
  units.flatMap((u) => [u.serial, u.serial2]).filter((s): s is string => typeof s === 'string' && s.length > 0)

export class SerialLedger implements EventRule {
  private readonly sequence
  private readonly q

  constructor(
    db: OmsDb,
    private readonly now: () => Date = () => new Date()
  ) {
    ensureTables(db, TABLES)
    this.sequence = counter(db, 'ledger_seq')
    this.q = {
      liveElsewhere: db.prepare<[string, string], { station_id: string; oms_order_id: string; order_number: string; name: string | null }>(
        `SELECT e.station_id, e.oms_order_id, e.order_number, n.name FROM ledger_entries e
         LEFT JOIN station_names n ON n.station_id = e.station_id
         WHERE e.serial = ? AND e.live = 1 AND e.station_id <> ? LIMIT 1`
      ),
      commit: db.prepare(
        `INSERT INTO ledger_entries (serial, station_id, oms_order_id, order_number, committed_at, live, released_at, seq)
         VALUES (@serial, @station, @order, @number, @at, 1, NULL, @seq)
         ON CONFLICT (serial, station_id, oms_order_id) DO UPDATE SET
           order_number = excluded.order_number, committed_at = excluded.committed_at, live = 1, released_at = NULL, seq = excluded.seq`
      ),
      release: db.prepare(
        `UPDATE ledger_entries SET live = 0, released_at = @at, seq = @seq
         WHERE serial = @serial AND station_id = @station AND oms_order_id = @order AND live = 1`
      ),
      liveOfOrder: db.prepare<[string, string], { serial: string }>(
        'SELECT serial FROM ledger_entries WHERE station_id = ? AND oms_order_id = ? AND live = 1'
      ),
      name: db.prepare(
        'INSERT INTO station_names (station_id, name) VALUES (?, ?) ON CONFLICT (station_id) DO UPDATE SET name = excluded.name'
      ),
      nameOf: db.prepare<[string], { name: string }>('SELECT name FROM station_names WHERE station_id = ?'),
      page: db.prepare<[number, number], EntryRow & { seq: number }>(
        `SELECT e.serial, e.oms_order_id, e.order_number, e.station_id, n.name AS station_name, e.committed_at, e.live, e.released_at, e.seq
         FROM ledger_entries e LEFT JOIN station_names n ON n.station_id = e.station_id
         WHERE e.seq > ? ORDER BY e.seq LIMIT ?`
      )
    }
  }

  /** A `box.confirmed` holding a serial live at another station is rejected, in words that name the serial, station and order. */
  rejectionOf(event: WireEvent): string | null {
    if (event.type !== 'box.confirmed') return null
    for (const serial of serialsOf((event.payload as Payload)?.units ?? [])) {
      const held = this.q.liveElsewhere.get(serial, event.stationId)
      if (held) {
        const station = held.name ? `${held.name} (${held.station_id})` : held.station_id
        return `IMEI ${serial} is already packed at ${station} in order ${held.order_number}`
      }
    }
    return null
  }

  /** What an accepted event changes in the ledger (called inside the store's transaction). */
  accepted(event: WireEvent): void {
    const payload = event.payload as Payload
    const order = event.omsOrderId
    if (!order) return
    const key = { station: event.stationId, order }
    if (event.type === 'box.confirmed') {
      const number = typeof payload?.orderNumber === 'string' ? payload.orderNumber : order
      const serials = serialsOf(payload?.units ?? [])
      // The box's sequence numbers are taken in one step (two statements a box, not two a serial).
      let seq = this.sequence.add(serials.length) - serials.length
      for (const serial of serials) this.q.commit.run({ ...key, serial, number, at: event.at, seq: ++seq })
      return
    }
    const released =
      event.type === 'box.voided'
        ? serialsOf(payload?.units ?? [])
        : event.type === 'unit.removed' || event.type === 'order.unpacked_after_cancel'
          ? serialsOf(payload?.unit ? [payload.unit] : [])
          : event.type === 'order.cancelled'
            ? this.q.liveOfOrder.all(event.stationId, order).map((r) => r.serial)
            : []
    // A gap in the sequence (a serial not live here) is fine: the cursor only has to grow.
    let seq = this.sequence.add(released.length) - released.length
    for (const serial of released) this.q.release.run({ ...key, serial, at: event.at || this.now().toISOString(), seq: ++seq })
  }

  /** Remembers a station's name from its X-Station-Name header, when it sends one. */
  stationSeen(stationId: string, headers: IncomingHttpHeaders): void {
    const raw = headers[STATION_NAME_HEADER]
    const name = decodeStationName(Array.isArray(raw) ? raw[0] : raw)
    if (name) this.q.name.run(stationId, name)
  }

  /** The name a station last sent in its X-Station-Name header, or null. */
  nameOf(stationId: string): string | null {
    return this.q.nameOf.get(stationId)?.name ?? null
  }

  /** Entries changed after `cursor` (an opaque sequence number), oldest change first. */
  page(cursor: string | null, limit: number): LedgerPage {
    const parsed = cursor === null ? 0 : Number(cursor)
    const after = Number.isFinite(parsed) ? parsed : 0
    const rows = this.q.page.all(after, limit + 1)
    const page = rows.slice(0, limit)
    return {
      entries: page.map(({ live, seq: _, ...row }) => ({ ...row, state: live ? ('live' as const) : ('released' as const) })),
      next_cursor: String(page.at(-1)?.seq ?? after),
      has_more: rows.length > limit
    }
  }

  /** GET /serial-ledger; every request first tells the ledger the station's name. */
  readonly routes: ApiRoutes = (request: ApiRequest) => {
    this.stationSeen(request.stationId, request.headers)
    if (request.method !== 'GET' || request.path !== '/serial-ledger') return null
    const limit = Math.min(1000, Math.max(1, Number(request.url.searchParams.get('limit') ?? 500) || 500))
    return { status: 200, body: this.page(request.url.searchParams.get('cursor'), limit) }
  }
}
