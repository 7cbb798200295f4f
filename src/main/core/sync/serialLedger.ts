// The station's copy of the warehouse's serial ledger (SPEC §7): entries
// pulled from the OMS are stored here (other stations' only: this station's
// own units are in scanned_units), and the scan path asks one question of
// it: is this serial live at another station? One probe of the partial index
// of live serials (serial_ledger_live), a statement prepared once per connection.
import { sql } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { serialLedger } from '../db/schema'
import type { LedgerEntry } from './ledgerWire'

/** Where another station holds a serial, as the scan refusal names it. */
export type LedgerHolder = { stationId: string; stationName: string | null; omsOrderId: string; orderNumber: string }

const readsFor = perConnection((db) => ({
  live: db
    .select({
      stationId: serialLedger.stationId,
      stationName: serialLedger.stationName,
      omsOrderId: serialLedger.omsOrderId,
      orderNumber: serialLedger.orderNumber
    })
    .from(serialLedger)
    // A literal `= 1`, not a bound value: SQLite uses a partial index only for the term it was made with.
    .where(sql`${serialLedger.serial} = ${sql.placeholder('serial')} and ${serialLedger.live} = 1`)
    .limit(1)
    .prepare()
}))

/** The other station where `serial` is live, as last pulled; undefined when none is known. */
export function liveElsewhere(db: Db, serial: string): LedgerHolder | undefined {
  return readsFor(db).live.get({ serial })
}

/** How a station is named to an operator: its name, or its id when the OMS knows no name. */
export const stationLabel = (holder: Pick<LedgerHolder, 'stationId' | 'stationName'>): string => holder.stationName ?? holder.stationId

/**
 * Stores one page of entries (call inside the page's transaction): each entry replaces what was known
 * of the same serial, order and station. This station's own entries are skipped. Returns how many were stored.
 */
export function storeLedgerEntries(db: Db, ownStationId: string, entries: LedgerEntry[], pulledAt: string): number {
  let stored = 0
  for (const e of entries) {
    if (e.station_id === ownStationId) continue
    const row = {
      serial: e.serial,
      stationId: e.station_id,
      omsOrderId: e.oms_order_id,
      orderNumber: e.order_number,
      stationName: e.station_name,
      committedAt: e.committed_at,
      live: e.state === 'live',
      releasedAt: e.state === 'live' ? null : e.released_at,
      pulledAt
    }
    db.insert(serialLedger)
      .values(row)
      .onConflictDoUpdate({ target: [serialLedger.serial, serialLedger.stationId, serialLedger.omsOrderId], set: row })
      .run()
    stored++
  }
  return stored
}
