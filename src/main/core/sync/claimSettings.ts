// The claims' station setting, in the `settings` table under `claims.settings`:
// which orders may be started for scanning while the OMS does not answer.
//
// `assigned_only` (the default) starts offline only the orders this station
// already holds a claim for, or that a shift lead assigned to an operator here
// (Assign Operator); every other order waits until the OMS answers. The
// trade-off: an order nobody assigned here can wait on a network cut, but two
// stations never start the same unassigned order in the dark. `any` keeps
// every station packing through a cut at the risk of two stations packing one
// order (the later claim is refused when the OMS is back, and the serial
// ledger / OMS rejections catch the units); `none` waits for the OMS always.
import { eq } from 'drizzle-orm'
import { ClaimSettings } from '../../../shared/claims'
import type { Db } from '../db/connection'
import { settings } from '../db/schema'

const KEY = 'claims.settings'
export const CLAIM_SETTING_DEFAULTS: ClaimSettings = { offlineStart: 'assigned_only' }

export function readClaimSettings(db: Db): ClaimSettings {
  const stored = db.select().from(settings).where(eq(settings.key, KEY)).get()?.value
  const parsed = ClaimSettings.safeParse({ ...CLAIM_SETTING_DEFAULTS, ...(typeof stored === 'object' ? stored : {}) })
  return parsed.success ? parsed.data : CLAIM_SETTING_DEFAULTS
}

export function writeClaimSettings(db: Db, value: ClaimSettings): ClaimSettings {
  const checked = ClaimSettings.parse(value)
  db.insert(settings)
    .values({ key: KEY, value: checked })
    .onConflictDoUpdate({ target: settings.key, set: { value: checked } })
    .run()
  return checked
}
