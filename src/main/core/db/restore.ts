// Recovery from a damaged database (SPEC §9): the newest backup that passes
// the check, what would be lost by going back to it (its time, and the events
// the damaged file still shows after it, when they can be read), and the
// restore itself. A restore never deletes: the damaged file (with its WAL)
// is renamed aside, and the backup is copied (not moved) into place.
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync } from 'node:fs'
import Database from 'better-sqlite3'
import { refuse } from '../errors'
import { backupFolderOf, listBackups, type BackupFile } from './backup'
import { checkDatabaseFile } from './integrity'
import { writeIntegrityMarker } from './integrityCheck'

export type LostEvents = { count: number; latest: { at: string; type: string; orderNumber: string | null }[] }

/** The newest backup in `folder` that passes quick_check, or null. */
export function newestGoodBackup(folder: string): BackupFile | null {
  for (const backup of listBackups(folder)) if (checkDatabaseFile(backup.file).ok) return backup
  return null
}

/** The events the damaged database still shows after `since` (the newest few named), or null when it cannot say. */
export function eventsAfter(file: string, since: string, show = 10): LostEvents | null {
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true })
    const { n } = sqlite.prepare('select count(*) as n from events where at > ?').get(since) as { n: number }
    const latest = sqlite
      .prepare(
        `select e.at, e.type, o.order_number as orderNumber
         from events e left join orders o on o.id = e.order_id where e.at > ? order by e.at desc limit ?`
      )
      .all(since, show) as LostEvents['latest']
    return { count: n, latest }
  } catch {
    return null
  } finally {
    sqlite?.close()
  }
}

/**
 * Where this station's backups are: the folder its settings name, when the damaged database still lets them be
 * read, else `backups` in the data folder.
 */
export function backupFolderFor(dataDir: string, databaseFile: string): string {
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true })
    const row = sqlite.prepare("select value from settings where key = 'backupFolder'").get() as { value: string } | undefined
    const folder = row ? (JSON.parse(row.value) as unknown) : null
    return backupFolderOf(dataDir, typeof folder === 'string' ? folder : null)
  } catch {
    return backupFolderOf(dataDir, null)
  } finally {
    sqlite?.close()
  }
}

export type Restored = { restoredFrom: string; keptAs: string | null }

/**
 * Puts `backupFile` in place of `databaseFile` (nothing may have it open). The file there now, with its
 * `-wal` and `-shm`, is renamed `…damaged-<time>` beside it: its WAL must not be replayed onto the backup.
 */
export function restoreBackup(databaseFile: string, backupFile: string, at: Date): Restored {
  if (!existsSync(backupFile)) refuse('not_found', { key: 'refusals:backups.noBackup', params: { file: backupFile } })
  const check = checkDatabaseFile(backupFile)
  if (!check.ok) refuse('backup_damaged', { key: 'refusals:backups.backupDamaged', params: { problem: check.problem } })
  const incoming = `${databaseFile}.restoring`
  copyFileSync(backupFile, incoming)
  syncFile(incoming)
  let keptAs: string | null = null
  if (existsSync(databaseFile)) {
    keptAs = `${databaseFile}.damaged-${at.toISOString().replace(/[:.]/g, '-')}`
    renameSync(databaseFile, keptAs)
  }
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(databaseFile + suffix)) renameSync(databaseFile + suffix, (keptAs ?? `${databaseFile}.old`) + suffix)
  }
  renameSync(incoming, databaseFile)
  // The backup was just checked whole: that is the database's check now (a damage found before was the old file's).
  writeIntegrityMarker(databaseFile, { ok: true, checkedAt: at.toISOString() })
  return { restoredFrom: backupFile, keptAs }
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
