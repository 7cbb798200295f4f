// The stand-in OMS's database: one SQLite file (or `:memory:`) that every
// concern of the stand-in shares. Each concern owns its tables and creates
// them itself on the handle it is given (store.ts: orders, products, events;
// claims.ts: order claims; a serial ledger would add ledger.ts the same way),
// so a restart finds everything where it was. Plain better-sqlite3, no ORM:
// the stand-in is a development tool, not the station.
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database from 'better-sqlite3'

export type OmsDb = Database.Database

/** Where `npm run oms:dev` keeps its state when no `--db` is given (relative to the working folder; `.data/` is git-ignored). */
export const DEFAULT_OMS_DB = '.data/oms-dev/oms.db'

/** Opens (creating if needed) the stand-in's database; `:memory:` gives a fresh one that lives as long as the handle. */
export function openOmsDb(file: string): OmsDb {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true })
  const db = new Database(file)
  if (file !== ':memory:') db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 2000')
  preparedOnce(db)
  return db
}

/**
 * The stand-in's code prepares its statements where it runs them, for reading's sake; preparing cost more than
 * running them (a batch of 500 events took ~100 ms, which capped the outbox benchmark at the stand-in's speed). So
 * each SQL text is prepared once per handle and the statement reused (none of them is switched to pluck/raw mode).
 */
function preparedOnce(db: OmsDb): void {
  const prepare = db.prepare.bind(db)
  const prepared = new Map<string, Database.Statement>()
  db.prepare = ((source: string) => {
    let statement = prepared.get(source)
    if (!statement) prepared.set(source, (statement = prepare(source)))
    return statement
  }) as OmsDb['prepare']
}

/** Creates a concern's tables once (idempotent DDL: `CREATE TABLE IF NOT EXISTS …`). */
export function ensureTables(db: OmsDb, ddl: string): void {
  db.exec(ddl)
}

/** One named counter per row (the tally, the order change sequence). */
export function counter(db: OmsDb, name: string): { get(): number; add(by?: number): number } {
  ensureTables(db, 'CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)')
  const read = db.prepare<[string], { value: number }>('SELECT value FROM counters WHERE name = ?')
  const bump = db.prepare<{ name: string; by: number }>(
    'INSERT INTO counters (name, value) VALUES (@name, @by) ON CONFLICT(name) DO UPDATE SET value = value + @by'
  )
  return {
    get: () => read.get(name)?.value ?? 0,
    add: (by = 1) => {
      bump.run({ name, by })
      return read.get(name)!.value
    }
  }
}
