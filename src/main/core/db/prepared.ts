import type { Db } from './connection'
import type { Database } from 'better-sqlite3'
import { clientOf, sessionOf } from './drizzleInternals'

/**
 * Prepared statements, made once per database connection. A drizzle
 * transaction shares its database's session, so the statements are cached on
 * that session: prepared on the database, they run inside the caller's
 * transaction (better-sqlite3 has one connection and is synchronous).
 */
export function perConnection<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<object, T>()
  return (db) => {
    const key = sessionOf(db)
    let statements = cache.get(key)
    if (!statements) cache.set(key, (statements = build(db)))
    return statements
  }
}

/**
 * Plain better-sqlite3 statements, made once per connection, for the few
 * writes that run thousands of times a second (an import's orders, lines and
 * events): they take positional values and skip drizzle's per-call mapping,
 * which cost as much again as the inserts themselves. Like perConnection's,
 * they run inside the caller's transaction. Column lists are spelled out in
 * the SQL, so each such statement has a test that reads its row back.
 */
export function perClient<T>(build: (client: Database) => T): (db: Db) => T {
  const cache = new WeakMap<object, T>()
  return (db) => {
    const client = clientOf(db)
    let statements = cache.get(client)
    if (!statements) cache.set(client, (statements = build(client)))
    return statements
  }
}
