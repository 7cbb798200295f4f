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
import { ClaimSettings } from '../../../shared/claims'
import type { Db } from '../db/connection'
import { jsonSetting } from '../settings/jsonSetting'

export const CLAIM_SETTING_DEFAULTS: ClaimSettings = { offlineStart: 'assigned_only' }
const setting = jsonSetting('claims.settings', ClaimSettings, CLAIM_SETTING_DEFAULTS)

export const readClaimSettings = (db: Db): ClaimSettings => setting.read(db)

export const writeClaimSettings = (db: Db, value: ClaimSettings): ClaimSettings => setting.write(db, value)
