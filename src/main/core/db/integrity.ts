// Is the station's database whole? `PRAGMA quick_check` (the b-tree
// structure of every page, every record's format; not the indexes' content,
// which integrity_check adds at many times the cost): when the station runs
// it (./integrityCheck.ts), on every backup before it is kept, and from
// `npm run station -- check`.
import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'

/** `unreadable`: the file could not be read at all (not a damage found in it: a lock, a missing permission). */
export type DatabaseCheck = { ok: true } | { ok: false; problem: string; unreadable?: true }

/** Checks a database file; a missing file is a new station, and whole. Never throws. */
export function checkDatabaseFile(file: string): DatabaseCheck {
  if (!existsSync(file)) return { ok: true }
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(file, { fileMustExist: true })
    const rows = sqlite.pragma('quick_check') as { quick_check: string }[]
    if (rows.length === 1 && rows[0]!.quick_check === 'ok') return { ok: true }
    const first = rows[0]?.quick_check ?? 'no answer'
    return {
      ok: false,
      problem: `The database ${file} is damaged: ${first}${rows.length > 1 ? ` (and ${rows.length - 1} more problems)` : ''}.`
    }
  } catch (error) {
    return { ok: false, problem: damagedSentence(file, error), ...(isDamage(error) ? {} : { unreadable: true as const }) }
  } finally {
    sqlite?.close()
  }
}

/** SQLite found the file damaged (not merely unreadable). */
export function isDamage(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '')
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')
}

/** One plain sentence for an error met while reading a damaged database. */
export function damagedSentence(file: string, error: unknown): string {
  const code = String((error as { code?: unknown })?.code ?? '')
  if (code === 'SQLITE_NOTADB') return `The database ${file} is damaged: its header is not a SQLite header any more.`
  if (code.startsWith('SQLITE_CORRUPT')) return `The database ${file} is damaged: ${(error as Error).message}.`
  return `The database ${file} cannot be read: ${(error as Error)?.message ?? String(error)}.`
}
