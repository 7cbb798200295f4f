// The station's own backups: every `backupEveryMinutes` (checked each minute,
// so a new setting counts at once) and at every sign-out, into the backup
// folder of the settings, rotating to the newest `backupKeep`. A backup that
// fails (a full or missing share) shows in the status bar and never ends the
// station; the next one tries again.
import { english, type Words } from '../errors'
import type Database from 'better-sqlite3'
import type { Clock } from '../clock'
import { everyInterval, inBackground } from '../background'
import type { Faults } from '../health/faults'
import { getSetting } from '../settings/settings'
import type { Db } from './connection'
import { backupDatabase, backupFolderOf, listBackups, rotateBackups } from './backup'

export type BackupSchedule = {
  /** Takes a backup now and rotates; resolves to the backup's path. Throws what went wrong. */
  now(): Promise<string>
  /** A backup now, in the background (sign-out): a failure is logged and shown, never thrown. */
  soon(reason: string): void
  folder(): string
  stop(): void
}

/** Why a backup into `folder` failed, as catalogue words for the shift lead (the error's own words for the rest). */
export function backupFailure(error: unknown, folder: string): Words {
  const code = String((error as { code?: unknown })?.code ?? '')
  const detail = (error as Error)?.message ?? String(error)
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return { key: 'refusals:backups.diskFull', params: { folder } }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') {
    return { key: 'refusals:backups.cannotWrite', params: { folder } }
  }
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EEXIST') return { key: 'refusals:backups.unreachable', params: { folder } }
  if (code.startsWith('SQLITE_CORRUPT')) return { key: 'refusals:backups.copyDamaged', params: { problem: detail } }
  return { key: 'refusals:backups.failed', params: { problem: detail } }
}

/** The same in English (the log, the background backup's notice). */
export const backupFailureWords = (error: unknown, folder: string): string => english(backupFailure(error, folder))

export function startBackups(deps: { sqlite: Database.Database; db: Db; dataDir: string; clock: Clock; faults: Faults }): BackupSchedule {
  const { sqlite, db, dataDir, clock, faults } = deps
  const folder = () => backupFolderOf(dataDir, getSetting(db, 'backupFolder'))
  let last = Date.parse(listBackups(folder())[0]?.takenAt ?? '') || 0
  let running: Promise<string> | null = null
  let failing = false
  /** The station is closing: a backup it cuts short is not a failure, and no new one starts. */
  let stopped = false

  const now = (): Promise<string> => {
    // One backup at a time: a sign-out during the timed one gets that one.
    running ??= (async () => {
      const target = folder()
      const file = await backupDatabase(sqlite, target, clock())
      last = clock().getTime()
      rotateBackups(target, getSetting(db, 'backupKeep'))
      failing = false
      return file
    })()
      .catch((error: unknown) => {
        failing = true
        throw error
      })
      .finally(() => {
        running = null
      })
    return running
  }
  const unlessStopped = (error: unknown) => {
    if (!stopped) throw error
  }
  // A failed backup is tried again every minute until one works (the fault stays on show until then).
  const due = () => failing || clock().getTime() - last >= getSetting(db, 'backupEveryMinutes') * 60_000
  const stopTimer = everyInterval('The backup', 60_000, () => (due() ? now().catch(unlessStopped) : undefined), undefined, faults)
  return {
    now,
    soon: (reason) => {
      if (!stopped) void inBackground(`The backup at ${reason}`, () => now().catch(unlessStopped), undefined, faults)
    },
    folder,
    stop: () => {
      stopped = true
      stopTimer()
    }
  }
}
