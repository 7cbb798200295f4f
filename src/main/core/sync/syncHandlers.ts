// The `sync:*` channels: status, settings (shift leads only), Sync now, and
// the rejected events a shift lead re-sends or acknowledges.
import { accessSync, constants, mkdirSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import type { SyncSettingsView } from '../../../shared/channels/sync'
import type { HandlersOf, StationContext } from '../context'
import type { Db } from '../db/connection'
import { refuse } from '../errors'
import { acknowledgeRejected, listRejectedEvents, resendRejected } from './rejectedEvents'
import { OMS_TOKEN, type SecretStore } from './secretStore'
import type { SyncService } from './syncService'
import { readSyncSetting, writeSyncSetting } from './syncSettings'

export function syncHandlers(context: StationContext, sync: SyncService): HandlersOf<'sync'> {
  const { db, clock } = context
  const shiftLead = (what: string) => {
    const by = context.operator()
    if (by.role !== 'shift_lead') refuse('shift_lead_only', `Only a shift lead can ${what}.`)
    return by
  }

  return {
    'sync:status': () => sync.status(),
    'sync:settings': () => settingsView(db, sync.secrets),
    'sync:saveSettings': (input) => {
      shiftLead('change the OMS settings')
      if (input.exportEnabled && !input.exportFolder) refuse('invalid_settings', 'File export needs a folder: enter the full path of the export folder.')
      if (input.exportFolder) checkFolder(input.exportFolder)
      writeSyncSetting(db, 'oms', { baseUrl: input.omsUrl, pullIntervalSeconds: Math.round(input.pullIntervalMinutes * 60) })
      writeSyncSetting(db, 'export', { enabled: input.exportEnabled, folder: input.exportFolder })
      if (input.clearToken) sync.secrets.set(OMS_TOKEN, null)
      else if (input.token) sync.secrets.set(OMS_TOKEN, input.token)
      sync.reconfigure()
      return settingsView(db, sync.secrets)
    },
    'sync:now': () => {
      context.operator()
      return sync.syncNow()
    },
    'sync:rejectedEvents': () => listRejectedEvents(db),
    'sync:resendRejected': ({ ids }) => {
      const resent = resendRejected(db, clock, ids, shiftLead('re-send a rejected event').id)
      sync.nudge()
      return { resent }
    },
    'sync:acknowledgeRejected': ({ ids }) => ({ acknowledged: acknowledgeRejected(db, clock, ids, shiftLead('acknowledge a rejected event').id) })
  }
}

function settingsView(db: Db, secrets: SecretStore): SyncSettingsView {
  const oms = readSyncSetting(db, 'oms')
  const exporting = readSyncSetting(db, 'export')
  return {
    omsUrl: oms.baseUrl,
    pullIntervalMinutes: oms.pullIntervalSeconds / 60,
    tokenStored: secrets.get(OMS_TOKEN) !== null,
    tokenEncrypted: secrets.encrypted,
    exportEnabled: exporting.enabled,
    exportFolder: exporting.folder
  }
}

function checkFolder(folder: string): void {
  if (!isAbsolute(folder)) refuse('invalid_settings', `The export folder must be a full path (e.g. C:\\OMS\\outbox or /srv/oms/outbox), not "${folder}".`)
  try {
    mkdirSync(folder, { recursive: true })
    accessSync(folder, constants.W_OK)
  } catch (error) {
    refuse('invalid_settings', `The station cannot write to ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Choose another folder or ask IT for access.`)
  }
}
