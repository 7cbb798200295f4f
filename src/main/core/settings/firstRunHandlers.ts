// firstRun:* — the first-run guide's own calls: name the station and give
// its id, the GS1 company prefix (so every box gets an SSCC), and the OMS
// address with its token. The role table lets them through only while the
// station has no operators (access `firstRun`, src/main/core/access/guard.ts);
// after the first shift lead exists, the same settings change on the Print
// settings and Sync screens, with a shift lead's approval.
import { count } from 'drizzle-orm'
import type { FirstRunState } from '../../../shared/firstRun'
import type { HandlersOf, StationContext } from '../context'
import { orders } from '../db/schema'
import { getPrintSettings, savePrintSettings } from '../labels/printSettings'
import { clearOmsToken, omsTokenFor, saveOmsToken } from '../sync/omsToken'
import type { SyncService } from '../sync/syncService'
import { readSyncSetting, writeSyncSetting } from '../sync/syncSettings'
import { getSetting } from './settings'
import { writeStationIdentity } from './settingsFileHandlers'

export function firstRunHandlers(context: StationContext, sync: SyncService): HandlersOf<'firstRun'> {
  const { db } = context
  const state = (): FirstRunState => {
    const omsUrl = readSyncSetting(db, 'oms').baseUrl
    return {
      stationId: getSetting(db, 'stationId'),
      stationIdInUse: context.stationId,
      stationName: getSetting(db, 'stationName'),
      gs1: getPrintSettings(db).gs1,
      omsUrl,
      tokenStored: omsTokenFor(sync.secrets, omsUrl) !== null,
      orderCount: db.select({ n: count() }).from(orders).get()!.n
    }
  }
  return {
    'firstRun:state': state,
    'firstRun:saveStation': ({ stationId, stationName }) => {
      db.transaction((tx) => writeStationIdentity(tx, stationId, stationName))
      return state()
    },
    'firstRun:saveGs1': ({ gs1 }) => {
      savePrintSettings(db, { ...getPrintSettings(db), gs1 })
      return state()
    },
    'firstRun:saveOms': ({ omsUrl, token }) => {
      writeSyncSetting(db, 'oms', { baseUrl: omsUrl })
      if (!omsUrl) clearOmsToken(sync.secrets)
      else if (token) saveOmsToken(sync.secrets, omsUrl, token)
      // As on the Sync screen: a token goes only to the origin it was entered for.
      else if (omsTokenFor(sync.secrets, omsUrl) === null) clearOmsToken(sync.secrets)
      sync.reconfigure()
      return state()
    }
  }
}
