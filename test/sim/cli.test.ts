// The simulation's command line: its defaults scale the trouble with the
// warehouse, and a bad argument is refused with the usage line.
import { describe, expect, it } from 'vitest'
import { parseSimArgs, USAGE } from '../../tools/sim/cli'
import { figureRows, formatReport } from '../../tools/sim/report'
import type { Figures } from '../../tools/sim/warehouse'

describe('npm run sim arguments', () => {
  it('scale cuts, restarts and collisions with the stations and orders unless given', () => {
    const parsed = parseSimArgs(['--stations', '20', '--orders', '400', '--quiet'])
    expect(parsed).toMatchObject({
      options: { stations: 20, orders: 400, cuts: 4, restarts: 4, sameOrderPairs: 20, reopenPacked: 4, imeiCollisions: 20, cutMs: 3000 },
      json: null
    })
    expect(parseSimArgs(['--stations', '1', '--orders', '5', '--cuts', '0', '--json', 'out.json'])).toMatchObject({
      options: { stations: 1, cuts: 0, restarts: 1, sameOrderPairs: 0, reopenPacked: 0, imeiCollisions: 0 },
      json: 'out.json'
    })
  })

  it('refuse what is not a whole number in range, and unknown options, with the usage line', () => {
    const zero = parseSimArgs(['--stations', '0'])
    expect(zero).toEqual({ error: `--stations must be a whole number from 1 to 50 (got 0)\n${USAGE}` })
    expect(parseSimArgs(['--orders', 'many'])).toMatchObject({ error: expect.stringContaining('--orders must be a whole number') })
    expect(parseSimArgs(['--tables', '3'])).toMatchObject({ error: expect.stringContaining("Unknown option '--tables'") })
  })
})

describe('the printed report', () => {
  const figures: Figures = {
    stations: 2,
    orders: 4,
    scans: 9,
    scanSeconds: 3,
    scansPerSecond: 3,
    collisions: { sameOrderAtOnce: 1, reopenedPacked: 0, imeis: 1 },
    ordersPacked: 4,
    ordersLeft: 1,
    conflictsAtScanTime: { orders: 1, imeis: 2 },
    conflictsAfterTheFact: 1,
    events: { sent: 13, accepted: 12, duplicates: 2, rejected: 1 },
    units: { accepted: 8, rejected: 1 },
    cuts: [{ station: 'Station 1', cutMs: 2000, waitingAtRestore: 3, drainMs: 1500 }],
    restarts: 1,
    wallSeconds: 20
  }

  it('lists the figures, each check, and says how many failed', () => {
    const text = formatReport(figures, [
      { name: 'no order packed twice', pass: true, details: [] },
      { name: 'every cut drained', pass: false, details: ['Station 1: events still waiting'] }
    ])
    expect(figureRows(figures)).toContainEqual(['drain after cut (Station 1)', '1.50 s (3 events waiting after 2.0 s offline)'])
    expect(text).toContain('conflicts at scan time')
    expect(text).toMatch(/PASS {2}no order packed twice/)
    expect(text).toMatch(/FAIL {2}every cut drained\n {10}Station 1: events still waiting/)
    expect(text).toContain('1 of 2 checks failed.')
  })
})
