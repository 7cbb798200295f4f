// The station's WAL checkpoint between scans (db/connection.ts checkpointWal):
// it copies the WAL into the database and starts the WAL over itself, so the
// next scan's commit appends to the WAL instead of writing (and fsyncing) a
// new WAL header; and on an idle station it writes nothing at all.
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { checkpointWal, openDatabase, type Connection } from '../../src/main/core/db/connection'

const opened: { dir: string; connections: (Connection | Database.Database)[] }[] = []

afterEach(() => {
  for (const { dir, connections } of opened.splice(0)) {
    for (const c of connections) ('sqlite' in c ? c.sqlite : c).close()
    rmSync(dir, { recursive: true, force: true })
  }
})

function station() {
  const dir = mkdtempSync(join(tmpdir(), 'ps-wal-'))
  const file = join(dir, 'station.db')
  const connection = openDatabase(file)
  connection.sqlite.exec('CREATE TABLE scans (id INTEGER PRIMARY KEY, serial TEXT NOT NULL)')
  const insert = connection.sqlite.prepare('INSERT INTO scans (serial) VALUES (?)')
  let n = 0
  /** One scan's commit: one row, its own transaction. */
  const scan = () => insert.run(`35000000000${String(++n).padStart(4, '0')}`)
  /** The WAL header's checkpoint sequence number: SQLite adds one each time it starts the WAL over. */
  const walRestarts = () => {
    const fd = openSync(`${file}-wal`, 'r')
    try {
      const header = Buffer.alloc(16)
      readSync(fd, header, 0, 16, 0)
      return header.readUInt32BE(12)
    } finally {
      closeSync(fd)
    }
  }
  const entry = { dir, connections: [connection] as (Connection | Database.Database)[] }
  opened.push(entry)
  const other = () => {
    const db = new Database(file)
    entry.connections.push(db)
    return db
  }
  return { sqlite: connection.sqlite, scan, walRestarts, other }
}

describe('the WAL checkpoint between scans', () => {
  it('starts the WAL over itself, so the next scan appends to it instead of writing a new header', () => {
    const s = station()
    for (let i = 0; i < 20; i++) s.scan()
    checkpointWal(s.sqlite)
    const restarts = s.walRestarts()
    s.scan()
    expect(s.walRestarts()).toBe(restarts)
    for (let i = 0; i < 5; i++) s.scan()
    expect(s.walRestarts()).toBe(restarts)

    // SQLite's own way, for comparison: after a bare checkpoint the next commit starts the WAL over.
    s.sqlite.pragma('wal_checkpoint(PASSIVE)')
    s.scan()
    expect(s.walRestarts()).toBe(restarts + 1)
  })

  it('copies every scan into the database file and changes nothing else', () => {
    const s = station()
    const version = Number(s.sqlite.pragma('user_version', { simple: true }))
    for (let i = 0; i < 30; i++) s.scan()
    checkpointWal(s.sqlite)
    const [after] = s.sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[]
    expect(after).toMatchObject({ log: 1, checkpointed: 1 })
    expect(s.sqlite.pragma('user_version', { simple: true })).toBe(version)
    expect(s.other().prepare('SELECT count(*) AS n FROM scans').get()).toEqual({ n: 30 })
  })

  it('writes nothing on an idle station', () => {
    const s = station()
    for (let i = 0; i < 10; i++) s.scan()
    checkpointWal(s.sqlite)
    const reader = s.other()
    const seen = reader.pragma('data_version', { simple: true })
    const restarts = s.walRestarts()
    for (let tick = 0; tick < 5; tick++) checkpointWal(s.sqlite)
    // data_version changes for another connection whenever this one commits.
    expect(reader.pragma('data_version', { simple: true })).toBe(seen)
    expect(s.walRestarts()).toBe(restarts)
  })
})
