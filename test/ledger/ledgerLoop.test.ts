// The ledger's own loop (src/main/core/sync/ledgerLoop.ts): one pull at a
// time — a pull asked for while one runs (the order round and the ledger
// timer at once) joins it instead of fetching the same pages again — and no
// pull without an OMS.
import { afterEach, describe, expect, it } from 'vitest'
import { LedgerLoop } from '../../src/main/core/sync/ledgerLoop'
import type { OmsClient } from '../../src/main/core/sync/omsClient'
import { cleanup, openTestStation } from '../core/helpers'
import { cleanup as cleanupSync, clientFor, standIn, stationIdOf } from '../sync/helpers'

afterEach(async () => {
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
    expect(first).toEqual({ available: true, pages: 1, stored: 0 })
    expect(requests).toBe(1)
    await loop.pull()
    expect(requests).toBe(2)
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
