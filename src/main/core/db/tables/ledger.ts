// The shared serial ledger as this station last pulled it from the OMS (SPEC §7, "Many stations, one
// warehouse"): the serials other stations committed, and whether each is still live there. Kept only
// for other stations (this station's own units are in scanned_units); read at scan time by one probe
// of the partial index of live serials.
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const serialLedger = sqliteTable(
  'serial_ledger',
  {
    serial: text('serial').notNull(),
    stationId: text('station_id').notNull(),
    omsOrderId: text('oms_order_id').notNull(),
    orderNumber: text('order_number').notNull(),
    /** The station's name as the OMS knows it; null: show its id. */
    stationName: text('station_name'),
    committedAt: text('committed_at').notNull(),
    /** true while the serial is in that order at that station; false once released there. */
    live: integer('live', { mode: 'boolean' }).notNull(),
    releasedAt: text('released_at'),
    /** When this station stored the entry's latest state. */
    pulledAt: text('pulled_at').notNull()
  },
  (t) => [
    // One entry per serial, order and station: a page pulled twice changes nothing.
    primaryKey({ columns: [t.serial, t.stationId, t.omsOrderId] }),
    // The scan-time look-up: is this serial live at another station? One probe, live rows only.
    index('serial_ledger_live')
      .on(t.serial)
      .where(sql`${t.live} = 1`)
  ]
)
