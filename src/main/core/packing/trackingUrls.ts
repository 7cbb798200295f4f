// Which web addresses the station may hand to the system browser: only a
// tracking URL it recorded itself when an order shipped (SPEC §6), so a page,
// a link in imported data or a compromised renderer cannot make the PC open
// an arbitrary address. One index look-up (orders_tracking_url), never a walk
// of the order history.
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { orders } from '../db/schema'

/** An http(s) address without a user name or password: the only kind worth opening outside the app. */
export function isPlainWebUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === '' && parsed.password === ''
}

/** The query, unprepared: the tests read its plan. */
export function shippedTrackingUrlQuery(db: Db) {
  return (
    db
      .select({ id: orders.id })
      .from(orders)
      // `+status`: the status is checked on the one row found, never used to pick an index (most orders are shipped).
      .where(and(eq(orders.trackingUrl, sql.placeholder('url')), sql`+${orders.status} = 'shipped'`))
      .limit(1)
  )
}

const statements = perConnection((db) => ({ shippedTrackingUrl: shippedTrackingUrlQuery(db).prepare() }))

/**
 * True when `url` is, character for character, the tracking URL of an order
 * this station shipped. No normalisation: the address opened is the one stored.
 */
export function isStationTrackingUrl(db: Db, url: string): boolean {
  if (!isPlainWebUrl(url)) return false
  return statements(db).shippedTrackingUrl.get({ url }) !== undefined
}
