// Online backups (SPEC §9) with SQLite's backup API (better-sqlite3's
// `db.backup()`): page by page between the station's own work, so scans go on
// while it runs. Each copy is written under a `.partial` name, checked
// (quick_check) and only then given its final name, so a half-written or
// damaged copy is never taken for a good backup and never rotates a good one
// out. The newest `keep` backups stay.
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { checkOnWorker } from './integrityCheck'

export const BACKUPS_FOLDER = 'backups'
const NAME = /^station-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.db$/

export type BackupFile = { file: string; takenAt: string; bytes: number }

/** The folder backups go to: the one in the settings, or `backups` in the data folder. */
export function backupFolderOf(dataDir: string, folder: string | null): string {
  return folder ?? join(dataDir, BACKUPS_FOLDER)
}

/** `station-2026-11-21T09-00-00-000Z.db`: the time it was taken (UTC), sortable by name. */
export function backupName(at: Date): string {
  return `station-${at.toISOString().replace(/:/g, '-').replace('.', '-')}.db`
}

/** Copies the open database into `folder`; returns the backup's path. Throws (and keeps nothing) when the copy is not whole. */
export async function backupDatabase(sqlite: Database.Database, folder: string, at: Date): Promise<string> {
  mkdirSync(folder, { recursive: true })
  const file = join(folder, backupName(at))
  const partial = `${file}.partial`
  try {
    await sqlite.backup(partial)
    // On a worker thread: quick_check of a year of history takes longer than anyone may wait for a scan.
    const check = await checkOnWorker(partial)
    if (!check.ok) {
      throw Object.assign(new Error(`The backup was not kept: ${check.problem}`), { code: 'SQLITE_CORRUPT' })
    }
    renameSync(partial, file)
  } catch (error) {
    removeQuietly(partial)
    throw error
  }
  return file
}

/** The backups in `folder`, newest first (by the time in their names). */
export function listBackups(folder: string): BackupFile[] {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return []
  }
  return names
    .map((name) => {
      const m = NAME.exec(name)
      if (!m) return null
      const file = join(folder, name)
      return { file, takenAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`, bytes: statSync(file).size }
    })
    .filter((b): b is BackupFile => b !== null)
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt))
}

/** Removes all but the newest `keep` backups; returns the removed files. */
export function rotateBackups(folder: string, keep: number): string[] {
  const old = listBackups(folder).slice(Math.max(1, keep))
  for (const { file } of old) unlinkSync(file)
  return old.map((b) => b.file)
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file)
  } catch {
    // Never written.
  }
}
