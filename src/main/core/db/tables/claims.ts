// The claims this station holds on the OMS (SPEC §7, "Many stations, one warehouse"): one row per order
// it claimed, renewed by the lease timer while `held` or `offline`, and kept as `releasing` until the OMS
// heard the release. A row whose claim another station took over is `lost`, with that station's name, so
// a scan of the order is refused until it is opened (claimed) again.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { orders } from './catalogue'

export const CLAIM_STATES = ['held', 'offline', 'releasing', 'lost'] as const

export const orderClaims = sqliteTable(
  'order_claims',
  {
    orderId: integer('order_id')
      .primaryKey()
      .references(() => orders.id),
    /** held: the OMS gave it to this station; offline: started offline, to be claimed; releasing: to be released; lost: another station has it. */
    state: text('state', { enum: CLAIM_STATES }).notNull(),
    /** Since when this station (or, when lost, the other station) holds it, as the OMS said (UTC). */
    since: text('since').notNull(),
    /** The lease's end as the OMS said; null while offline. */
    expiresAt: text('expires_at'),
    /** When lost: the station that holds it now. */
    holderStationId: text('holder_station_id'),
    holderStationName: text('holder_station_name'),
    updatedAt: text('updated_at').notNull()
  },
  // The lease timer reads the rows to renew or release, by state.
  (t) => [index('order_claims_state').on(t.state)]
)
