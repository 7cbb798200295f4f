// The stand-in OMS's per-station assignment (docs/oms-api.yaml, pullOrders):
// an order is assigned to one station (by its X-Station-Id) or unassigned.
// The pull serves a station the orders assigned to it, the unassigned ones,
// and every order it was given before (so a later hold, cancellation or
// re-assignment elsewhere still reaches it and nothing it holds is left
// dangling); an order assigned to another station that this one never pulled
// is not served to it. Which station packs an order is still decided by the
// claims (claims.ts): assignment decides who gets to see an order.
// The assignment is the stand-in's own bookkeeping, not a field of the order
// record the contract serves: an order file's or POST /admin/orders'
// `assigned_station_id` is taken off the record here. Kept in the stand-in's
// database (db.ts), so a restart keeps it.
import { z } from 'zod'
import { ensureTables, type OmsDb } from './db'

const TABLES = `
CREATE TABLE IF NOT EXISTS order_assignments (oms_order_id TEXT PRIMARY KEY, station_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS order_deliveries (
  oms_order_id TEXT NOT NULL,
  station_id TEXT NOT NULL,
  PRIMARY KEY (oms_order_id, station_id)
);`

/** The field of an order file (or POST /admin/orders record) that assigns it; absent leaves the assignment as it is. */
export const ASSIGNED_FIELD = 'assigned_station_id'

/** A station id as X-Station-Id carries it (stationCheck.ts), or null for unassigned. */
export const AssignRequest = z.object({
  stationId: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/, 'a station id: letters, digits, . _ - (at most 100)')
    .nullable()
})

/** Takes the assignment off an order record: the record as the contract serves it, and the assignment (undefined when the record names none). */
export function splitAssignment(record: Record<string, unknown>): {
  record: Record<string, unknown>
  assigned: string | null | undefined
} {
  if (!(ASSIGNED_FIELD in record)) return { record, assigned: undefined }
  const { [ASSIGNED_FIELD]: value, ...rest } = record
  return { record: rest, assigned: typeof value === 'string' && value.length > 0 ? value : null }
}

export class OrderAssignments {
  constructor(private readonly db: OmsDb) {
    ensureTables(db, TABLES)
  }

  /** Assigns an order to a station, or (null) makes it unassigned. */
  set(omsOrderId: string, stationId: string | null): void {
    if (stationId === null) this.db.prepare('DELETE FROM order_assignments WHERE oms_order_id = ?').run(omsOrderId)
    else
      this.db
        .prepare(
          `INSERT INTO order_assignments (oms_order_id, station_id) VALUES (?, ?)
           ON CONFLICT(oms_order_id) DO UPDATE SET station_id = excluded.station_id`
        )
        .run(omsOrderId, stationId)
  }

  /** The station an order is assigned to, or null. */
  of(omsOrderId: string): string | null {
    return (
      this.db.prepare<[string], { station_id: string }>('SELECT station_id FROM order_assignments WHERE oms_order_id = ?').get(omsOrderId)
        ?.station_id ?? null
    )
  }

  /** Every assignment, for GET /admin/assignments. */
  list(): { omsOrderId: string; stationId: string }[] {
    return this.db
      .prepare<[], { omsOrderId: string; stationId: string }>(
        'SELECT oms_order_id AS omsOrderId, station_id AS stationId FROM order_assignments ORDER BY oms_order_id'
      )
      .all()
  }

  /** The pull's filter on the `orders` table (store.ts): what `station` may be served. */
  visibleTo(station: string): { sql: string; params: Record<string, string> } {
    return {
      sql: `(NOT EXISTS (SELECT 1 FROM order_assignments a WHERE a.oms_order_id = orders.oms_order_id AND a.station_id <> @station)
             OR EXISTS (SELECT 1 FROM order_deliveries d WHERE d.oms_order_id = orders.oms_order_id AND d.station_id = @station))`,
      params: { station }
    }
  }

  /** Remembers that `station` was served these orders: their later changes keep reaching it. */
  delivered(station: string, omsOrderIds: string[]): void {
    const put = this.db.prepare('INSERT OR IGNORE INTO order_deliveries (oms_order_id, station_id) VALUES (?, ?)')
    this.db.transaction(() => omsOrderIds.forEach((id) => put.run(id, station)))()
  }
}
