// The stand-in OMS keeps its state in a SQLite file: after a restart on the
// same file, events it accepted before are answered `duplicate`, the pull
// cursor goes on from where it was, and the order file it is started with
// again does not reset what changed meanwhile.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { pullOrders } from '../../src/main/core/sync/orderPull'
import { readSyncSetting } from '../../src/main/core/sync/syncSettings'
import type { WireEvent } from '../../src/main/core/sync/omsWire'
import { allProducts, makeDataDir, openTestStation, orderRecord } from '../core/helpers'
import { cleanup, clientFor, standIn, stationIdOf } from '../sync/helpers'

afterEach(cleanup)

const event = (stationId: string, n: number): WireEvent => ({
  id: `${stationId}-0000000${n}`,
  stationId,
  type: 'test.event',
  operator: null,
  at: '2026-11-21T09:00:00.000Z',
  omsOrderId: null,
  payload: { n }
})

describe('stand-in OMS state in SQLite', () => {
  it('remembers accepted events, the change sequence and order statuses across a restart', async () => {
    const file = join(makeDataDir(), 'oms.db')
    const seed = { db: file, products: allProducts(), orders: [orderRecord(1), orderRecord(2)] }
    const t = openTestStation()
    const station = stationIdOf(t)

    const before = await standIn(seed)
    const events = [event(station, 1), event(station, 2)]
    expect((await clientFor(t, before.url).postEvents(events)).results.map((r) => r.status)).toEqual(['accepted', 'accepted'])
    expect(await pullOrders(t.db, t.clock, clientFor(t, before.url))).toMatchObject({ imported: 2 })
    const cursor = readSyncSetting(t.db, 'state').cursor
    before.store.setStatus('OMS-2', 'held')
    await before.close()

    const after = await standIn(seed)
    expect(after.store.record('OMS-2')?.oms_status).toBe('held')
    const again = await clientFor(t, after.url).postEvents([...events, event(station, 3)])
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'accepted'])
    expect(after.store.tally).toEqual({ accepted: 3, duplicate: 2, rejected: 0 })
    expect([...after.store.received.keys()]).toEqual(events.map((e) => e.id).concat(event(station, 3).id))

    // The cursor goes on: only the hold made before the restart and an order added after it come.
    after.store.putOrder(orderRecord(3) as never)
    const page = await clientFor(t, after.url).pullOrders(cursor)
    expect(page.orders.map((o) => [o.oms_order_id, o.oms_status ?? null])).toEqual([
      ['OMS-2', 'held'],
      ['OMS-3', null]
    ])
    expect(Number(page.next_cursor)).toBeGreaterThan(Number(cursor))
  })

  it('starts empty on :memory: each time', async () => {
    const first = await standIn({ orders: [orderRecord(1)] })
    first.store.setStatus('OMS-1', 'cancelled')
    await first.close()
    const second = await standIn({ orders: [orderRecord(1)] })
    expect(second.store.record('OMS-1')?.oms_status ?? null).toBeNull()
    expect(second.store.tally).toEqual({ accepted: 0, duplicate: 0, rejected: 0 })
  })
})
