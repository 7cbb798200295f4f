// The drizzle internals the core relies on (src/main/core/db/drizzleInternals.ts).
// If a drizzle upgrade changes them, this file fails first: the statement
// cache would otherwise quietly prepare per call or run outside the caller's
// transaction, and SSCC assignment would open BEGIN IMMEDIATE inside one.
import { eq, sql } from 'drizzle-orm'
import { SQLiteSession } from 'drizzle-orm/sqlite-core'
import { afterEach, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/core/db/connection'
import { clientInTransaction, clientOf, isTransaction, sessionOf } from '../../src/main/core/db/drizzleInternals'
import { perConnection } from '../../src/main/core/db/prepared'
import { settings } from '../../src/main/core/db/schema'
import { cleanup, openTestStation } from './helpers'

afterEach(cleanup)

const KEY = 'test.drizzleInternals'
const readValue = perConnection((db: Db) =>
  db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, sql.placeholder('key')))
    .prepare()
)

describe('drizzle internals', () => {
  it('a database and its transactions share one session, which prepares queries', () => {
    const { db } = openTestStation()
    const session = sessionOf(db)
    expect(session).toBeInstanceOf(SQLiteSession)
    expect(typeof (session as { prepareQuery?: unknown }).prepareQuery).toBe('function')
    db.transaction((tx) => {
      expect(sessionOf(tx)).toBe(session)
      tx.transaction((savepoint) => expect(sessionOf(savepoint)).toBe(session))
    })
  })

  it('a statement prepared once on the database runs inside the caller’s transaction', () => {
    const { db } = openTestStation()
    expect(readValue(db).get({ key: KEY })).toBeUndefined()
    const rolledBack = () =>
      db.transaction((tx) => {
        expect(readValue(tx)).toBe(readValue(db))
        tx.insert(settings).values({ key: KEY, value: 1 }).run()
        expect(readValue(tx).get({ key: KEY })).toEqual({ value: 1 })
        tx.rollback()
      })
    expect(rolledBack).toThrow(/Rollback/)
    expect(readValue(db).get({ key: KEY })).toBeUndefined()
  })

  it('tells a transaction (and a savepoint in one) from the database', () => {
    const { db } = openTestStation()
    expect(isTransaction(db)).toBe(false)
    db.transaction((tx) => {
      expect(isTransaction(tx)).toBe(true)
      tx.transaction((savepoint) => expect(isTransaction(savepoint)).toBe(true))
    })
  })

  it('sees a transaction opened on the better-sqlite3 connection outside drizzle', () => {
    const { db, sqlite } = openTestStation()
    expect(clientInTransaction(db)).toBe(false)
    sqlite.transaction(() => expect(clientInTransaction(db)).toBe(true)).immediate()
    expect(clientInTransaction(db)).toBe(false)
  })

  it('a database and its transactions run on one better-sqlite3 connection, which is the station’s', () => {
    const { db, sqlite } = openTestStation()
    expect(clientOf(db)).toBe(sqlite)
    db.transaction((tx) => {
      expect(clientOf(tx)).toBe(sqlite)
      tx.transaction((savepoint) => expect(clientOf(savepoint)).toBe(sqlite))
    })
  })
})
