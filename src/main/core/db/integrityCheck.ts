// When the station checks its database (SPEC §9) without making anyone wait:
// quick_check reads every page (40 s on a year of history), so it runs on a
// worker thread, once a day and on every backup's copy. Its last answer is
// kept in the data folder (integrity.json): a damage found while the station
// runs shows in the status bar, and the next start opens the recovery screen.
// At start-up a database up to FULL_CHECK_AT_START bytes is checked in full
// (well under a second); a larger one is opened and its schema read, which
// finds a damaged header, and the daily check finds the rest.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { writeFileAtomically } from '../sync/atomicFile'
import { startWorker } from '../workers/startWorker'
import { checkDatabaseFile, damagedSentence, isDamage, type DatabaseCheck } from './integrity'

export const INTEGRITY_FILE = 'integrity.json'
export const FULL_CHECK_AT_START = 64 * 1024 * 1024
export const CHECK_EVERY_MS = 24 * 60 * 60 * 1000

/** The last full check's answer, as integrity.json keeps it beside the database. */
export type IntegrityMarker = { checkedAt: string } & DatabaseCheck

const markerFile = (databaseFile: string) => join(dirname(databaseFile), INTEGRITY_FILE)

export function readIntegrityMarker(databaseFile: string): IntegrityMarker | null {
  try {
    return JSON.parse(readFileSync(markerFile(databaseFile), 'utf8')) as IntegrityMarker
  } catch {
    return null
  }
}

export function writeIntegrityMarker(databaseFile: string, marker: IntegrityMarker): void {
  writeFileAtomically(markerFile(databaseFile), [JSON.stringify(marker)])
}

/** The start-up check: what the last full check found, else a full check of a small database, else its header and schema. */
export function checkAtStartUp(file: string, now: Date, fullCheckUpTo = FULL_CHECK_AT_START): DatabaseCheck {
  if (!existsSync(file)) return { ok: true }
  const marker = readIntegrityMarker(file)
  if (marker && !marker.ok) return marker
  if (statSync(file).size <= fullCheckUpTo) {
    const check = checkDatabaseFile(file)
    if (check.ok || !check.unreadable) writeIntegrityMarker(file, { ...check, checkedAt: now.toISOString() })
    return check
  }
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(file, { fileMustExist: true })
    sqlite.pragma('schema_version')
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get()
    return { ok: true }
  } catch (error) {
    return { ok: false, problem: damagedSentence(file, error), ...(isDamage(error) ? {} : { unreadable: true as const }) }
  } finally {
    sqlite?.close()
  }
}

/** quick_check of `file` on a worker thread: the station's thread goes on meanwhile. */
export function checkOnWorker(file: string): Promise<DatabaseCheck> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(new URL('./integrityWorker.ts', import.meta.url), 'integrityWorker.js', { file })
    worker.once('message', (check: DatabaseCheck) => resolve(check))
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`The database check stopped (exit code ${code}) before it answered.`)))
  })
}

/**
 * The daily check, when the last one is older than CHECK_EVERY_MS: its answer
 * is kept; a damage is thrown as SQLITE_CORRUPT, which the status bar shows as
 * "The database is damaged" (health/faults.ts).
 */
export async function checkWhenDue(file: string, now: () => Date): Promise<void> {
  const marker = readIntegrityMarker(file)
  if (marker?.ok && now().getTime() - Date.parse(marker.checkedAt) < CHECK_EVERY_MS) return
  const check = marker && !marker.ok ? marker : await checkOnWorker(file)
  // A file that could not be read at all (a lock, a permission) is tried again, not taken for damaged.
  if (!check.ok && check.unreadable) throw new Error(check.problem)
  writeIntegrityMarker(file, { ...check, checkedAt: now().toISOString() })
  if (!check.ok) throw Object.assign(new Error(check.problem), { code: 'SQLITE_CORRUPT' })
}
