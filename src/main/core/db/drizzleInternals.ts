// The few places the core leans on drizzle internals, kept in one file: a
// drizzle upgrade that changes them fails test/core/drizzleInternals.test.ts
// instead of silently breaking statement caching or SSCC assignment.
import type { Database } from 'better-sqlite3'
import { is } from 'drizzle-orm'
import { SQLiteTransaction } from 'drizzle-orm/sqlite-core'
import type { Db } from './connection'

/**
 * The session a database and every transaction on it share (drizzle keeps it
 * on an @internal field). Prepared statements are cached under it, so a
 * statement prepared on the database runs inside the caller's transaction.
 */
export function sessionOf(db: Db): object {
  return (db as unknown as { session: object }).session
}

/**
 * The better-sqlite3 connection under a database and every transaction on it
 * (the session's client): statements prepared on it run inside the caller's
 * transaction, and skip drizzle's per-call parameter mapping.
 */
export function clientOf(db: Db): Database {
  return (sessionOf(db) as { client: Database }).client
}

/**
 * A drizzle transaction object: a nested call must use a savepoint, not BEGIN
 * IMMEDIATE. drizzle's own entity check, not the class name, which a
 * minifying build may rename.
 */
export function isTransaction(db: Db): boolean {
  return is(db, SQLiteTransaction)
}

/** The better-sqlite3 connection under `db` has a transaction open that drizzle did not begin. */
export function clientInTransaction(db: Db): boolean {
  return (db as unknown as { $client?: { inTransaction?: boolean } }).$client?.inTransaction === true
}
