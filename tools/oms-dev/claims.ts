// The stand-in OMS's order claims (docs/oms-api.yaml, tag `claims`): which
// station packs an order, with a lease on the stand-in's clock. A live claim
// of another station answers 409 naming it; the same station renews (its
// `since` stays); a takeover replaces whoever holds it; a lease that ran out
// is free for anyone. Kept in the stand-in's database (db.ts).
import { ClaimRequest, type ClaimConflict, type ClaimGranted, type WireClaimHolder } from '../../src/main/core/sync/claimWire'
import { ensureTables, type OmsDb } from './db'
import type { ApiRoutes } from './routes'

const TABLES = `
CREATE TABLE IF NOT EXISTS claims (
  oms_order_id TEXT PRIMARY KEY,
  station_id TEXT NOT NULL,
  station_name TEXT,
  since TEXT NOT NULL,
  expires_at TEXT NOT NULL
);`

type Row = { oms_order_id: string; station_id: string; station_name: string | null; since: string; expires_at: string }

export type ClaimOutcome =
  { status: 200; body: ClaimGranted } | { status: 409; body: ClaimConflict } | { status: 404; body: { error: string } }

export class OmsClaims {
  constructor(
    private readonly db: OmsDb,
    private readonly now: () => Date,
    /** Whether the OMS has the order (claims are only for its own orders). */
    private readonly hasOrder: (omsOrderId: string) => boolean
  ) {
    ensureTables(db, TABLES)
  }

  /** Claims, renews or takes over an order for `stationId`. */
  claim(omsOrderId: string, stationId: string, request: ClaimRequest): ClaimOutcome {
    if (!this.hasOrder(omsOrderId)) return { status: 404, body: { error: `no order ${omsOrderId}` } }
    return this.db.transaction((): ClaimOutcome => {
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

  private live(omsOrderId: string, now: Date): Row | null {
    const row = this.db.prepare<[string], Row>('SELECT * FROM claims WHERE oms_order_id = ?').get(omsOrderId)
    return row && Date.parse(row.expires_at) > now.getTime() ? row : null
  }
}

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
