import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import * as schema from './schema'

/** The database or a transaction on it: core functions take either, so callers can compose them. */
export type Db = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>
export type Connection = { sqlite: Database.Database; db: BetterSQLite3Database<typeof schema> }

/**
 * Opens the station database with the pragmas the SPEC relies on: WAL so
 * readers never block the scan commit, synchronous=FULL so a committed scan
 * survives a power cut (the WAL is fsynced at every commit), foreign keys on.
 */
export function openDatabase(file: string): Connection {
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  // SQLite's automatic checkpoint copies the WAL into the database inside whichever commit crosses
  // 1,000 pages, with an fsync of the database file: about 1 scan in 100 paid 5 ms for it. The station
  // checkpoints between scans instead (checkpointWal every WAL_CHECKPOINT_EVERY_MS); this larger mark is
  // only a backstop.
  sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_BACKSTOP}`)
  return { sqlite, db: drizzle(sqlite, { schema }) }
}

export const WAL_AUTOCHECKPOINT_BACKSTOP = 10_000

/**
 * How long a call waits for a write lock another program holds before it answers `busy` (nothing saved,
 * "try again"). better-sqlite3 waits on the one thread that answers every screen, so a long wait freezes
 * them all: 750 ms answers within a second. A scan is never lost by it: it is refused, not accepted, and the
 * screen says so. Reads never wait (WAL), so the other screens keep answering.
 */
export const BUSY_TIMEOUT_MS = 750

/**
 * How often the station copies the WAL into the database, between scans. Not more often: each checkpoint
 * costs its own fsyncs, and, before checkpointWal started the WAL over itself, the next scan paid one more
 * (with a checkpoint every second, nearly every scan of an operator scanning about once a second: handler
 * p50 1.59 vs 1.28 ms with one checkpoint per 30 scans, same run). Half a minute of packing is a few
 * hundred WAL pages, copied in a few milliseconds.
 */
export const WAL_CHECKPOINT_EVERY_MS = 30_000

type CheckpointResult = { busy: number; log: number; checkpointed: number }

/**
 * Copies what the WAL holds into the database without waiting for readers (PASSIVE): run it between scans.
 * When it copied everything, the WAL is also started over here, by a write of one page that changes nothing
 * (the user_version, set to itself): the first commit after a complete checkpoint writes a new WAL header
 * and, under synchronous=FULL, fsyncs it before its own frames. That fsync is paid here, not by the next
 * scan. A checkpoint that found only that page (nothing was written since) writes nothing: an idle station
 * stays idle.
 */
export function checkpointWal(sqlite: Database.Database): void {
  const [done] = sqlite.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[]
  if (done.busy === 0 && done.log > 1 && done.checkpointed === done.log) {
    sqlite.pragma(`user_version = ${Number(sqlite.pragma('user_version', { simple: true }))}`)
  }
}
