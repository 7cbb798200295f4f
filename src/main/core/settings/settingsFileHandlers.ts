// settingsFile:* — a shift lead exports this station's settings as one file
// (approved), previews what a file would change here, and imports it
// (approved). An import is all or nothing: the file is read and checked
// whole, the export folder it names is checked, then every setting is written
// in one transaction; a refusal changes nothing.
import { join } from 'node:path'
import type { SettingsFile } from '../../../shared/settingsFile'
import { approverOf } from '../access/guard'
import type { HandlersOf, StationContext } from '../context'
import type { Db } from '../db/connection'
import { StationError, refuse } from '../errors'
import type { Sentence } from '../../../shared/words'
import { savePrintSettings } from '../labels/printSettings'
import { log } from '../log/logger'
import { listBoxPresets, saveBoxPreset } from '../packing/boxPresets'
import { checkExportFolder } from '../sync/exportFolder'
import { fileStamp, saveFile, saveFolder } from '../sync/savedFile'
import { clearOmsToken, omsTokenFor } from '../sync/omsToken'
import type { SyncService } from '../sync/syncService'
import { writeSyncSetting } from '../sync/syncSettings'
import { setSetting } from './settings'
import { appliedSettings, currentSettingsFile, previewImport, printSettingsOf, readSettingsFile } from './settingsFile'

export const SETTINGS_EXPORT_FOLDER = 'settings-exports'

export function settingsFileHandlers(context: StationContext, sync: SyncService, version: string): HandlersOf<'settingsFile'> {
  const { db, clock } = context
  const current = () => currentSettingsFile(db, clock(), version)
  const preview = (text: string, includeStation: boolean) =>
    previewImport(current(), readSettingsFile(text), includeStation, {
      stationIdInUse: context.stationId,
      tokenKeptFor: (url) => omsTokenFor(sync.secrets, url) !== null
    })

  return {
    'settingsFile:export': async ({ folder }, call) => {
      const lead = approverOf(call)
      const file = current()
      const target = await saveFolder(folder, join(context.dataDir, SETTINGS_EXPORT_FOLDER))
      const fileName = `settings-${file.station.id}-${fileStamp(file.exportedAt)}.json`
      const text = `${JSON.stringify(file, null, 2)}\n`
      const path = await saveFile(target, fileName, text)
      log.info({ event: 'settings_exported', path, approvedBy: lead.id }, `Settings exported to ${path}`)
      return { path, fileName, text }
    },
    'settingsFile:preview': ({ text, includeStation }) => preview(text, includeStation),
    'settingsFile:import': async ({ text, includeStation }, call) => {
      const lead = approverOf(call)
      const file = readSettingsFile(text)
      const answer = preview(text, includeStation)
      const next = appliedSettings(current(), file, includeStation)
      await checkOms(next)
      db.transaction((tx) => writeSettings(tx, next))
      const url = next.settings.oms.omsUrl
      // The token stays only where it was entered for this very OMS origin (the Sync screen's rule).
      if (url === null || omsTokenFor(sync.secrets, url) === null) clearOmsToken(sync.secrets)
      sync.reconfigure()
      log.info(
        { event: 'settings_imported', from: file.station.id, includeStation, changed: answer.changes.length, approvedBy: lead.id },
        `Settings imported from station ${file.station.id}`
      )
      return answer
    }
  }
}

async function checkOms(next: SettingsFile): Promise<void> {
  const { exportEnabled, exportFolder } = next.settings.oms
  if (exportEnabled && !exportFolder) refuse('settings_file', { key: 'refusals:settings.exportWithoutFolder' })
  if (!exportFolder) return
  try {
    await checkExportFolder(exportFolder)
  } catch (error) {
    if (!(error instanceof StationError)) throw error
    const problem = error.key
      ? { key: error.key, params: error.params as Sentence['params'] }
      : { key: 'refusals:folders.problem', params: { problem: error.message } }
    refuse('settings_file', { key: 'refusals:settings.fileExportFolder', params: { problem: [problem] } })
  }
}

/** Every setting of `next`, in the caller's transaction. */
function writeSettings(tx: Db, next: SettingsFile): void {
  const { scanning, scannerAffixes, oms, backups, boxPresets } = next.settings
  setSetting(tx, 'handEntryPolicy', scanning.handEntryPolicy)
  setSetting(tx, 'feedbackVolume', scanning.feedbackVolume)
  setSetting(tx, 'operatorSignInPin', scanning.operatorSignInPin)
  setSetting(tx, 'scannerAffixes', scannerAffixes)
  setSetting(tx, 'backupEveryMinutes', backups.everyMinutes)
  setSetting(tx, 'backupKeep', backups.keep)
  savePrintSettings(tx, printSettingsOf(next))
  writeSyncSetting(tx, 'oms', { baseUrl: oms.omsUrl, pullIntervalSeconds: Math.round(oms.pullIntervalMinutes * 60) })
  writeSyncSetting(tx, 'export', { enabled: oms.exportEnabled, folder: oms.exportFolder })
  const existing = new Map(listBoxPresets(tx).map((p) => [p.name, p.id]))
  for (const preset of boxPresets) saveBoxPreset(tx, { ...preset, id: existing.get(preset.name) })
  writeStationIdentity(tx, next.station.id, next.station.name)
}

/** The station's id (used from the next start) and name. */
export function writeStationIdentity(tx: Db, stationId: string, stationName: string | null): void {
  setSetting(tx, 'stationId', stationId)
  setSetting(tx, 'stationName', stationName)
}
