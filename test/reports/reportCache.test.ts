// The reports' thread keeps its rollups in reports-cache.db beside the
// station database (src/main/core/reports/reportWorker.ts): a long report
// on the thread fills it and answers the figures the exact queries give,
// and after a scan (the next day: the earlier hours are closed and cached)
// the figures still equal the exact ones.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { shiftFigures } from '../../src/main/core/reports/figures'
import { reportReader } from '../../src/main/core/reports/reportReader'
import { CACHE_FILE } from '../../src/main/core/reports/rollups'
import { cleanup } from '../core/helpers'
import { A, scriptedShift } from './shiftWorld'

afterEach(cleanup)

describe('the reports thread and its rollups cache', () => {
  it('fills reports-cache.db beside the station database and answers the exact figures', async () => {
    const w = await scriptedShift()
    const week = { from: '2026-11-15T23:00:00.000Z', to: '2026-11-22T23:00:00.000Z' }
    const cache = join(dirname(w.sqlite.name), CACHE_FILE)
    const reader = reportReader({ ...w, connection: w.station.connection })
    try {
      w.time.set('2026-11-22T10:00:00Z')
      expect(await reader.shift(week)).toEqual(shiftFigures(w.db, w.clock, week))
      expect(existsSync(cache)).toBe(true)
      const one = await w.call('scanning:scan', { orderId: w.ids[9], input: A(996), entryMethod: 'scanned' })
      expect(one.outcome).toBe('accepted')
      const exact = shiftFigures(w.db, w.clock, week)
      expect(await reader.shift(week)).toEqual(exact)
      expect(await reader.shift({ ...week, operatorId: w.op.id })).toEqual(shiftFigures(w.db, w.clock, { ...week, operatorId: w.op.id }))
    } finally {
      await reader.close()
    }
  })
})
