// Per-hour rollups of the scans, so a report over weeks or a year reads a
// row per operator and hour instead of every scan (a year is millions). They
// live in a cache database of their own beside the station's
// (reports-cache.db), written by the reports' thread only: nothing is added
// to the scan path, the station database gets no migration, and deleting the
// file only makes the next long report rebuild it.
//
// A row per closed UTC hour and operator: units, the first and last scan
// (unix seconds with milliseconds, as unixepoch(…, 'subsec') gives them), and
// the gaps of at most BREAK_SECONDS between that operator's consecutive scans
// within the hour (their count, and their sum in whole milliseconds). An hour
// is kept once it closed (it ended CLOSED_AFTER_SECONDS before the report's
// now); later hours are read from the station database as before.
//
// Stale rows: a scan is stamped with the time it is committed, so it never
// lands in a closed hour, unless the PC's clock went back (or a test's fake
// one does). The cache remembers the station table's highest rowid it has
// seen (rowids only grow: scans are never deleted) and that scan's id; every
// report first looks at the scans added since, and forgets the hours they
// fall into, which are computed again. A station database swapped for
// another (a restore of an older backup, even one that has had new scans
// since) no longer holds that scan at that rowid: the whole cache is forgotten.
import Database from 'better-sqlite3'
import type { Database as Client } from 'better-sqlite3'
import type { Db } from '../db/connection'
import { clientOf } from '../db/drizzleInternals'
import { BREAK_SECONDS, type Pace } from './queries'

/** An hour is cached once it ended this long before the report's now (a commit stamped just before the hour ended). */
export const CLOSED_AFTER_SECONDS = 120
export const CACHE_FILE = 'reports-cache.db'
const VERSION = 2
const HOUR_MS = 3_600_000

type HourRow = { hour: number; units: number; first: number; last: number; busyMs: number; gaps: number }

export type Rollups = {
  /** Brings the cache up to date with the station database and fills the closed hours in [fromHour, toHour). */
  prepare(db: Db, fromHour: number, toHour: number, now: Date): void
  /** Units in the cached hours [fromHour, toHour), everyone's or one operator's (hours must be prepared). */
  units(fromHour: number, toHour: number, operatorId: number | null): number
  /** One operator's rows of the cached hours [fromHour, toHour), in time order. */
  hours(operatorId: number, fromHour: number, toHour: number): HourRow[]
  /** The last closed hour (exclusive) at `now`: hours before it may be cached. */
  closedBefore(now: Date): number
  /** How many scans were read from the station database to fill hours (tests check the cache is reused). */
  readonly scansRead: number
  close(): void
}

export function openRollups(file: string): Rollups {
  const cache = new Database(file)
  cache.pragma('journal_mode = WAL')
  cache.pragma('synchronous = NORMAL')
  cache.pragma('busy_timeout = 2000')
  if (cache.pragma('user_version', { simple: true }) !== VERSION) {
    cache.exec(`DROP TABLE IF EXISTS filled; DROP TABLE IF EXISTS operator_hours; DROP TABLE IF EXISTS seen;
      CREATE TABLE filled (hour INTEGER PRIMARY KEY);
      CREATE TABLE operator_hours (hour INTEGER NOT NULL, operator INTEGER NOT NULL, units INTEGER NOT NULL,
        first REAL NOT NULL, last REAL NOT NULL, busy_ms INTEGER NOT NULL, gaps INTEGER NOT NULL,
        PRIMARY KEY (hour, operator)) WITHOUT ROWID;
      CREATE TABLE seen (id INTEGER PRIMARY KEY CHECK (id = 1), top_rowid INTEGER NOT NULL, top_id TEXT);
      PRAGMA user_version = ${VERSION};`)
  }
  const c = {
    filledIn: cache.prepare<[number, number], number>('SELECT hour FROM filled WHERE hour >= ? AND hour < ?').pluck(),
    fill: cache.prepare<[number]>('INSERT OR IGNORE INTO filled (hour) VALUES (?)'),
    put: cache.prepare<[number, number, number, number, number, number, number]>(
      'INSERT OR REPLACE INTO operator_hours (hour, operator, units, first, last, busy_ms, gaps) VALUES (?, ?, ?, ?, ?, ?, ?)'
    ),
    forget: cache.prepare<[number]>('DELETE FROM filled WHERE hour = ?'),
    forgetRows: cache.prepare<[number]>('DELETE FROM operator_hours WHERE hour = ?'),
    wipe: cache.prepare('DELETE FROM filled'),
    wipeRows: cache.prepare('DELETE FROM operator_hours'),
    seen: cache.prepare<[], { rowid: number; id: string | null }>('SELECT top_rowid AS rowid, top_id AS id FROM seen WHERE id = 1'),
    see: cache.prepare<[number, string | null]>('INSERT OR REPLACE INTO seen (id, top_rowid, top_id) VALUES (1, ?, ?)'),
    units: cache.prepare<[number, number], number>('SELECT total(units) FROM operator_hours WHERE hour >= ? AND hour < ?').pluck(),
    unitsBy: cache
      .prepare<[number, number, number], number>('SELECT total(units) FROM operator_hours WHERE hour >= ? AND hour < ? AND operator = ?')
      .pluck(),
    hours: cache.prepare<[number, number, number], HourRow>(
      `SELECT hour, units, first, last, busy_ms AS busyMs, gaps FROM operator_hours
        WHERE operator = ? AND hour >= ? AND hour < ? ORDER BY hour`
    )
  }
  let scansRead = 0
  const station = new WeakMap<Client, ReturnType<typeof stationStatements>>()
  const statementsOf = (db: Db) => {
    const client = clientOf(db)
    let s = station.get(client)
    if (!s) station.set(client, (s = stationStatements(client)))
    return s
  }

  /** Forgets the hours that scans added since the last report fall into (a clock that went back). */
  const catchUp = (s: ReturnType<typeof stationStatements>) => {
    const top = s.topRowid.get() ?? 0
    const seen = c.seen.get()
    if (seen === undefined || top < seen.rowid || (seen.rowid > 0 && s.idAt.get(seen.rowid) !== seen.id)) {
      c.wipe.run()
      c.wipeRows.run()
    } else if (top > seen.rowid) {
      for (const hour of s.hoursAddedSince.iterate(seen.rowid)) {
        c.forget.run(hour)
        c.forgetRows.run(hour)
      }
    }
    c.see.run(top, top > 0 ? (s.idAt.get(top) ?? null) : null)
  }

  /** Reads each operator's scans of the hours [fromHour, toHour) once, in time order, and keeps a row per hour. */
  const fillSpan = (s: ReturnType<typeof stationStatements>, operators: number[], fromHour: number, toHour: number) => {
    const from = isoOfHour(fromHour)
    const to = isoOfHour(toHour)
    for (const operator of operators) {
      let row: HourRow | null = null
      let previous: number | null = null
      const keep = () => row && c.put.run(row.hour, operator, row.units, row.first, row.last, row.busyMs, row.gaps)
      for (const t of s.scanTimes.iterate(operator, from, to)) {
        scansRead++
        const hour = Math.floor(t / 3600)
        if (row === null || row.hour !== hour) {
          keep()
          row = { hour, units: 0, first: t, last: t, busyMs: 0, gaps: 0 }
          previous = null
        }
        if (previous !== null) {
          const gap = t - previous
          if (gap <= BREAK_SECONDS) {
            row.busyMs += Math.round(gap * 1000)
            row.gaps++
          }
        }
        row.units++
        row.last = t
        previous = t
      }
      keep()
    }
    for (let hour = fromHour; hour < toHour; hour++) c.fill.run(hour)
  }

  const prepare = cache.transaction((db: Db, fromHour: number, toHour: number, now: Date) => {
    const s = statementsOf(db)
    catchUp(s)
    const end = Math.min(toHour, closedBefore(now))
    if (end <= fromHour) return
    const filled = new Set(c.filledIn.all(fromHour, end))
    if (filled.size === end - fromHour) return
    const operators = s.operatorIds.all()
    let spanStart: number | null = null
    for (let hour = fromHour; hour <= end; hour++) {
      const missing = hour < end && !filled.has(hour)
      if (missing && spanStart === null) spanStart = hour
      if (!missing && spanStart !== null) {
        fillSpan(s, operators, spanStart, hour)
        spanStart = null
      }
    }
  })

  return {
    prepare: (db, fromHour, toHour, now) => prepare(db, fromHour, toHour, now),
    units: (fromHour, toHour, operatorId) =>
      toHour <= fromHour ? 0 : operatorId === null ? c.units.get(fromHour, toHour)! : c.unitsBy.get(fromHour, toHour, operatorId)!,
    hours: (operatorId, fromHour, toHour) => (toHour <= fromHour ? [] : c.hours.all(operatorId, fromHour, toHour)),
    closedBefore,
    get scansRead() {
      return scansRead
    },
    close: () => cache.close()
  }
}

function closedBefore(now: Date): number {
  return Math.floor((now.getTime() / 1000 - CLOSED_AFTER_SECONDS) / 3600)
}

const stationStatements = (client: Client) => ({
  topRowid: client.prepare<[], number | null>('SELECT max(rowid) FROM scanned_units').pluck(),
  idAt: client.prepare<[number], string>('SELECT id FROM scanned_units WHERE rowid = ?').pluck(),
  hoursAddedSince: client
    .prepare<[number], number>('SELECT DISTINCT unixepoch(scanned_at) / 3600 FROM scanned_units WHERE rowid > ?')
    .pluck(),
  operatorIds: client.prepare<[], number>('SELECT id FROM operators ORDER BY id').pluck(),
  scanTimes: client
    .prepare<[number, string, string], number>(
      `SELECT unixepoch(scanned_at, 'subsec') FROM scanned_units
        WHERE scanned_by = ? AND scanned_at >= ? AND scanned_at < ? ORDER BY scanned_at`
    )
    .pluck()
})

export const isoOfHour = (hour: number) => new Date(hour * HOUR_MS).toISOString()

/** Adds pieces of one operator's scans, in time order, as one lag() over the whole range would. */
export function stitch(pieces: Pace[]): Pace {
  let units = 0
  let first: number | null = null
  let last: number | null = null
  let busyMs = 0
  let gaps = 0
  for (const piece of pieces) {
    if (piece.units === 0 || piece.first === null || piece.last === null) continue
    if (last !== null) {
      const gap = piece.first - last
      if (gap <= BREAK_SECONDS) {
        busyMs += Math.round(gap * 1000)
        gaps++
      }
    }
    first ??= piece.first
    last = piece.last
    units += piece.units
    busyMs += piece.busyMs
    gaps += piece.gaps
  }
  return { units, first, last, busyMs, gaps }
}
