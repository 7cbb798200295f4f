// Online backups (SPEC §9): SQLite's backup API while the station runs, a
// rotating set of the newest N, one at every sign-out, each checked before it
// is kept; the backup settings refuse a folder the station cannot write.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { backupDatabase, backupName, listBackups, rotateBackups } from '../../src/main/core/db/backup'
import { startBackups } from '../../src/main/core/db/backupSchedule'
import { openDatabase } from '../../src/main/core/db/connection'
import { checkDatabaseFile } from '../../src/main/core/db/integrity'
import { runMigrations } from '../../src/main/core/db/migrate'
import { Faults } from '../../src/main/core/health/faults'
import { dispatch } from '../../src/main/core/dispatch'
import { cleanup, count, createOperators, importRecords, makeDataDir, openTestStation, orderRecord } from '../core/helpers'

afterEach(cleanup)

const silent = () => {}
const DANA = { badgeCode: 'OP-9001', pin: '1234' }

describe('backups', () => {
  it('copies the open database whole, under a name that says when, while the station runs', async () => {
    const t = openTestStation()
    createOperators(t)
    importRecords(t, [orderRecord(1), orderRecord(2)])
    const folder = join(makeDataDir(), 'backups')
    const file = await backupDatabase(t.sqlite, folder, new Date('2026-11-21T09:00:00.123Z'))
    expect(file).toBe(join(folder, 'station-2026-11-21T09-00-00-123Z.db'))
    expect(checkDatabaseFile(file)).toEqual({ ok: true })
    const copy = new Database(file, { readonly: true })
    expect((copy.prepare('select count(*) as n from orders').get() as { n: number }).n).toBe(2)
    copy.close()
    expect(listBackups(folder)).toEqual([{ file, takenAt: '2026-11-21T09:00:00.123Z', bytes: expect.any(Number) }])
  })

  it('keeps the newest N and removes the older ones, leaving other files alone', () => {
    const folder = makeDataDir()
    const times = ['2026-11-20T09:00:00.000Z', '2026-11-21T09:00:00.000Z', '2026-11-19T09:00:00.000Z', '2026-11-22T09:00:00.000Z']
    for (const at of times) writeFileSync(join(folder, backupName(new Date(at))), 'x')
    writeFileSync(join(folder, 'notes.txt'), 'kept')
    const removed = rotateBackups(folder, 2)
    expect(removed.sort()).toEqual([join(folder, backupName(new Date(times[2]!))), join(folder, backupName(new Date(times[0]!)))].sort())
    expect(listBackups(folder).map((b) => b.takenAt)).toEqual(['2026-11-22T09:00:00.000Z', '2026-11-21T09:00:00.000Z'])
    expect(existsSync(join(folder, 'notes.txt'))).toBe(true)
  })

  it('backs up at every sign-out into the folder of the settings, rotating to the number kept', async () => {
    const t = openTestStation()
    createOperators(t)
    const call = (channel: string, args: unknown) => dispatch(t.handlers, channel, args, silent)
    const share = join(makeDataDir(), 'second-disk', 'station-backups')
    expect(await call('operators:signIn', DANA)).toMatchObject({ ok: true })
    expect(await call('settings:saveBackups', { everyMinutes: 60, keep: 2, folder: share, approval: DANA })).toMatchObject({
      ok: true,
      value: { everyMinutes: 60, keep: 2, folder: share, folderInUse: share, lastBackup: null }
    })
    for (let i = 0; i < 3; i++) {
      expect(await call('operators:signIn', { badgeCode: 'OP-1001' })).toMatchObject({ ok: true })
      expect(await call('operators:signOut', {})).toMatchObject({ ok: true })
      const at = t.clock().toISOString()
      await vi.waitFor(() => expect(listBackups(share)[0]?.takenAt).toBe(at), { timeout: 15_000 })
      expect(listBackups(share)).toHaveLength(Math.min(i + 1, 2))
      t.time.advance(60_000)
    }
    // Signing out with nobody signed in takes no backup.
    await call('operators:signOut', {})
    const backups = listBackups(share)
    expect(backups.map((b) => b.takenAt)).toEqual(['2026-11-21T09:02:00.000Z', '2026-11-21T09:01:00.000Z'])
    for (const b of backups) expect(count(new Database(b.file, { readonly: true }), 'operators')).toBe(2)
    expect(await call('operators:signIn', DANA)).toMatchObject({ ok: true })
    expect(await call('settings:backups', {})).toMatchObject({ ok: true, value: { lastBackup: { file: backups[0]!.file } } })
  })

  it('refuses a backup folder it cannot write, or one that is not a full path, and changes nothing', async () => {
    const t = openTestStation()
    createOperators(t)
    const call = (channel: string, args: unknown) => dispatch(t.handlers, channel, args, silent)
    expect(await call('operators:signIn', DANA)).toMatchObject({ ok: true })
    const blocker = join(makeDataDir(), 'a-file')
    writeFileSync(blocker, 'not a folder')
    const refused = await call('settings:saveBackups', { everyMinutes: 30, keep: 5, folder: join(blocker, 'backups'), approval: DANA })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'backup_folder', message: expect.stringContaining('cannot write to the backup folder') }
    })
    expect(await call('settings:saveBackups', { everyMinutes: 30, keep: 5, folder: 'backups', approval: DANA })).toMatchObject({
      ok: false,
      error: { code: 'backup_folder', message: expect.stringContaining('full path') }
    })
    expect(await call('settings:backups', {})).toMatchObject({
      ok: true,
      value: { everyMinutes: 30, keep: 14, folder: null, folderInUse: join(t.dataDir, 'backups') }
    })
  })

  it('never keeps a damaged copy', async () => {
    const dir = makeDataDir()
    const file = join(dir, 'source.db')
    const source = new Database(file)
    source.exec('create table t (x blob); insert into t values (randomblob(100000))')
    const folder = join(dir, 'backups')
    mkdirSync(folder)
    // The copy is checked before it is kept: a source whose pages are damaged leaves no backup behind.
    source.close()
    const { damageMiddle } = await import('./dbHelpers')
    damageMiddle(file)
    const damaged = new Database(file)
    await expect(backupDatabase(damaged, folder, new Date())).rejects.toThrow(/not kept/)
    damaged.close()
    expect(listBackups(folder)).toEqual([])
  })
})

describe('a backup the station cuts short when it closes', () => {
  it('is not a failure: nothing is reported, and no backup starts after the close', async () => {
    const dataDir = makeDataDir()
    const { sqlite, db } = openDatabase(join(dataDir, 'station.db'))
    runMigrations({ sqlite, db })
    const faults = new Faults()
    const schedule = startBackups({ sqlite, db, dataDir, clock: () => new Date(), faults })
    // A sign-out backup, and the station closes at once (the app quits after the shift lead signs out).
    schedule.soon('sign-out')
    schedule.stop()
    sqlite.close()
    schedule.soon('sign-out')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(faults.list()).toEqual([])
    expect(listBackups(join(dataDir, 'backups'))).toEqual([])
  })
})
