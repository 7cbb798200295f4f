// The per-hour rollups (src/main/core/reports/rollups.ts) give a long report
// exactly the figures the exact queries give: a scripted history of several
// days (breaks, scans on and around hour boundaries, gaps of exactly the break
// limit), random ranges and operators, in a half-hour time zone and across
// the end of daylight-saving time; the cache is filled once and reused, a
// scan that lands in a cached hour (a clock that went back) is seen, and a
// deleted cache file is rebuilt to the same figures.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { ShiftRange } from '../../src/shared/reports'
import { refreshStationTimeZone } from '../../src/shared/localTime'
import { createOperator } from '../../src/main/core/operators/operators'
import { shiftFigures } from '../../src/main/core/reports/figures'
import { CACHE_FILE, openRollups, type Rollups } from '../../src/main/core/reports/rollups'
import { cleanup, createOperators, importRecords, openTestStation, orderIdOf, orderRecord, testClock } from '../core/helpers'

const savedTz = process.env.TZ
const useZone = (zone: string) => {
  process.env.TZ = zone
  refreshStationTimeZone()
}
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ
  else process.env.TZ = savedTz
  refreshStationTimeZone()
})
const opened: Rollups[] = []
afterEach(() => {
  for (const r of opened.splice(0)) r.close()
  cleanup()
})

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HOUR = 3_600_000
/** Warsaw leaves summer time on 2026-10-25 (03:00 CEST → 02:00 CET): the history spans it. */
const START = Date.parse('2026-10-21T22:00:00.000Z')
const END = Date.parse('2026-10-28T05:00:00.000Z')

/** Three operators' scans from START to END, written straight into scanned_units: work, breaks, boundary cases. */
function history(seed: number) {
  const time = testClock(START - 86_400_000)
  const t = openTestStation(undefined, time)
  const { lead, op } = createOperators(t)
  const third = createOperator(t.db, t.clock, { name: 'Ola Kowalska', badgeCode: 'OP-1002', role: 'operator' }, lead)
  importRecords(t, [orderRecord(1, [{ sku: 'PHONE-A', quantity: 1 }])])
  const orderId = orderIdOf(t, 'OMS-1')
  const lineId = (t.sqlite.prepare('SELECT id FROM order_lines WHERE order_id = ?').pluck().get(orderId) as number) ?? 0
  const insert = t.sqlite.prepare(
    `INSERT INTO scanned_units (id, order_id, order_line_id, entry_method, scanned_by, scanned_at) VALUES (?, ?, ?, 'scanned', ?, ?)`
  )
  let n = 0
  const scan = (operator: number, at: number) => insert.run(`u${seed}-${n++}`, orderId, lineId, operator, new Date(at).toISOString())
  const next = random(seed)
  t.sqlite.transaction(() => {
    for (const operator of [lead.id, op.id]) {
      for (let at = START + Math.floor(next() * 600_000); at < END;) {
        scan(operator, at)
        const r = next()
        if (r < 0.03)
          at += 300_000 // exactly the break limit: still work
        else if (r < 0.05)
          at += 300_001 // just over: a break
        else if (r < 0.08)
          at = Math.ceil((at + 1) / HOUR) * HOUR - (next() < 0.5 ? 0 : 1) // on the hour, or 1 ms before it
        else if (r < 0.1)
          at += Math.floor(next() * 4 * HOUR) // a break, some hours long
        else at += 1 + Math.floor(next() * 240_000)
      }
    }
    // A third operator's few scans, two at the same instant.
    for (const at of [START + 5 * HOUR + 123, START + 5 * HOUR + 123, START + 30 * HOUR - 1, START + 30 * HOUR + 299_999])
      scan(op.id + 1, at)
  })()
  expect(n).toBeGreaterThan(2000)
  return { t, time, operators: [null, lead.id, op.id, third.id] }
}

function rollupsIn(dataDir: string) {
  const r = openRollups(join(dataDir, CACHE_FILE))
  opened.push(r)
  return r
}

describe('long reports from the per-hour rollups', () => {
  for (const [zone, seed] of [
    ['Asia/Kolkata', 1],
    ['Europe/Warsaw', 2]
  ] as const) {
    it(`give the exact figures for random ranges in ${zone}`, () => {
      useZone(zone)
      const { t, time, operators } = history(seed)
      const rollups = rollupsIn(t.dataDir)
      const next = random(seed * 7)
      let compared = 0
      for (let i = 0; i < 60; i++) {
        // Now: after the history (every hour closed), or inside it (the later hours are not, and read exactly).
        time.set(i % 3 === 0 ? END + (i % 2 ? 0 : 86_400_000) : START + 2 * 86_400_000 + Math.floor(next() * 4 * 86_400_000))
        const length = 2 * 86_400_000 + 1 + Math.floor(next() * 5 * 86_400_000)
        const from = START - 86_400_000 + Math.floor(next() * (END - START))
        const aligned = i % 4 === 0 ? Math.floor(from / HOUR) * HOUR : from
        const range: ShiftRange = { from: new Date(aligned).toISOString(), to: new Date(aligned + length).toISOString() }
        const operatorId = operators[i % operators.length]
        if (operatorId !== null) range.operatorId = operatorId
        const exact = shiftFigures(t.db, t.clock, range)
        expect(exact.bucket).toBe('day')
        expect(shiftFigures(t.db, t.clock, range, { rollups })).toEqual(exact)
        compared += exact.units.total > 0 && exact.operators.some((o) => o.secondsPerUnit !== null) ? 1 : 0
      }
      expect(compared).toBeGreaterThan(20)
    })
  }

  it('fill the cache once, reuse it, see a scan that lands in a cached hour, and rebuild a deleted file', () => {
    useZone('Europe/Warsaw')
    const { t, time } = history(3)
    time.set(END + HOUR)
    const range = { from: new Date(START).toISOString(), to: new Date(END).toISOString() }
    const exact = shiftFigures(t.db, t.clock, range)

    let rollups = rollupsIn(t.dataDir)
    expect(shiftFigures(t.db, t.clock, range, { rollups })).toEqual(exact)
    const read = rollups.scansRead
    expect(read).toBe(exact.units.total)
    expect(shiftFigures(t.db, t.clock, range, { rollups })).toEqual(exact)
    expect(rollups.scansRead).toBe(read)

    // The PC's clock went back: a scan stamped inside a cached hour. Its hour is read again, nothing else.
    const orderId = orderIdOf(t, 'OMS-1')
    t.sqlite
      .prepare(
        `INSERT INTO scanned_units (id, order_id, order_line_id, entry_method, scanned_by, scanned_at)
         SELECT 'late', order_id, order_line_id, 'scanned', scanned_by, ? FROM scanned_units LIMIT 1`
      )
      .run(new Date(START + 40 * HOUR + 1234).toISOString())
    expect(orderId).toBeGreaterThan(0)
    const after = shiftFigures(t.db, t.clock, range)
    expect(after.units.total).toBe(exact.units.total + 1)
    expect(shiftFigures(t.db, t.clock, range, { rollups })).toEqual(after)
    const hourAgain = rollups.scansRead - read
    expect(hourAgain).toBeGreaterThan(0)
    expect(hourAgain).toBeLessThan(read / 20)

    // Deleted: the next report builds it again, to the same figures.
    rollups.close()
    opened.splice(opened.indexOf(rollups), 1)
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(t.dataDir, CACHE_FILE + suffix), { force: true })
    rollups = rollupsIn(t.dataDir)
    expect(shiftFigures(t.db, t.clock, range, { rollups })).toEqual(after)
    expect(rollups.scansRead).toBe(after.units.total)
  })

  it('forget the whole cache when the station database is another one (a restore), even with more scans', () => {
    useZone('Asia/Kolkata')
    const first = history(4)
    const second = history(5)
    for (const { time } of [first, second]) time.set(END + HOUR)
    const range = { from: new Date(START).toISOString(), to: new Date(END).toISOString() }
    const rollups = rollupsIn(first.t.dataDir)
    expect(shiftFigures(first.t.db, first.t.clock, range, { rollups })).toEqual(shiftFigures(first.t.db, first.t.clock, range))
    const exact = shiftFigures(second.t.db, second.t.clock, range)
    expect(exact.units.total).not.toBe(shiftFigures(first.t.db, first.t.clock, range).units.total)
    expect(shiftFigures(second.t.db, second.t.clock, range, { rollups })).toEqual(exact)
  })
})
