// Reports are read on their own thread (src/main/core/reports/reportReader.ts):
// the figures it answers are the ones the station's thread computes, a
// refusal keeps its code and sentence, and a thread that cannot start or
// stops never loses a report: it is computed on the station's thread.
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { boardFigures, shiftFigures } from '../../src/main/core/reports/figures'
import { reportReader } from '../../src/main/core/reports/reportReader'
import { cleanup, makeDataDir } from '../core/helpers'
import { A, scriptedShift, TODAY } from './shiftWorld'

afterEach(cleanup)

describe('the reports thread', () => {
  it('answers the board and a shift report with the figures the station thread computes', async () => {
    const w = await scriptedShift()
    const reader = reportReader({ ...w, connection: w.station.connection })
    try {
      expect(await reader.shift(TODAY)).toEqual(shiftFigures(w.db, w.clock, TODAY))
      expect(await reader.shift({ ...TODAY, operatorId: w.op.id })).toEqual(shiftFigures(w.db, w.clock, { ...TODAY, operatorId: w.op.id }))
      expect(await reader.board()).toEqual(boardFigures(w.db, w.clock))
    } finally {
      await reader.close()
    }
  })

  it('reads the database file on the other thread, and sees each commit made before the ask', async () => {
    const w = await scriptedShift()
    // A copy of the station's file taken now: the thread reads the copy; the station's thread would read the original.
    w.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const copy = join(makeDataDir(), 'copy.db')
    copyFileSync(w.sqlite.name, copy)
    const before = shiftFigures(w.db, w.clock, TODAY)
    const reader = reportReader({ ...w, connection: { sqlite: { name: copy } as Database.Database } })
    try {
      w.time.set('2026-11-21T09:45:00Z')
      const one = await w.call('scanning:scan', { orderId: w.ids[9], input: A(997), entryMethod: 'scanned' })
      expect(one.outcome).toBe('accepted')
      expect(shiftFigures(w.db, w.clock, TODAY).units.total).toBe(before.units.total + 1)
      expect((await reader.shift(TODAY)).units.total).toBe(before.units.total)
      // Through the station's handler (its own reader on the real file): the new scan is counted.
      expect((await w.call('reports:shift', TODAY)).units.total).toBe(before.units.total + 1)
    } finally {
      await reader.close()
    }
  })

  it('keeps a refusal: an unknown operator is not_found, with its sentence and its catalogue words', async () => {
    const w = await scriptedShift()
    const reader = reportReader({ ...w, connection: w.station.connection })
    try {
      await expect(reader.shift({ ...TODAY, operatorId: 9999 })).rejects.toMatchObject({
        code: 'not_found',
        message: 'There is no operator 9999.',
        key: 'refusals:reports.noOperator',
        params: { operatorId: 9999 }
      })
    } finally {
      await reader.close()
    }
  })

  it('computes the report on the station thread when its thread cannot start', async () => {
    const w = await scriptedShift()
    const missing = join(makeDataDir(), 'no-such.db')
    const reader = reportReader({ ...w, connection: { sqlite: { name: missing } as Database.Database } })
    try {
      expect(await reader.shift(TODAY)).toEqual(shiftFigures(w.db, w.clock, TODAY))
      expect(await reader.board()).toEqual(boardFigures(w.db, w.clock))
    } finally {
      await reader.close()
    }
  })

  it('answers what is pending when it closes, and nothing is left waiting', async () => {
    const w = await scriptedShift()
    const reader = reportReader({ ...w, connection: w.station.connection })
    const answered = expect(reader.shift(TODAY)).rejects.toMatchObject({ code: 'closing' })
    await reader.close()
    await answered
  })
})
