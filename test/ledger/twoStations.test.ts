// Two stations (two data folders) and one stand-in OMS over real HTTP on
// 127.0.0.1 share a serial ledger (SPEC §7, "Many stations, one warehouse"):
// an IMEI packed at A is refused at B once B pulled the ledger, naming A and
// the order; released at A, it scans at B. Packed at both while both were
// offline, the OMS rejects the later box and B's shift lead sees a serial
// conflict until it is resolved.
import { afterEach, describe, expect, it } from 'vitest'
import { setSetting } from '../../src/main/core/settings/settings'
import { pullSerialLedger, readLedgerState } from '../../src/main/core/sync/ledgerPull'
import type { SerialConflict } from '../../src/shared/ledger'
import {
  allProducts,
  count,
  createOperators,
  imei,
  importRecords,
  openTestStation,
  orderIdOf,
  orderRecord,
  snapshot,
  TAC_A,
  type TestStation
} from '../core/helpers'
import { cleanup, clientFor, ok, pointAt, refused, standIn, stationIdOf } from '../sync/helpers'

afterEach(cleanup)

const LEAD = { badgeCode: 'OP-9001', pin: '1234' }
const X = imei(`${TAC_A}000201`)
const Y = imei(`${TAC_A}000202`)

/** A station named `name`, an operator signed in, the given orders imported (as if pulled earlier). */
async function stationNamed(name: string, orders: Record<string, unknown>[]) {
  const t = openTestStation()
  createOperators(t)
  setSetting(t.db, 'stationName', name)
  importRecords(t, orders)
  await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
  return t
}

const scan = (t: TestStation, omsOrderId: string, input: string) =>
  ok<{ outcome: string; message: string; units: number }>(t, 'scanning:scan', { orderId: orderIdOf(t, omsOrderId), input })

async function boxed(t: TestStation, omsOrderId: string, serials: string[]) {
  for (const s of serials) expect(await scan(t, omsOrderId, s)).toMatchObject({ outcome: 'accepted' })
  await ok(t, 'packing:save', { orderId: orderIdOf(t, omsOrderId) })
  await ok(t, 'packing:save', { orderId: orderIdOf(t, omsOrderId) })
}

/** Takes a unit out of its confirmed box at a station (reopen, then remove with a shift lead's approval). */
async function unpack(t: TestStation, omsOrderId: string, serial: string) {
  const orderId = orderIdOf(t, omsOrderId)
  const unit = t.sqlite.prepare('select id, box_id from scanned_units where serial = ? and removed_at is null').get(serial) as {
    id: string
    box_id: string
  }
  await ok(t, 'packing:reopenBox', { orderId, boxId: unit.box_id })
  await ok(t, 'packing:removeUnit', { orderId, unitId: unit.id, reason: 'picked the wrong device', approval: LEAD })
}

/** Sync now, then what waits and what the OMS rejected (the timers may have sent some events already). */
async function synced(t: TestStation) {
  await ok(t, 'sync:now')
  return ok<{ waiting: number; rejected: number }>(t, 'sync:status')
}

describe('the shared serial ledger between two stations', () => {
  it('refuses at B an IMEI live at A, naming A and the order, changing nothing; released at A, it scans at B', async () => {
    const oms = await standIn({ products: allProducts() })
    const a = await stationNamed('Station A', [orderRecord(1)])
    const b = await stationNamed('Station B', [orderRecord(2)])
    pointAt(a, oms.url)
    pointAt(b, oms.url)

    await boxed(a, 'OMS-1', [X])
    expect(await synced(a)).toMatchObject({ waiting: 0, rejected: 0 })
    await synced(b)
    expect(b.sqlite.prepare('select serial, station_id, station_name, order_number, live from serial_ledger').all()).toEqual([
      { serial: X, station_id: stationIdOf(a), station_name: 'Station A', order_number: 'SO-1', live: 1 }
    ])

    const before = snapshot(b.sqlite)
    expect(await scan(b, 'OMS-2', X)).toMatchObject({
      outcome: 'duplicate',
      message: `Duplicate: ${X} is in order SO-1 at Station A`,
      units: 0
    })
    expect(snapshot(b.sqlite)).toEqual(before)

    await unpack(a, 'OMS-1', X)
    await synced(a)
    await synced(b)
    expect(b.sqlite.prepare('select live, released_at is not null as released from serial_ledger where serial = ?').get(X)).toEqual({
      live: 0,
      released: 1
    })
    expect(await scan(b, 'OMS-2', X)).toMatchObject({ outcome: 'accepted', units: 1 })
    await ok(b, 'packing:save', { orderId: orderIdOf(b, 'OMS-2') })
    await ok(b, 'packing:save', { orderId: orderIdOf(b, 'OMS-2') })
    // The OMS takes B's box: the serial was released at A.
    expect(await synced(b)).toMatchObject({ waiting: 0, rejected: 0 })
    expect(oms.store.tally.rejected).toBe(0)
  })

  it('both offline, both pack the same IMEI: the OMS rejects the later box, B sees a conflict, unpacking it here clears it', async () => {
    const oms = await standIn({ products: allProducts() })
    const a = await stationNamed('Station A', [orderRecord(3)])
    const b = await stationNamed('Station B', [orderRecord(4)])
    await boxed(a, 'OMS-3', [Y])
    await boxed(b, 'OMS-4', [Y])

    pointAt(a, oms.url)
    expect(await synced(a)).toMatchObject({ waiting: 0, rejected: 0 })
    pointAt(b, oms.url)
    expect(await synced(b)).toMatchObject({ waiting: 0, rejected: 1 })

    // An operator does not see the list; the shift lead does, with where the serial is and what to do.
    expect((await refused(b, 'ledger:conflicts')).code).toBe('shift_lead_only')
    await ok(b, 'operators:signIn', { badgeCode: LEAD.badgeCode, pin: LEAD.pin })
    const [conflict, ...more] = await ok<SerialConflict[]>(b, 'ledger:conflicts')
    expect(more).toEqual([])
    expect(conflict).toMatchObject({
      eventType: 'box.confirmed',
      orderNumber: 'SO-4',
      serial: Y,
      boxNumber: 1,
      reason: `IMEI ${Y} is already packed at Station A (${stationIdOf(a)}) in order SO-3`,
      elsewhere: { stationId: stationIdOf(a), stationName: 'Station A', orderNumber: 'SO-3', live: true },
      action: 'unpack_or_ask'
    })

    // A wrong PIN is refused and changes nothing.
    const before = snapshot(b.sqlite)
    const wrong = await refused(b, 'ledger:unpackConflict', { eventId: conflict!.eventId, serial: Y, approval: { ...LEAD, pin: '9999' } })
    expect(wrong.code).toBe('wrong_pin')
    const { operators: _o, events: _e, ...data } = snapshot(b.sqlite)
    const { operators: _o2, events: _e2, ...dataBefore } = before
    expect(data).toEqual(dataBefore)

    const done = await ok<{ message: string }>(b, 'ledger:unpackConflict', { eventId: conflict!.eventId, serial: Y, approval: LEAD })
    expect(done.message).toMatch(/^Removed .*from box 1: box 1 is open again, Save twice to confirm it without this unit$/)
    expect(await ok(b, 'ledger:conflicts')).toEqual([])
    expect(await ok(b, 'sync:rejectedEvents')).toMatchObject({ rejected: [], open: 0, nextCursor: null })
    expect(count(b.sqlite, 'scanned_units', 'serial = ? and removed_at is null', Y)).toBe(0)
    expect(b.sqlite.prepare('select status from boxes').all()).toEqual([{ status: 'saved' }])

    // Resolved once: asking again is refused and changes nothing.
    const after = snapshot(b.sqlite)
    expect((await refused(b, 'ledger:unpackConflict', { eventId: conflict!.eventId, serial: Y, approval: LEAD })).message).toBe(
      `${Y} is no longer in conflict here: it was unpacked, re-sent or acknowledged.`
    )
    expect(snapshot(b.sqlite)).toEqual(after)
    // The OMS took the box.reopened and unit.removed: nothing else is rejected.
    expect(await synced(b)).toMatchObject({ waiting: 0, rejected: 0 })
  })

  it('a conflict asks for a re-send once the other station released the serial; the re-sent box is accepted', async () => {
    const oms = await standIn({ products: allProducts() })
    const a = await stationNamed('Station A', [orderRecord(5)])
    const b = await stationNamed('Station B', [orderRecord(6)])
    await boxed(a, 'OMS-5', [Y])
    await boxed(b, 'OMS-6', [Y])
    pointAt(a, oms.url)
    await synced(a)
    pointAt(b, oms.url)
    expect(await synced(b)).toMatchObject({ rejected: 1 })
    await ok(b, 'operators:signIn', { badgeCode: LEAD.badgeCode, pin: LEAD.pin })
    expect(await ok(b, 'ledger:conflicts')).toMatchObject([{ serial: Y, action: 'unpack_or_ask' }])

    // B's shift lead asks A; A takes the unit out, and B's next pull sees it released.
    await unpack(a, 'OMS-5', Y)
    await synced(a)
    await synced(b)
    const [conflict] = await ok<SerialConflict[]>(b, 'ledger:conflicts')
    expect(conflict).toMatchObject({ serial: Y, action: 'resend', elsewhere: { stationName: 'Station A', live: false } })
    await ok(b, 'sync:resendRejected', { ids: [conflict!.eventId], approval: LEAD })
    expect(await synced(b)).toMatchObject({ waiting: 0, rejected: 0 })
    expect(await ok(b, 'ledger:conflicts')).toEqual([])
    expect(oms.store.received.get(conflict!.eventId)?.event.type).toBe('box.confirmed')
  })

  it('a conflict in an order already packed here cannot be unpacked here: refused, nothing changes, it stays listed', async () => {
    const oms = await standIn({ products: allProducts() })
    const a = await stationNamed('Station A', [orderRecord(8, [{ sku: 'PHONE-A', quantity: 1 }])])
    const b = await stationNamed('Station B', [orderRecord(9, [{ sku: 'PHONE-A', quantity: 1 }])])
    await boxed(a, 'OMS-8', [Y])
    await boxed(b, 'OMS-9', [Y])
    // B confirms packing while it cannot reach the OMS (no address yet): confirmed offline.
    await ok(b, 'packing:confirm', { orderId: orderIdOf(b, 'OMS-9') })
    pointAt(a, oms.url)
    await synced(a)
    pointAt(b, oms.url)
    expect(await synced(b)).toMatchObject({ rejected: 1 })
    await ok(b, 'operators:signIn', { badgeCode: LEAD.badgeCode, pin: LEAD.pin })
    const [conflict] = await ok<SerialConflict[]>(b, 'ledger:conflicts')
    expect(conflict).toMatchObject({ serial: Y, orderNumber: 'SO-9', action: 'unpack_or_ask' })

    const before = snapshot(b.sqlite)
    const refusal = await refused(b, 'ledger:unpackConflict', { eventId: conflict!.eventId, serial: Y, approval: LEAD })
    expect(refusal).toEqual({
      code: 'order_not_open',
      message: 'Order SO-9 is packed: boxes can no longer be reopened.',
      key: 'refusals:packing.notOpen.reopen',
      params: { orderNumber: 'SO-9', status: 'packed' }
    })
    expect(snapshot(b.sqlite)).toEqual(before)
    expect(await ok(b, 'ledger:conflicts')).toEqual([conflict])
  })

  it('pulls the ledger by cursor in pages; a page pulled again changes nothing', async () => {
    const oms = await standIn({ products: allProducts() })
    const serials = [1, 2, 3, 4, 5].map((n) => imei(`${TAC_A}0003${String(n).padStart(2, '0')}`))
    const a = await stationNamed('Station A', [orderRecord(7, [{ sku: 'PHONE-A', quantity: 5 }])])
    const b = await stationNamed('Station B', [])
    pointAt(a, oms.url)
    await boxed(a, 'OMS-7', serials)
    await synced(a)

    const client = clientFor(b, oms.url)
    const first = await pullSerialLedger(b.db, b.clock, client, { ownStationId: stationIdOf(b), pageSize: 2 })
    expect(first).toEqual({ available: true, pages: 3, stored: 5, more: false })
    const rows = () => b.sqlite.prepare('select serial, live from serial_ledger order by serial').all()
    expect(rows()).toEqual(serials.map((serial) => ({ serial, live: 1 })))
    const cursor = readLedgerState(b.db).cursor
    expect(cursor).not.toBeNull()

    // Nothing new: one page, nothing stored, nothing written (no commit every 30 seconds for no news).
    const changes = b.sqlite.prepare('select total_changes() n').pluck()
    const written = changes.get()
    expect(await pullSerialLedger(b.db, b.clock, client, { ownStationId: stationIdOf(b), pageSize: 2 })).toEqual({
      available: true,
      pages: 1,
      stored: 0,
      more: false
    })
    expect(changes.get()).toBe(written)
    expect(readLedgerState(b.db).cursor).toBe(cursor)

    // From the start again (a crash before the cursor was stored), at most 2 pages a round: the round says there is
    // more, the next one goes on from its cursor; the same rows, no more.
    b.sqlite.prepare("delete from settings where key = 'sync.ledger'").run()
    const limited = { ownStationId: stationIdOf(b), pageSize: 2, maxPages: 2 }
    expect(await pullSerialLedger(b.db, b.clock, client, limited)).toEqual({ available: true, pages: 2, stored: 4, more: true })
    expect(await pullSerialLedger(b.db, b.clock, client, limited)).toEqual({ available: true, pages: 1, stored: 1, more: false })
    expect(rows()).toEqual(serials.map((serial) => ({ serial, live: 1 })))

    // A's own pull keeps none of its own entries.
    expect(await pullSerialLedger(a.db, a.clock, clientFor(a, oms.url), { ownStationId: stationIdOf(a) })).toMatchObject({ stored: 0 })
    expect(count(a.sqlite, 'serial_ledger')).toBe(0)
  })

  it('an OMS without a ledger (404) is no failure: the pull says so and stores nothing', async () => {
    const b = await stationNamed('Station B', [])
    const { createServer } = await import('node:http')
    const server = createServer((_req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as { port: number }
      const outcome = await pullSerialLedger(b.db, b.clock, clientFor(b, `http://127.0.0.1:${port}`), { ownStationId: stationIdOf(b) })
      expect(outcome).toEqual({ available: false, pages: 0, stored: 0, more: false })
      expect(readLedgerState(b.db).cursor).toBeNull()
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
