// A small warehouse simulation, the real thing: the stand-in OMS, three station
// processes on their own data folders, an order opened at two stations, an
// order opened again after another station packed it, an IMEI scanned at a
// second station after another packed it, one network cut and one SIGKILL
// restart. Every check passes, and the figures agree with
// each other: every scan a station accepted is a unit the OMS accepted or a
// unit in an event it rejected (shown at that station).
import { describe, expect, it } from 'vitest'
import { runWarehouse } from '../../tools/sim/warehouse'

describe('warehouse simulation', () => {
  it('three stations with colliding orders and IMEIs, a cut and a restart: every check passes', async () => {
    const { figures, checks, plan, ok } = await runWarehouse({
      stations: 3,
      orders: 18,
      seed: 11,
      cuts: 1,
      cutMs: 1500,
      restarts: 1,
      sameOrderPairs: 1,
      // An order opened again at a second station after the first packed it: the OMS refuses the claim
      // (already_packed, naming the first station) and "no order packed twice" covers it.
      reopenPacked: 1,
      imeiCollisions: 1
    })
    for (const check of checks) expect(check.details, check.name).toEqual([])
    expect(ok).toBe(true)

    // The trouble took place.
    expect(plan.sameOrderPairs).toBe(1)
    expect(plan.reopenedPacked).toBe(1)
    expect(plan.imeiCollisions).toBe(1)
    expect(figures.restarts).toBe(1)
    expect(figures.cuts).toHaveLength(1)
    expect(figures.cuts[0]!.drainMs).not.toBeNull()

    // Every job ended packed here, or left because another station held the order.
    expect(figures.ordersPacked + figures.ordersLeft).toBe(plan.jobs.flat().length)
    // All three collisions were found: at scan time (claims, serial ledger) or after the fact (the OMS rejected).
    expect(figures.conflictsAtScanTime.orders + figures.conflictsAtScanTime.imeis + figures.conflictsAfterTheFact).toBeGreaterThanOrEqual(3)
    // Scans accepted at the stations = units the OMS accepted + units in events it rejected.
    expect(figures.scans).toBe(figures.units.accepted + figures.units.rejected)
    // Every event written was answered once: accepted or rejected.
    expect(figures.events.sent).toBe(figures.events.accepted + figures.events.rejected)
  }, 150_000)
})
