// When the station checks its database (src/main/core/db/integrityCheck.ts):
// a large database opens without a full check (40 s on a year of history);
// the daily check on a worker thread finds a damage in the middle, shows it,
// keeps it, and the next start opens the recovery station.
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../src/main/core/core'
import { CHECK_EVERY_MS, checkAtStartUp, checkOnWorker, checkWhenDue, readIntegrityMarker } from '../../src/main/core/db/integrityCheck'
import { restoreBackup } from '../../src/main/core/db/restore'
import { cleanup, importRecords, openTestStation, orderRecord } from '../core/helpers'
import { damageHeader, damageMiddle, damageTable } from './dbHelpers'

afterEach(cleanup)

/** A closed station's database with 300 orders, and a whole copy of it. */
function closedStation() {
  const t = openTestStation()
  importRecords(
    t,
    Array.from({ length: 300 }, (_, i) => orderRecord(i + 1))
  )
  t.close()
  const file = join(t.dataDir, DATABASE_FILE)
  const copy = join(t.dataDir, 'whole-copy.db')
  copyFileSync(file, copy)
  return { dataDir: t.dataDir, file, copy }
}

const now = new Date('2026-11-30T08:00:00Z')

describe('the database check', () => {
  it('checks a small database in full at start-up, and keeps the answer', () => {
    const { file } = closedStation()
    expect(checkAtStartUp(file, now)).toEqual({ ok: true })
    expect(readIntegrityMarker(file)).toEqual({ ok: true, checkedAt: now.toISOString() })
    damageMiddle(file)
    expect(checkAtStartUp(file, now)).toMatchObject({ ok: false, problem: expect.stringContaining('is damaged') })
  })

  it('opens a large database with a damage in a table, finds it on the worker thread, and then refuses to start on it', async () => {
    const { file } = closedStation()
    damageTable(file, 'order_lines')
    // Above the size that is checked in full: only the header and schema are read at start-up.
    expect(checkAtStartUp(file, now, 0)).toEqual({ ok: true })
    const found = await checkWhenDue(file, () => now).then(
      () => null,
      (error: unknown) => error
    )
    expect(found).toMatchObject({ code: 'SQLITE_CORRUPT', message: expect.stringContaining('is damaged') })
    expect(readIntegrityMarker(file)).toMatchObject({ ok: false, checkedAt: now.toISOString() })
    // Kept: the next start opens the recovery station without reading the file again.
    expect(checkAtStartUp(file, now, 0)).toMatchObject({ ok: false, problem: expect.stringContaining('is damaged') })
  })

  it('finds a damaged header at start-up however large the database', () => {
    const { file } = closedStation()
    damageHeader(file)
    expect(checkAtStartUp(file, now, 0)).toMatchObject({ ok: false, problem: expect.stringContaining('header') })
  })

  it('checks once a day: a recent whole answer is not checked again', async () => {
    const { file } = closedStation()
    expect(checkAtStartUp(file, now)).toEqual({ ok: true })
    damageMiddle(file)
    const soon = new Date(now.getTime() + CHECK_EVERY_MS - 1)
    await expect(checkWhenDue(file, () => soon)).resolves.toBeUndefined()
    const tomorrow = new Date(now.getTime() + CHECK_EVERY_MS)
    await expect(checkWhenDue(file, () => tomorrow)).rejects.toMatchObject({ code: 'SQLITE_CORRUPT' })
  })

  it('answers on a worker thread, and a restore makes the restored backup the checked database', async () => {
    const { file, copy } = closedStation()
    damageMiddle(file)
    expect(await checkOnWorker(copy)).toEqual({ ok: true })
    expect(await checkOnWorker(file)).toMatchObject({ ok: false })
    await checkWhenDue(file, () => now).catch(() => undefined)
    expect(readIntegrityMarker(file)).toMatchObject({ ok: false })
    restoreBackup(file, copy, now)
    expect(readIntegrityMarker(file)).toEqual({ ok: true, checkedAt: now.toISOString() })
    expect(checkAtStartUp(file, now, 0)).toEqual({ ok: true })
  })

  it('does not take a file it cannot open for a damaged one: it tries again later, and starts', async () => {
    const { dataDir } = closedStation()
    const notAFile = join(dataDir, 'a-folder.db')
    mkdirSync(notAFile)
    expect(await checkOnWorker(notAFile)).toMatchObject({ ok: false, unreadable: true })
    const error = await checkWhenDue(notAFile, () => now).then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(Error)
    expect((error as { code?: string }).code).toBeUndefined()
    expect(readIntegrityMarker(notAFile)).toBeNull()
  })
})
