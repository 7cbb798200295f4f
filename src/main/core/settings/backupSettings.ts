// settings:backups / settings:saveBackups — how often the station backs
// itself up, how many backups stay, and where (a second disk or a share is the
// place: a backup beside the database dies with its disk). A folder the
// station cannot write is refused when saved, not found out at the next backup.
import { closeSync, mkdirSync, openSync, unlinkSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import type { BackupSettingsView } from '../../../shared/settings'
import type { Db } from '../db/connection'
import type { BackupSchedule } from '../db/backupSchedule'
import { listBackups } from '../db/backup'
import { refuse } from '../errors'
import { getSetting, setSetting } from './settings'

export function backupSettingsHandlers(db: Db, backups: BackupSchedule) {
  const read = (): BackupSettingsView => {
    const newest = listBackups(backups.folder())[0]
    return {
      everyMinutes: getSetting(db, 'backupEveryMinutes'),
      keep: getSetting(db, 'backupKeep'),
      folder: getSetting(db, 'backupFolder'),
      folderInUse: backups.folder(),
      lastBackup: newest ? { file: newest.file, takenAt: newest.takenAt } : null
    }
  }
  return {
    'settings:backups': read,
    'settings:saveBackups': ({ everyMinutes, keep, folder }: { everyMinutes: number; keep: number; folder: string | null }) => {
      if (folder !== null) checkFolder(folder)
      db.transaction((tx) => {
        setSetting(tx, 'backupEveryMinutes', everyMinutes)
        setSetting(tx, 'backupKeep', keep)
        setSetting(tx, 'backupFolder', folder)
      })
      return read()
    }
  }
}

function checkFolder(folder: string): void {
  if (!isAbsolute(folder)) refuse('backup_folder', { key: 'refusals:backups.notFullPath', params: { folder } })
  const probe = join(folder, '.station-write-test')
  try {
    mkdirSync(folder, { recursive: true })
    closeSync(openSync(probe, 'w'))
    unlinkSync(probe)
  } catch (error) {
    refuse('backup_folder', { key: 'refusals:backups.cannotWriteFolder', params: { folder, problem: (error as Error).message } })
  }
}
