// The `sync:*` channels: status, settings (a shift lead's approval), Sync now,
// and the rejected events a shift lead re-sends or acknowledges.
import type { SyncSettingsView } from '../../../shared/sync'
import { approverOf } from '../access/guard'
import type { HandlersOf, StationContext } from '../context'
import type { Db } from '../db/connection'
import { refuse } from '../errors'
import { acknowledgeRejected, listRejectedEvents, resendRejected } from './rejectedEvents'
import { checkExportFolder } from './exportFolder'
import { bindLegacyToken, clearOmsToken, omsTokenFor, saveOmsToken } from './omsToken'
import type { SecretStore } from './secretStore'
import type { SyncService } from './syncService'
import { readSyncSetting, writeSyncSetting } from './syncSettings'

export function syncHandlers(context: StationContext, sync: SyncService): HandlersOf<'sync'> {
  const { db, clock } = context
  bindLegacyToken(sync.secrets, readSyncSetting(db, 'oms').baseUrl)

  return {
    'sync:status': () => sync.status(),
    'sync:settings': () => settingsView(db, sync.secrets),
    'sync:saveSettings': async (input) => {
      if (input.exportEnabled && !input.exportFolder) refuse('invalid_settings', { key: 'refusals:sync.exportNeedsFolder' })
      if (input.token && !input.omsUrl) refuse('invalid_settings', { key: 'refusals:sync.tokenNeedsAddress' })
      if (input.exportFolder) await checkExportFolder(input.exportFolder)
      writeSyncSetting(db, 'oms', { baseUrl: input.omsUrl, pullIntervalSeconds: Math.round(input.pullIntervalMinutes * 60) })
      writeSyncSetting(db, 'export', { enabled: input.exportEnabled, folder: input.exportFolder })
      if (input.clearToken || !input.omsUrl) clearOmsToken(sync.secrets)
      else if (input.token) saveOmsToken(sync.secrets, input.omsUrl, input.token)
      // A token only ever goes to the origin it was entered for: a new address needs its token entered again.
      else if (omsTokenFor(sync.secrets, input.omsUrl) === null) clearOmsToken(sync.secrets)
      sync.reconfigure()
      return settingsView(db, sync.secrets)
    },
    'sync:now': () => sync.syncNow(),
    'sync:rejectedEvents': (query) => listRejectedEvents(db, query),
    'sync:resendRejected': ({ ids }, call) => {
      const resent = resendRejected(db, clock, ids, approverOf(call).id)
      sync.nudge()
      return { resent }
    },
    'sync:acknowledgeRejected': ({ ids }, call) => ({ acknowledged: acknowledgeRejected(db, clock, ids, approverOf(call).id) })
  }
}

function settingsView(db: Db, secrets: SecretStore): SyncSettingsView {
  const oms = readSyncSetting(db, 'oms')
  const exporting = readSyncSetting(db, 'export')
  return {
    omsUrl: oms.baseUrl,
    pullIntervalMinutes: oms.pullIntervalSeconds / 60,
    tokenStored: omsTokenFor(secrets, oms.baseUrl) !== null,
    tokenEncrypted: secrets.encrypted,
    exportEnabled: exporting.enabled,
    exportFolder: exporting.folder
  }
}
