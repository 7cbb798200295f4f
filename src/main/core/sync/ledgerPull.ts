// Pulls the warehouse's serial ledger from the OMS by cursor (docs/oms-api.yaml,
// `pullSerialLedger`), in the same round as the orders. Each page is stored
// with its cursor in one transaction: a crash re-pulls the page, and the same
// page twice changes nothing. A page that brings nothing new writes nothing
// (the ledger is pulled every 30 seconds: no commit, no fsync, for no news).
// An OMS that keeps no ledger (404) is no failure: the station then relies on
// the OMS rejecting a serial afterwards.
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { settings } from '../db/schema'
import type { OmsClient } from './omsClient'
import { storeLedgerEntries } from './serialLedger'

const KEY = 'sync.ledger'
const LedgerState = z.object({ cursor: z.string().nullable().default(null) })
export type LedgerState = z.infer<typeof LedgerState>

export type LedgerPullOutcome = {
  /** false: the OMS keeps no serial ledger (it answered 404). */
  available: boolean
  pages: number
  /** Entries of other stations stored (new or changed). */
  stored: number
  /** The OMS has more after the last page pulled (the round stopped at its page limit): pull again soon. */
  more: boolean
}

export type LedgerPullOptions = { ownStationId: string; pageSize?: number; maxPages?: number; stopped?: () => boolean }

export function readLedgerState(db: Db): LedgerState {
  const value = db.select().from(settings).where(eq(settings.key, KEY)).get()?.value
  const parsed = LedgerState.safeParse(value ?? {})
  return parsed.success ? parsed.data : LedgerState.parse({})
}

function writeLedgerState(db: Db, state: LedgerState): void {
  db.insert(settings)
    .values({ key: KEY, value: state })
    .onConflictDoUpdate({ target: settings.key, set: { value: state } })
    .run()
}

export async function pullSerialLedger(db: Db, clock: Clock, client: OmsClient, options: LedgerPullOptions): Promise<LedgerPullOutcome> {
  const { ownStationId, pageSize = 500, maxPages = 50, stopped = () => false } = options
  const outcome: LedgerPullOutcome = { available: true, pages: 0, stored: 0, more: false }
  let cursor = readLedgerState(db).cursor
  for (let n = 0; n < maxPages; n++) {
    const page = await client.pullSerialLedger(cursor, pageSize)
    if (stopped()) break
    if (page === null) return { ...outcome, available: false }
    const at = isoNow(clock)
    const moved = page.next_cursor !== cursor
    cursor = page.next_cursor
    if (moved || page.entries.length > 0) {
      db.transaction((tx) => {
        outcome.stored += storeLedgerEntries(tx, ownStationId, page.entries, at)
        writeLedgerState(tx, { cursor })
      })
    }
    outcome.pages++
    outcome.more = page.has_more
    if (!page.has_more) break
  }
  return outcome
}
