import type { Database } from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { exportedEvents } from '../../src/main/core/events/exported'
import { cleanup, count, imei, snapshot, TAC_A } from './helpers'
import { A, shippingWorld } from './shippingWorld'

afterEach(cleanup)

const NEVER_SEEN = imei(`${TAC_A}999999`)

/** SO-1 shipped with A1, A2 (A2 a dual-IMEI unit whose second IMEI is A20); SO-2 shipped with A3; A4 scanned into SO-3, not shipped. */
async function returnsWorld() {
  const w = shippingWorld()
  await w.signIn('OP-1001')
  await w.pack(w.ids.one, [A(1), A(2)])
  // The dual-IMEI scan (IMEI 1 then IMEI 2) is the scan path's business; here the unit simply has both.
  w.sqlite.prepare('update scanned_units set serial2 = ? where serial = ?').run(A(20), A(2))
  await w.ship(w.ids.one, 'JJD0000001')
  await w.pack(w.ids.two, [A(3)])
  await w.ship(w.ids.two, 'JJD0000002')
  await w.call('scanning:scan', { orderId: w.ids.three, input: A(4) })
  return w
}

const unitId = (w: { sqlite: Database }, serial: string) =>
  (w.sqlite.prepare('select id from scanned_units where serial = ?').get(serial) as { id: string }).id

describe('checking a returned serial against the order it shipped in', () => {
  it('flags what was not shipped in the order, names the other order, and writes nothing', async () => {
    const w = await returnsWorld()
    const before = snapshot(w.sqlite)
    const check = (input: string, inParcel: string[] = []) => w.call('returns:check', { orderId: w.ids.one, input, inParcel })

    expect(await check(`${A(1)}\r\n`)).toEqual({
      serial: A(1),
      unitId: unitId(w, A(1)),
      flag: null,
      message: `${A(1)} shipped in this order`,
      words: { key: 'answers:returns.shippedHere', params: { serial: A(1) } },
      otherOrder: null
    })
    expect(await check(A(20))).toMatchObject({
      serial: A(20),
      unitId: unitId(w, A(2)),
      flag: null,
      message: `${A(20)} shipped in this order`,
      otherOrder: null
    })
    expect(await check(A(3))).toEqual({
      serial: A(3),
      unitId: null,
      flag: 'not_in_order',
      message: `Not in this order: ${A(3)} shipped in order SO-2`,
      words: { key: 'answers:returns.shippedElsewhere', params: { serial: A(3), orderNumber: 'SO-2', status: 'shipped' } },
      otherOrder: { id: w.ids.two, orderNumber: 'SO-2' }
    })
    expect(await check(A(4))).toMatchObject({ flag: 'not_in_order', message: `Not in this order: ${A(4)} is in order SO-3 (in progress)` })
    expect(await check(NEVER_SEEN)).toMatchObject({
      flag: 'unknown_serial',
      unitId: null,
      message: `Unknown: ${NEVER_SEEN} was never scanned at this station`
    })
    expect(await check('SN-ABC-12345')).toMatchObject({ flag: 'unknown_serial' })

    expect(snapshot(w.sqlite)).toEqual(before)
  })

  it('refuses a misread, the same unit twice (by either IMEI), and an order that has not shipped', async () => {
    const w = await returnsWorld()
    const before = snapshot(w.sqlite)
    const refused = (orderId: number, input: string, inParcel: string[] = []) =>
      w.refusal(w.call('returns:check', { orderId, input, inParcel }))

    const misread = await refused(w.ids.one, A(1).slice(0, 14) + ((Number(A(1)[14]) + 1) % 10))
    expect(misread.code).toBe('invalid_serial')
    expect(misread.message).toContain('check digit is wrong')
    expect((await refused(w.ids.one, ' \r\n')).message).toContain('Empty scan')
    expect((await refused(w.ids.one, 'x'.repeat(65))).message).toContain('Scan too long')
    expect((await refused(w.ids.one, A(1), [A(1)])).message).toBe(`${A(1)} is already in this parcel.`)
    expect((await refused(w.ids.one, A(20), [A(2)])).message).toBe(`${A(20)} is the other IMEI of ${A(2)}, already in this parcel.`)
    const notShipped = await refused(w.ids.three, A(4))
    expect(notShipped.code).toBe('not_shipped')
    expect(notShipped.message).toBe('Order SO-3 is in progress, not shipped: a return is scanned against the order it shipped in.')

    expect(snapshot(w.sqlite)).toEqual(before)
  })
})

describe('recording a return', () => {
  it('stores the parcel, its units with their flags and the return.received event in one go', async () => {
    const w = await returnsWorld()
    const record = await w.call('returns:record', { orderId: w.ids.one, serials: [A(1), `  ${A(3)}`, NEVER_SEEN], note: 'Box dented' })
    const at = w.clock().toISOString()
    expect(record).toEqual({
      id: expect.any(String),
      orderId: w.ids.one,
      receivedBy: 'Marek Nowak',
      receivedAt: at,
      note: 'Box dented',
      units: [
        { serial: A(1), unitId: unitId(w, A(1)), flag: null, flagMessage: null },
        { serial: A(3), unitId: null, flag: 'not_in_order', flagMessage: `Not in this order: ${A(3)} shipped in order SO-2` },
        {
          serial: NEVER_SEEN,
          unitId: null,
          flag: 'unknown_serial',
          flagMessage: `Unknown: ${NEVER_SEEN} was never scanned at this station`
        }
      ]
    })
    expect(w.sqlite.prepare('select id, order_id, received_by, received_at, note from returns').all()).toEqual([
      { id: record.id, order_id: w.ids.one, received_by: w.op.id, received_at: at, note: 'Box dented' }
    ])
    expect(w.sqlite.prepare('select return_id, serial, unit_id, flag from return_units order by id').all()).toEqual([
      { return_id: record.id, serial: A(1), unit_id: unitId(w, A(1)), flag: null },
      { return_id: record.id, serial: A(3), unit_id: null, flag: 'not_in_order' },
      { return_id: record.id, serial: NEVER_SEEN, unit_id: null, flag: 'unknown_serial' }
    ])
    const outbox = w.sqlite
      .prepare(
        "select o.payload, e.entity_id, e.operator_id from outbox o join events e on e.id = o.event_id where o.type = 'return.received'"
      )
      .all() as {
      payload: string
      entity_id: string
      operator_id: number
    }[]
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ entity_id: record.id, operator_id: w.op.id })
    expect(exportedEvents['return.received'].strict().parse(JSON.parse(outbox[0].payload))).toEqual({
      omsOrderId: 'OMS-1',
      orderNumber: 'SO-1',
      returnId: record.id,
      units: [
        { serial: A(1), unitId: unitId(w, A(1)), flag: null },
        { serial: A(3), unitId: null, flag: 'not_in_order' },
        { serial: NEVER_SEEN, unitId: null, flag: 'unknown_serial' }
      ]
    })
    // A return does not change the order's status: it stays shipped.
    expect((await w.call('orders:get', { orderId: w.ids.one })).status).toBe('shipped')
    expect(await w.call('returns:list', { orderId: w.ids.one })).toEqual([record])
    expect(await w.call('returns:list', { orderId: w.ids.two })).toEqual([])
  })

  it('flags a unit returned before as already_returned, by either of its IMEIs', async () => {
    const w = await returnsWorld()
    await w.call('returns:record', { orderId: w.ids.one, serials: [A(2)] })
    const firstAt = w.clock().toISOString().slice(0, 16).replace('T', ' ')
    w.time.advance(86_400_000)
    const again = await w.call('returns:check', { orderId: w.ids.one, input: A(20), inParcel: [] })
    expect(again).toMatchObject({
      flag: 'already_returned',
      unitId: unitId(w, A(2)),
      message: `Already returned: ${A(20)} came back on ${firstAt} (received by Marek Nowak)`
    })
    const second = await w.call('returns:record', { orderId: w.ids.one, serials: [A(2), A(1)] })
    expect(second.units.map((u) => u.flag)).toEqual(['already_returned', null])
    expect(count(w.sqlite, 'returns')).toBe(2)
  })

  it('refuses an empty parcel, a misread or a unit twice, and records nothing at all', async () => {
    const w = await returnsWorld()
    const before = snapshot(w.sqlite)
    const refused = (serials: string[], orderId = w.ids.one) => w.refusal(w.call('returns:record', { orderId, serials }))

    expect((await refused([])).message).toBe('Scan the returned units first: an empty return is not recorded.')
    expect((await refused([A(1), A(1).slice(0, 14)])).message).toContain('14-digit IMEI without check digit')
    expect((await refused([A(2), A(3), A(20)])).message).toBe(`${A(20)} is the other IMEI of ${A(2)}, already in this parcel.`)
    expect((await refused([A(4)], w.ids.three)).code).toBe('not_shipped')
    expect(snapshot(w.sqlite)).toEqual(before)

    await w.call('operators:signOut', {})
    const signedOut = snapshot(w.sqlite)
    expect((await refused([A(1)])).code).toBe('not_signed_in')
    expect(snapshot(w.sqlite)).toEqual(signedOut)
  })
})
