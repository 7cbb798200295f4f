import type { Db } from './connection'
import { sessionOf } from './drizzleInternals'

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
