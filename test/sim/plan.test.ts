// The simulation's day plan (tools/sim/plan.ts): valid and distinct IMEIs,
// every collision wired to a real job at another station, and same-order
// pairs that meet each other.
import { describe, expect, it } from 'vitest'
import { checkImei } from '../../src/main/core/scanning/serial'
import { makePlan } from '../../tools/sim/plan'

const plan = makePlan({ stations: 6, orders: 90, seed: 5, cuts: 2, restarts: 1, sameOrderPairs: 5, reopenPacked: 2, imeiCollisions: 4 })

describe('the simulated day', () => {
  it('gives every unit a valid IMEI of its model, shared only where an IMEI collision is planned', () => {
    const jobs = plan.jobs.flat()
    const tacOf = new Map(plan.products.map((p) => [p.sku, p.tac]))
    for (const job of jobs) for (const imei of job.imeis) expect(checkImei(imei).ok && imei.startsWith(tacOf.get(job.sku)!)).toBe(true)
    const seen = jobs.flatMap((j) => j.imeis)
    const shared = seen.filter((imei, i) => seen.indexOf(imei) !== i)
    expect(shared.sort()).toEqual(jobs.flatMap((j) => (j.collidesWith ? [j.collidesWith.imei] : [])).sort())
    expect(plan.imeiCollisions).toBe(4)
  })

  it('wires each collision to a job of another station, and each same-order pair to its partner', () => {
    expect([plan.sameOrderPairs, plan.reopenedPacked]).toEqual([5, 2])
    plan.jobs.forEach((jobs, station) => {
      for (const job of jobs.filter((j) => j.cue)) {
        const cue = job.cue!
        expect(cue.station).not.toBe(station)
        const other = plan.jobs[cue.station]!.find((j) => j.omsOrderId === cue.omsOrderId)!
        expect(other).toBeDefined()
        if (cue.kind === 'together') expect(other.cue).toEqual({ kind: 'together', station, omsOrderId: job.omsOrderId })
        // The order waited for comes before the one that waits in its own queue's first half: no station waits on a wait.
        else expect(other.cue).toBeNull()
      }
    })
    // Only the station the order is dealt to has it assigned; a second station opens it unassigned.
    const assigned = plan.jobs.flat().filter((j) => j.assigned)
    expect(new Set(assigned.map((j) => j.omsOrderId)).size).toBe(assigned.length)
    expect(assigned).toHaveLength(plan.orders.length)
  })

  it('places each cut and restart at a station, after some of its scans', () => {
    expect(plan.cuts.map((c) => c.station)).toEqual([0, 1])
    expect(plan.restarts.map((r) => r.station)).toEqual([5])
    for (const t of [...plan.cuts, ...plan.restarts]) expect(t.afterScans).toBeGreaterThan(0)
  })
})
