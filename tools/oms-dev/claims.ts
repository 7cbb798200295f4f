// The stand-in OMS's order claims (docs/oms-api.yaml, tag `claims`): which
// station packs an order, with a lease on the stand-in's clock. A live claim
// of another station answers 409 naming it; the same station renews (its
// `since` stays); a takeover replaces whoever holds it; a lease that ran out
// is free for anyone. An order the OMS accepted as packed (or shipped) by one
// station is refused to every other (409 `already_packed`, takeover or not),
// and so are their box and packing events for it (an event rule of the store:
// two stations offline at once end as a rejection, never a double pack).
// Kept in the stand-in's database (db.ts).
import {
  ClaimRequest,
  type ClaimAlreadyPacked,
  type ClaimConflict,
  type ClaimGranted,
  type WireClaimHolder,
  type WirePackedBy
} from '../../src/main/core/sync/claimWire'
import type { WireEvent } from '../../src/main/core/sync/omsWire'
import { ensureTables, type OmsDb } from './db'
import type { ApiRoutes } from './routes'
import type { EventRule } from './store'

const TABLES = `
CREATE TABLE IF NOT EXISTS claims (
  oms_order_id TEXT PRIMARY KEY,
  station_id TEXT NOT NULL,
  station_name TEXT,
  since TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS packed_orders (
  oms_order_id TEXT PRIMARY KEY,
  station_id TEXT NOT NULL,
  packed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claim_station_names (station_id TEXT PRIMARY KEY, name TEXT NOT NULL);`

/** The events that pack an order: another station's, for an order packed already, are rejected. */
const PACKING = (type: string) => type.startsWith('box.') || type === 'order.packed' || type === 'order.shipped'

type Row = { oms_order_id: string; station_id: string; station_name: string | null; since: string; expires_at: string }

export type ClaimOutcome =
  { status: 200; body: ClaimGranted } | { status: 409; body: ClaimConflict | ClaimAlreadyPacked } | { status: 404; body: { error: string } }

export class OmsClaims implements EventRule {
  constructor(
    private readonly db: OmsDb,
    private readonly now: () => Date,
    /** Whether the OMS has the order (claims are only for its own orders). */
    private readonly hasOrder: (omsOrderId: string) => boolean,
    /** A station's name known elsewhere in the OMS (the ledger's X-Station-Name), for one never seen claiming. */
    private readonly nameOf: (stationId: string) => string | null = () => null
  ) {
    ensureTables(db, TABLES)
  }

  /** Claims, renews or takes over an order for `stationId`. */
  claim(omsOrderId: string, stationId: string, request: ClaimRequest): ClaimOutcome {
    if (!this.hasOrder(omsOrderId)) return { status: 404, body: { error: `no order ${omsOrderId}` } }
    return this.db.transaction((): ClaimOutcome => {
      if (request.stationName)
        this.db
          .prepare('INSERT INTO claim_station_names (station_id, name) VALUES (?, ?) ON CONFLICT DO UPDATE SET name = excluded.name')
          .run(stationId, request.stationName)
      const packedBy = this.packedElsewhere(omsOrderId, stationId)
      if (packedBy) return { status: 409, body: { code: 'already_packed', error: alreadyPacked(omsOrderId, packedBy), packedBy } }
      const now = this.now()
      const current = this.live(omsOrderId, now)
      const other = current && current.station_id !== stationId ? current : null
      if (other && !request.takeover) {
        const holder = holderOf(other)
        return {
          status: 409,
          body: {
            code: 'claimed_elsewhere',
            error: `Order ${omsOrderId} is being packed at ${holder.stationName ?? holder.stationId} since ${holder.since}.`,
            holder
          }
        }
      }
      const since = current && !other ? current.since : now.toISOString()
      const expiresAt = new Date(now.getTime() + request.leaseSeconds * 1000).toISOString()
      this.db
        .prepare(
          `INSERT INTO claims (oms_order_id, station_id, station_name, since, expires_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(oms_order_id) DO UPDATE SET station_id = excluded.station_id, station_name = excluded.station_name,
             since = excluded.since, expires_at = excluded.expires_at`
        )
        .run(omsOrderId, stationId, request.stationName, since, expiresAt)
      return {
        status: 200,
        body: { omsOrderId, stationId, stationName: request.stationName, since, expiresAt, takenFrom: other ? holderOf(other) : null }
      }
    })()
  }

  /** Releases the claim if `stationId` holds it; false otherwise (nothing changes). */
  release(omsOrderId: string, stationId: string): boolean {
    return this.db.prepare('DELETE FROM claims WHERE oms_order_id = ? AND station_id = ?').run(omsOrderId, stationId).changes > 0
  }

  /** The live claims (leases not run out), for the admin view and tests. */
  list(): (WireClaimHolder & { omsOrderId: string })[] {
    const rows = this.db
      .prepare<[string], Row>('SELECT * FROM claims WHERE expires_at > ? ORDER BY oms_order_id')
      .all(this.now().toISOString())
    return rows.map((r) => ({ omsOrderId: r.oms_order_id, ...holderOf(r) }))
  }

  /** The station other than `stationId` whose packing of the order the OMS accepted, or null. */
  packedElsewhere(omsOrderId: string, stationId: string): WirePackedBy | null {
    const row = this.db
      .prepare<[string], { station_id: string; packed_at: string; name: string | null }>(
        `SELECT p.station_id, p.packed_at, n.name FROM packed_orders p
         LEFT JOIN claim_station_names n ON n.station_id = p.station_id WHERE p.oms_order_id = ?`
      )
      .get(omsOrderId)
    if (!row || row.station_id === stationId) return null
    return { stationId: row.station_id, stationName: row.name ?? this.nameOf(row.station_id), packedAt: row.packed_at }
  }

  /** Event rule: another station's box or packing event for an order already packed is rejected, naming the station. */
  rejectionOf(event: WireEvent): string | null {
    if (!event.omsOrderId || !PACKING(event.type)) return null
    const packedBy = this.packedElsewhere(event.omsOrderId, event.stationId)
    return packedBy ? alreadyPacked(event.omsOrderId, packedBy) : null
  }

  /** Event rule: the first accepted `order.packed` (or `order.shipped`) of an order names the station that packed it. */
  accepted(event: WireEvent): void {
    if (!event.omsOrderId || (event.type !== 'order.packed' && event.type !== 'order.shipped')) return
    this.db
      .prepare('INSERT INTO packed_orders (oms_order_id, station_id, packed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(event.omsOrderId, event.stationId, event.at || this.now().toISOString())
  }

  private live(omsOrderId: string, now: Date): Row | null {
    const row = this.db.prepare<[string], Row>('SELECT * FROM claims WHERE oms_order_id = ?').get(omsOrderId)
    return row && Date.parse(row.expires_at) > now.getTime() ? row : null
  }
}

const alreadyPacked = (omsOrderId: string, by: WirePackedBy): string =>
  `Order ${omsOrderId} was already packed at ${by.stationName ? `${by.stationName} (${by.stationId})` : by.stationId} at ${by.packedAt}.`

const holderOf = (row: Row): WireClaimHolder => ({
  stationId: row.station_id,
  stationName: row.station_name,
  since: row.since,
  expiresAt: row.expires_at
})

/** PUT and DELETE /orders/{omsOrderId}/claim. */
export function claimRoutes(claims: OmsClaims): ApiRoutes {
  return ({ method, path, body, stationId }) => {
    const match = /^\/orders\/([^/]+)\/claim$/.exec(path)
    if (!match) return null
    const omsOrderId = decodeURIComponent(match[1]!)
    if (method === 'PUT') {
      const request = ClaimRequest.safeParse(body)
      if (!request.success)
        return { status: 400, body: { error: request.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') } }
      return claims.claim(omsOrderId, stationId, request.data)
    }
    if (method === 'DELETE') return { status: 200, body: { released: claims.release(omsOrderId, stationId) } }
    return null
  }
}
