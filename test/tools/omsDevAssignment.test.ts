// Per-station assignment in the stand-in OMS (tools/oms-dev/assignment.ts),
// over real HTTP on 127.0.0.1: each station pulls the orders assigned to it
// and the unassigned ones, never an order assigned to another station it was
// not given before; a re-assignment reaches the new station, and a station
// that had the order keeps getting its changes (a cancellation); the
// assignment and who was given what survive a restart on the same --db file;
// the station core's own pull imports only its share.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { pullOrders } from '../../src/main/core/sync/orderPull'
import { allProducts, makeDataDir, openTestStation, orderRecord, type TestStation } from '../core/helpers'
import { cleanup, clientFor, standIn, stationIdOf } from '../sync/helpers'

afterEach(cleanup)

const assigned = (n: number, stationId: string | null) => ({ ...orderRecord(n), assigned_station_id: stationId })

/** One pull from `cursor` as station `t`: the order ids served (with their status) and the next cursor. */
async function pull(t: TestStation, url: string, cursor: string | null = null) {
  const page = await clientFor(t, url).pullOrders(cursor, 100)
  return { ids: page.orders.map((o) => o.oms_order_id), orders: page.orders, cursor: page.next_cursor }
}

async function admin(url: string, path: string, body: unknown) {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const importedIds = (t: TestStation) =>
  (t.sqlite.prepare('select oms_order_id from orders order by oms_order_id').all() as { oms_order_id: string }[]).map((r) => r.oms_order_id)

describe('stand-in OMS: per-station assignment', () => {
  it('serves each station its own orders and the unassigned ones, never another station’s', async () => {
    const a = openTestStation()
    const b = openTestStation()
    const [idA, idB] = [stationIdOf(a), stationIdOf(b)]
    expect(idA).not.toBe(idB)
    const oms = await standIn({
      products: allProducts(),
      orders: [assigned(1, idA), assigned(2, idB), orderRecord(3), assigned(4, 'ST-ELSEWHERE'), assigned(5, null)]
    })

    const fromA = await pull(a, oms.url)
    const fromB = await pull(b, oms.url)
    expect(fromA.ids).toEqual(['OMS-1', 'OMS-3', 'OMS-5'])
    expect(fromB.ids).toEqual(['OMS-2', 'OMS-3', 'OMS-5'])
    // The assignment is the OMS's bookkeeping, not a field of the served record (the contract's Order is closed).
    expect([...fromA.orders, ...fromB.orders].some((o) => 'assigned_station_id' in o)).toBe(false)
    expect(oms.assignments.list()).toEqual([
      { omsOrderId: 'OMS-1', stationId: idA },
      { omsOrderId: 'OMS-2', stationId: idB },
      { omsOrderId: 'OMS-4', stationId: 'ST-ELSEWHERE' }
    ])

    // Nothing new: both cursors are at their end.
    expect((await pull(a, oms.url, fromA.cursor)).ids).toEqual([])
    expect((await pull(b, oms.url, fromB.cursor)).ids).toEqual([])
  })

  it('a re-assignment reaches the new station; a station that had the order keeps its changes; others never see it', async () => {
    const a = openTestStation()
    const b = openTestStation()
    const [idA, idB] = [stationIdOf(a), stationIdOf(b)]
    const oms = await standIn({ products: allProducts(), orders: [assigned(1, idA), assigned(2, idB), orderRecord(3)] })
    let cursorA = (await pull(a, oms.url)).cursor
    let cursorB = (await pull(b, oms.url)).cursor

    // OMS-2 (B's, never given to A) moves to A: A gets it; B, who had it, hears of the change too.
    expect(await admin(oms.url, '/admin/orders/OMS-2/assign', { stationId: idA })).toEqual({
      status: 200,
      body: { omsOrderId: 'OMS-2', stationId: idA }
    })
    let stepA = await pull(a, oms.url, cursorA)
    let stepB = await pull(b, oms.url, cursorB)
    expect([stepA.ids, stepB.ids]).toEqual([['OMS-2'], ['OMS-2']])
    ;[cursorA, cursorB] = [stepA.cursor, stepB.cursor]

    // Cancelled afterwards: B still hears of it, so its copy is not left dangling.
    expect((await admin(oms.url, '/admin/orders/OMS-2/status', { status: 'cancelled' })).status).toBe(200)
    stepA = await pull(a, oms.url, cursorA)
    stepB = await pull(b, oms.url, cursorB)
    expect(stepB.orders.map((o) => [o.oms_order_id, o.oms_status])).toEqual([['OMS-2', 'cancelled']])
    expect(stepA.ids).toEqual(['OMS-2'])
    ;[cursorA, cursorB] = [stepA.cursor, stepB.cursor]

    // An order added for B (POST /admin/orders with the field) and then changed never reaches A.
    expect((await admin(oms.url, '/admin/orders', { orders: [assigned(4, idB)] })).status).toBe(200)
    expect(oms.store.record('OMS-4')).not.toHaveProperty('assigned_station_id')
    oms.store.setStatus('OMS-4', 'held')
    stepA = await pull(a, oms.url, cursorA)
    stepB = await pull(b, oms.url, cursorB)
    expect([stepA.ids, stepB.ids]).toEqual([[], ['OMS-4']])
    ;[cursorA, cursorB] = [stepA.cursor, stepB.cursor]

    // Unassigning makes it everyone's.
    expect((await admin(oms.url, '/admin/orders/OMS-4/assign', { stationId: null })).status).toBe(200)
    expect(oms.assignments.of('OMS-4')).toBeNull()
    expect((await pull(a, oms.url, cursorA)).ids).toEqual(['OMS-4'])
    expect((await pull(b, oms.url, cursorB)).ids).toEqual(['OMS-4'])

    // Refusals: no such order, a malformed station id, no body.
    expect((await admin(oms.url, '/admin/orders/OMS-404/assign', { stationId: idA })).status).toBe(404)
    expect((await admin(oms.url, '/admin/orders/OMS-1/assign', { stationId: 'not a station!' })).status).toBe(400)
    expect((await admin(oms.url, '/admin/orders/OMS-1/assign', {})).status).toBe(400)
    expect(oms.assignments.of('OMS-1')).toBe(idA)
  })

  it('keeps assignments and who was given what across a restart on the same --db file', async () => {
    const file = join(makeDataDir(), 'oms.db')
    const a = openTestStation()
    const b = openTestStation()
    const [idA, idB] = [stationIdOf(a), stationIdOf(b)]
    const seed = { db: file, products: allProducts(), orders: [assigned(1, idA), assigned(2, idB)] }

    const before = await standIn(seed)
    const cursorA = (await pull(a, before.url)).cursor
    expect((await admin(before.url, '/admin/orders/OMS-1/assign', { stationId: idB })).status).toBe(200)
    await before.close()

    // Started again with the same order file: the re-assignment made meanwhile stays (the file counts only for new orders).
    const after = await standIn(seed)
    expect(after.assignments.of('OMS-1')).toBe(idB)
    // Oldest change first: the re-assignment changed OMS-1 after OMS-2 was added.
    expect((await pull(b, after.url)).ids).toEqual(['OMS-2', 'OMS-1'])
    // A had OMS-1 before the restart: its cancellation still reaches A; B's OMS-2 never does.
    after.store.setStatus('OMS-1', 'cancelled')
    after.store.setStatus('OMS-2', 'cancelled')
    const next = await pull(a, after.url, cursorA)
    expect(next.orders.map((o) => [o.oms_order_id, o.oms_status])).toEqual([['OMS-1', 'cancelled']])
  })

  it('the station core’s own pull imports only its share', async () => {
    const a = openTestStation()
    const b = openTestStation()
    const [idA, idB] = [stationIdOf(a), stationIdOf(b)]
    const oms = await standIn({
      products: allProducts(),
      orders: [assigned(1, idA), assigned(2, idB), orderRecord(3), assigned(4, idB), assigned(5, idA)]
    })
    expect(await pullOrders(a.db, a.clock, clientFor(a, oms.url), { pageSize: 1 })).toMatchObject({ imported: 3, failed: 0 })
    expect(await pullOrders(b.db, b.clock, clientFor(b, oms.url), { pageSize: 1 })).toMatchObject({ imported: 3, failed: 0 })
    expect(importedIds(a)).toEqual(['OMS-1', 'OMS-3', 'OMS-5'])
    expect(importedIds(b)).toEqual(['OMS-2', 'OMS-3', 'OMS-4'])
  })
})
