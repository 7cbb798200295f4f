// settings:backupNow — a shift lead's "Back up now": the same backup the
// schedule takes (db/backupSchedule.ts: checked, rotated, one at a time),
// answered with the backup's path, or refused with why it failed in plain words.
import type { BackupNowResult, BackupSettingsView } from '../../../shared/settings'
import type { BackupSchedule } from '../db/backupSchedule'
import { backupFailure } from '../db/backupSchedule'
import { refuse } from '../errors'

export function backupNowHandlers(backups: BackupSchedule, read: () => BackupSettingsView) {
  return {
    'settings:backupNow': async (): Promise<BackupNowResult> => {
      const folder = backups.folder()
      let file: string
      try {
        file = await backups.now()
      } catch (error) {
        const words = backupFailure(error, folder)
        // The keys: refusals:backups.* (backupSchedule.ts).
        return refuse('backup_failed', { key: words.key, params: words.params })
      }
      return { file, backups: read() }
    }
  }
}
