// "Back up now" (settings:backupNow): a shift lead's approval, the schedule's
// own backup (checked, rotated), answered with its path; a failure is refused
// in plain words and leaves no file behind.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { listBackups } from '../../src/main/core/db/backup'
import { backupFailureWords } from '../../src/main/core/db/backupSchedule'
import { dispatch } from '../../src/main/core/dispatch'
import { cleanup, count, createOperators, importRecords, makeDataDir, openTestStation, orderRecord } from '../core/helpers'

afterEach(cleanup)

const DANA = { badgeCode: 'OP-9001', pin: '1234' }

function station() {
  const t = openTestStation()
  createOperators(t)
  importRecords(t, [orderRecord(1), orderRecord(2)])
  const call = (channel: string, args: unknown) => dispatch(t.handlers, channel, args, () => {})
  return { t, call }
}

describe('the backup folder setting', () => {
  it('goes back to the data folder when a shift lead clears it', async () => {
    const { t, call } = station()
    const share = join(makeDataDir(), 'share')
    expect(await call('operators:signIn', { badgeCode: 'OP-1001' })).toMatchObject({ ok: true })
    expect(await call('settings:saveBackups', { everyMinutes: 30, keep: 2, folder: share, approval: DANA })).toMatchObject({ ok: true })
    expect(await call('settings:saveBackups', { everyMinutes: 20, keep: 3, folder: null, approval: DANA })).toMatchObject({ ok: true })
    expect(await call('operators:signIn', DANA)).toMatchObject({ ok: true })
    expect(await call('settings:backups', {})).toMatchObject({
      ok: true,
      value: { everyMinutes: 20, keep: 3, folder: null, folderInUse: join(t.dataDir, 'backups') }
    })
  })
})

describe('Back up now', () => {
  it('takes a checked backup into the folder of the settings and answers its path', async () => {
    const { t, call } = station()
    const share = join(makeDataDir(), 'share', 'station-7')
    expect(await call('operators:signIn', { badgeCode: 'OP-1001' })).toMatchObject({ ok: true })
    expect(await call('settings:saveBackups', { everyMinutes: 30, keep: 2, folder: share, approval: DANA })).toMatchObject({ ok: true })

    const first = await call('settings:backupNow', { approval: DANA })
    expect(first).toMatchObject({ ok: true, value: { file: expect.stringMatching(/station-2026-11-21T09-00-00-000Z\.db$/) } })
    const file = (first as { value: { file: string } }).value.file
    expect(file.startsWith(share)).toBe(true)
    expect(first).toMatchObject({ value: { backups: { folderInUse: share, lastBackup: { file, takenAt: '2026-11-21T09:00:00.000Z' } } } })
    const copy = new Database(file, { readonly: true })
    expect(count(copy, 'orders')).toBe(2)
    copy.close()

    // The same rotation as the schedule's: the newest `keep` stay.
    for (let i = 0; i < 2; i++) {
      t.time.advance(60_000)
      expect(await call('settings:backupNow', { approval: DANA })).toMatchObject({ ok: true })
    }
    expect(listBackups(share).map((b) => b.takenAt)).toEqual(['2026-11-21T09:02:00.000Z', '2026-11-21T09:01:00.000Z'])
  })

  it("needs a shift lead's badge and PIN and takes nothing without them", async () => {
    const { t, call } = station()
    expect(await call('operators:signIn', { badgeCode: 'OP-1001' })).toMatchObject({ ok: true })
    const refused = await call('settings:backupNow', { approval: { badgeCode: 'OP-9001', pin: '9999' } })
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('Wrong PIN') } })
    expect(listBackups(join(t.dataDir, 'backups'))).toEqual([])
  })

  it('refuses with the plain reason when the folder is gone, leaving nothing behind', async () => {
    const { call } = station()
    const share = join(makeDataDir(), 'share')
    expect(await call('operators:signIn', DANA)).toMatchObject({ ok: true })
    expect(await call('settings:saveBackups', { everyMinutes: 30, keep: 5, folder: join(share, 'backups'), approval: DANA })).toMatchObject(
      {
        ok: true
      }
    )
    // The share is replaced by a file (an unmounted share leaves such a stub on some PCs).
    rmSync(share, { recursive: true })
    writeFileSync(share, 'not a folder')
    const failed = await call('settings:backupNow', { approval: DANA })
    expect(failed).toEqual({
      ok: false,
      error: {
        code: 'backup_failed',
        message: `No backup was taken: the backup folder ${join(share, 'backups')} cannot be reached or is not a folder.`,
        key: 'refusals:backups.unreachable',
        params: { folder: join(share, 'backups') }
      }
    })
    expect(existsSync(join(share, 'backups'))).toBe(false)

    // Back again: the next press works.
    rmSync(share)
    const ok = await call('settings:backupNow', { approval: DANA })
    expect(ok).toMatchObject({ ok: true })
    expect(readdirSync(join(share, 'backups'))).toHaveLength(1)
  })

  it('says a full disk and a read-only folder in words', () => {
    const folder = '/mnt/backup'
    expect(backupFailureWords(Object.assign(new Error('x'), { code: 'ENOSPC' }), folder)).toBe(
      'No backup was taken: the disk of the backup folder /mnt/backup is full.'
    )
    expect(backupFailureWords(Object.assign(new Error('x'), { code: 'SQLITE_READONLY' }), folder)).toBe(
      'No backup was taken: the station cannot write to the backup folder /mnt/backup.'
    )
    expect(backupFailureWords(new Error('The share went away'), folder)).toBe('No backup was taken: The share went away')
  })
})
