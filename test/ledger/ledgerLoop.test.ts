// The ledger's own loop (src/main/core/sync/ledgerLoop.ts): one pull at a
// time — a pull asked for while one runs (the order round and the ledger
// timer at once) joins it instead of fetching the same pages again — and no
// pull without an OMS.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LEDGER_PULL_MS, LedgerLoop } from '../../src/main/core/sync/ledgerLoop'
import type { OmsClient } from '../../src/main/core/sync/omsClient'
import { cleanup, openTestStation } from '../core/helpers'
import { cleanup as cleanupSync, clientFor, standIn, stationIdOf } from '../sync/helpers'

afterEach(async () => {
  vi.useRealTimers()
  await cleanupSync()
  cleanup()
})

describe('the serial ledger loop', () => {
  it('joins a pull under way, and pulls again once it ended', async () => {
    const oms = await standIn()
    const t = openTestStation()
    const real = clientFor(t, oms.url)
    let requests = 0
    const counting: OmsClient = {
      ...real,
      pullSerialLedger: (cursor, limit) => {
        requests++
        return real.pullSerialLedger(cursor, limit)
      }
    }
    const loop = new LedgerLoop({
      context: { db: t.db, clock: t.clock, stationId: stationIdOf(t) },
      client: () => counting,
      stopped: () => false
    })

    const [first, second] = await Promise.all([loop.pull(), loop.pull()])
    expect(second).toBe(first)
    expect(first).toEqual({ available: true, pages: 1, stored: 0, more: false })
    expect(requests).toBe(1)
    await loop.pull()
    expect(requests).toBe(2)
    loop.stop()
  })

  it('a station catching up goes on at once after a round that stopped at its page limit, then waits', async () => {
    const t = openTestStation()
    vi.useFakeTimers()
    // An OMS with 75 pages of changes; each call answers the next page.
    let calls = 0
    const pages: OmsClient = {
      pullOrders: () => Promise.reject(new Error('not used')),
      orderStatus: () => Promise.reject(new Error('not used')),
      postEvents: () => Promise.reject(new Error('not used')),
      pullSerialLedger: async () => {
        calls++
        return { entries: [], next_cursor: String(calls), has_more: calls < 75 }
      }
    }
    const loop = new LedgerLoop({
      context: { db: t.db, clock: t.clock, stationId: stationIdOf(t) },
      client: () => pages,
      stopped: () => false
    })
    loop.schedule(0)
    // Fake time, a millisecond at a time: the second round follows the first at once (well before 30 s)…
    let elapsed = 0
    while (calls < 75 && elapsed < 1_000) {
      await vi.advanceTimersByTimeAsync(1)
      elapsed++
    }
    expect(calls).toBe(75)
    expect(elapsed).toBeLessThan(1_000)
    // …and the round after that waits the full interval.
    await vi.advanceTimersByTimeAsync(LEDGER_PULL_MS - 1_000)
    expect(calls).toBe(75)
    await vi.advanceTimersByTimeAsync(1_000 + elapsed)
    expect(calls).toBe(76)
    loop.stop()
  })

  it('does nothing without an OMS', async () => {
    const t = openTestStation()
    const loop = new LedgerLoop({
      context: { db: t.db, clock: t.clock, stationId: stationIdOf(t) },
      client: () => null,
      stopped: () => false
    })
    expect(await loop.pull()).toBeNull()
    loop.stop()
  })
})
