import { afterEach, describe, expect, it } from 'vitest'
import { getOrderDetail } from '../../src/main/core/orders/queries'
import { transitionOrder } from '../../src/main/core/orders/status'
import { confirmationBlockers, confirmPacking } from '../../src/main/core/packing/confirmPacking'
import { saveBox } from '../../src/main/core/packing/boxes'
import { scanUnit, type ScanCommit } from '../../src/main/core/scanning/scanUnit'
import { setSetting } from '../../src/main/core/settings/settings'
import {
  catchError,
  badImei,
  cleanup,
  count,
  createOperators,
  imei,
  importRecords,
  openTestStation,
  orderIdOf,
  orderRecord,
  snapshot,
  TAC_A,
  TAC_B,
  type TestStation
} from './helpers'

afterEach(cleanup)

const A1 = imei(`${TAC_A}000001`)
const A2 = imei(`${TAC_A}000002`)
const A3 = imei(`${TAC_A}000003`)
const B1 = imei(`${TAC_B}000001`)
const B2 = imei(`${TAC_B}000002`)
/** A TAC the catalogue does not know: the model cannot be told, so any IMEI line takes it. */
const UNKNOWN_TAC = imei('86000000000001')

type World = TestStation & {
  operatorId: number
  leadId: number
  ids: Record<'a2' | 'ab' | 'held' | 'cancelled' | 'tablet' | 'cable' | 'a1', number>
  scan: (orderId: number, input: string, orderLineId?: number) => ScanCommit
  save: (orderId: number) => ReturnType<typeof saveBox>
  lineId: (orderId: number, sku: string) => number
}

function world(): World {
  const t = openTestStation()
  const { lead, op } = createOperators(t)
  const summary = importRecords(t, [
    orderRecord(1, [{ sku: 'PHONE-A', quantity: 2 }]),
    orderRecord(2, [
      { sku: 'PHONE-A', quantity: 1 },
      { sku: 'PHONE-B', quantity: 1 }
    ]),
    orderRecord(3, [{ sku: 'PHONE-A', quantity: 1 }], { dispatch_after: '2026-11-22T06:00:00Z' }),
    orderRecord(4, [{ sku: 'PHONE-A', quantity: 1 }], { oms_status: 'cancelled' }),
    orderRecord(5, [{ sku: 'TABLET-S', quantity: 1 }]),
    orderRecord(6, [{ sku: 'CABLE-1M', quantity: 1 }]),
    orderRecord(7, [{ sku: 'PHONE-A', quantity: 1 }])
  ])
  expect(summary.failures).toEqual([])
  const ids = {
    a2: orderIdOf(t, 'OMS-1'),
    ab: orderIdOf(t, 'OMS-2'),
    held: orderIdOf(t, 'OMS-3'),
    cancelled: orderIdOf(t, 'OMS-4'),
    tablet: orderIdOf(t, 'OMS-5'),
    cable: orderIdOf(t, 'OMS-6'),
    a1: orderIdOf(t, 'OMS-7')
  }
  return {
    ...t,
    operatorId: op.id,
    leadId: lead.id,
    ids,
    scan: (orderId, input, orderLineId) =>
      scanUnit(t.db, t.clock, { prefixes: [], suffixes: [] }, { orderId, input, orderLineId, operatorId: op.id }),
    save: (orderId) => saveBox(t.db, t.clock, orderId, op.id),
    lineId: (orderId, sku) =>
      (t.sqlite.prepare('select id from order_lines where order_id = ? and sku = ?').get(orderId, sku) as { id: number }).id
  }
}

const status = (w: World, orderId: number) =>
  (w.sqlite.prepare('select status from orders where id = ?').get(orderId) as { status: string }).status

function expectAccepted(r: ScanCommit, serial: string) {
  expect(r).toMatchObject({ outcome: 'accepted', serial, message: `OK ${serial}` })
}

/** The scan is refused with this outcome and the database is byte-for-byte what it was. */
function expectRefused(
  w: World,
  orderId: number,
  input: string,
  outcome: ScanCommit['outcome'],
  message: RegExp | string,
  orderLineId?: number
) {
  const before = snapshot(w.sqlite)
  const r = w.scan(orderId, input, orderLineId)
  expect(r.outcome).toBe(outcome)
  if (typeof message === 'string') expect(r.message).toBe(message)
  else expect(r.message).toMatch(message)
  expect(snapshot(w.sqlite)).toEqual(before)
  return r
}

/** Scans, boxes and confirms order SO-1 (two A phones), then ships it. */
function shipOrderOne(w: World) {
  expectAccepted(w.scan(w.ids.a2, A1), A1)
  expectAccepted(w.scan(w.ids.a2, A2), A2)
  w.save(w.ids.a2)
  w.save(w.ids.a2)
  confirmPacking(w.db, w.clock, w.ids.a2, w.operatorId)
  const order = w.db.query.orders.findFirst({ where: (o, { eq }) => eq(o.id, w.ids.a2) }).sync()!
  transitionOrder(w.db, order, 'shipped', { operatorId: w.leadId, at: w.clock().toISOString() })
  expect(status(w, w.ids.a2)).toBe('shipped')
}

describe('an accepted scan', () => {
  it('commits the unit, bumps the line and moves a ready order to in_progress', () => {
    const w = world()
    expect(status(w, w.ids.a2)).toBe('ready')
    const line = w.lineId(w.ids.a2, 'PHONE-A')

    const r = w.scan(w.ids.a2, A1)
    expectAccepted(r, A1)
    expect(r.orderLineId).toBe(line)

    const unit = w.sqlite.prepare('select * from scanned_units where serial = ?').get(A1) as Record<string, unknown>
    expect(unit).toMatchObject({
      order_id: w.ids.a2,
      order_line_id: line,
      box_id: null,
      entry_method: 'scanned',
      scanned_by: w.operatorId,
      scanned_at: w.clock().toISOString(),
      removed_at: null
    })
    expect(unit.id).toMatch(/^[0-9a-f-]{36}$/)
    expect((w.sqlite.prepare('select scanned_quantity as n from order_lines where id = ?').get(line) as { n: number }).n).toBe(1)
    expect(status(w, w.ids.a2)).toBe('in_progress')
    const event = w.sqlite.prepare("select * from events where order_id = ? and type = 'order.in_progress'").get(w.ids.a2) as Record<
      string,
      unknown
    >
    expect(event).toMatchObject({ from_status: 'ready', to_status: 'in_progress', operator_id: w.operatorId, reason: 'first unit scanned' })
    expect(count(w.sqlite, 'outbox', "type = 'order.in_progress' and order_id = ?", w.ids.a2)).toBe(1)

    const detail = getOrderDetail(w.db, w.ids.a2)
    expect(detail.lines[0]).toMatchObject({ scanCount: 1, pendingCount: 1 })
    expect(detail.looseUnits.map((u) => u.serial)).toEqual([A1])
  })

  it('a second scan counts up without another status change', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.a2, A1), A1)
    expectAccepted(w.scan(w.ids.a2, A2), A2)
    expect(getOrderDetail(w.db, w.ids.a2).lines[0]).toMatchObject({ scanCount: 2, pendingCount: 0 })
    expect(count(w.sqlite, 'events', "type = 'order.in_progress'")).toBe(1)
    expect(count(w.sqlite, 'scanned_units', 'order_id = ?', w.ids.a2)).toBe(2)
  })

  it('strips scanner noise before storing the serial', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.a2, `]C1 ${A1}\r\n`), A1)
    expect(count(w.sqlite, 'scanned_units', 'serial = ?', A1)).toBe(1)
  })

  it('strips the configured scanner prefix and suffix', async () => {
    const w = world()
    setSetting(w.db, 'scannerAffixes', { prefixes: ['@@'], suffixes: ['##'] })
    const r = await w.handlers['operators:signIn']({ operatorId: w.operatorId })
    expect(r.id).toBe(w.operatorId)
    const result = await w.handlers['scanning:scan']({ orderId: w.ids.a2, input: `@@${A1}##\r`, entryMethod: 'scanned' })
    expect(result).toMatchObject({ outcome: 'accepted', serial: A1 })
    expect(count(w.sqlite, 'scanned_units', 'serial = ?', A1)).toBe(1)
  })

  it('puts the IMEI on the line of its model (TAC)', () => {
    const w = world()
    const r = w.scan(w.ids.ab, B1)
    expectAccepted(r, B1)
    expect(r.orderLineId).toBe(w.lineId(w.ids.ab, 'PHONE-B'))
    expect(w.scan(w.ids.ab, A1).orderLineId).toBe(w.lineId(w.ids.ab, 'PHONE-A'))
  })

  it('takes an IMEI whose TAC the catalogue does not know', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.a2, UNKNOWN_TAC), UNKNOWN_TAC)
  })

  it('accepts a serial that matches the product pattern', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.tablet, 'DMPXK2ABCD12'), 'DMPXK2ABCD12')
  })
})

describe('every refusal leaves the database unchanged', () => {
  it.each([
    ['a wrong check digit', badImei(`${TAC_A}000001`), /check digit is wrong/],
    ['14 digits', `${TAC_A}000001`, /14-digit/],
    ['a 16-digit IMEISV', `${A1}7`, /IMEISV/],
    ['letters', `${TAC_A}00000A1`, /"A" is not a digit/],
    ['an empty scan', '', 'Empty scan'],
    ['only whitespace and control characters', ' \r\n\t\u0000', 'Empty scan'],
    ['more than 64 characters', '1'.repeat(65), /too long/],
    ['a serial instead of an IMEI', 'DMPXK2ABCD12', /not a digit/]
  ])('invalid IMEI: %s', (_name, input, message) => {
    const w = world()
    const r = expectRefused(w, w.ids.a2, input, 'invalid_serial', message)
    expect(r.serial).toBeNull()
    expect(status(w, w.ids.a2)).toBe('ready')
  })

  it.each([
    ['lower case', 'dmpxk2abcd12', /does not match/],
    ['too short', 'ABC123', /does not match/],
    ['a bad character', 'DMPXK2#BCD12', /"#"/]
  ])('invalid serial: %s', (_name, input, message) => {
    const w = world()
    expectRefused(w, w.ids.tablet, input, 'invalid_serial', message)
  })

  it('a format character (RLO) around a valid IMEI is refused as an invalid serial, not stripped', () => {
    const w = world()
    const rlo = 'Scan contains U+202E (a hidden text-direction character): rescan the label'
    const r = expectRefused(w, w.ids.a2, `\u202e${A1}\u202c\r\n`, 'invalid_serial', rlo)
    expect(r.serial).toBeNull()
    expect(status(w, w.ids.a2)).toBe('ready')
    // In a multi-serial code the whole code is refused, the clean part included.
    expectRefused(w, w.ids.a2, `${A2}\n\u200b${A1}`, 'invalid_serial', /^Code part 2 of 2: Scan contains U\+200B/)
    expect(count(w.sqlite, 'scanned_units')).toBe(0)
  })

  it('duplicate in this order, not yet in a box', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.a2, A1), A1)
    const r = expectRefused(w, w.ids.a2, A1, 'duplicate', `Already scanned: ${A1} is in this order, not yet in a box`)
    expect(r.serial).toBe(A1)
  })

  it('duplicate in this order, in box 1', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.a2, A1), A1)
    w.save(w.ids.a2)
    expectRefused(w, w.ids.a2, A1, 'duplicate', `Already scanned: ${A1} is in this order, box 1`)
  })

  it('duplicate in another open order names that order', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.a1, A1), A1)
    expectRefused(w, w.ids.a2, A1, 'duplicate', `Already scanned: ${A1} is in order SO-7, not yet in a box`)
    w.save(w.ids.a1)
    expectRefused(w, w.ids.a2, A1, 'duplicate', `Already scanned: ${A1} is in order SO-7, box 1`)
  })

  it('duplicate of a unit shipped in another order names the order and box', () => {
    const w = world()
    shipOrderOne(w)
    expectRefused(w, w.ids.a1, A2, 'duplicate', `Already shipped: ${A2} is in order SO-1, box 1`)
  })

  it('a dirty scan of a duplicate is still a duplicate', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.a2, A1), A1)
    expectRefused(w, w.ids.a1, `\t${A1}\r\n`, 'duplicate', /is in order SO-1/)
  })

  it('order on hold (says until when)', () => {
    const w = world()
    expectRefused(w, w.ids.held, A1, 'order_not_open', 'Order SO-3 is on hold (dispatch after 2026-11-22 06:00): no scanning')
  })

  it('order cancelled', () => {
    const w = world()
    expectRefused(w, w.ids.cancelled, A1, 'order_not_open', 'Order SO-4 is cancelled: no scanning')
  })

  it('order packed', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.a1, A1), A1)
    w.save(w.ids.a1)
    w.save(w.ids.a1)
    confirmPacking(w.db, w.clock, w.ids.a1, w.operatorId)
    expect(status(w, w.ids.a1)).toBe('packed')
    expectRefused(w, w.ids.a1, A2, 'order_not_open', 'Order SO-7 is packed: no scanning')
  })

  it('order shipped', () => {
    const w = world()
    shipOrderOne(w)
    expectRefused(w, w.ids.a2, A3, 'order_not_open', 'Order SO-1 is shipped: no scanning')
  })

  it('over-scan of a complete line', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.a2, A1), A1)
    expectAccepted(w.scan(w.ids.a2, A2), A2)
    const r = expectRefused(w, w.ids.a2, A3, 'over_scan', /Over-scan: .*complete \(2 of 2 scanned\)/)
    expect(r.orderLineId).toBe(w.lineId(w.ids.a2, 'PHONE-A'))
  })

  it('over-scan of the line of the scanned model while another line is still open', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.ab, B1), B1)
    expectRefused(w, w.ids.ab, B2, 'over_scan', /1 of 1 scanned/)
  })

  it('wrong model (TAC) for the order', () => {
    const w = world()
    expectRefused(w, w.ids.a2, B1, 'wrong_item', `Wrong model: ${B1} is Phone B 64GB, not Product PHONE-A`)
  })

  it('wrong model (TAC) for the chosen line', () => {
    const w = world()
    const lineA = w.lineId(w.ids.ab, 'PHONE-A')
    expectRefused(w, w.ids.ab, B1, 'wrong_item', `Wrong model: ${B1} is Phone B 64GB, not Product PHONE-A`, lineA)
  })

  it('an order without a serialized line', () => {
    const w = world()
    expectRefused(w, w.ids.cable, A1, 'wrong_item', 'Order SO-6 has no serialized line to scan into')
  })

  it('an unknown order is refused with not_found and writes nothing', () => {
    const w = world()
    const before = snapshot(w.sqlite)
    expect(catchError(() => w.scan(9999, A1)).code).toBe('not_found')
    expect(snapshot(w.sqlite)).toEqual(before)
  })

  it('a line of another order is refused with not_found and writes nothing', () => {
    const w = world()
    const before = snapshot(w.sqlite)
    expect(catchError(() => w.scan(w.ids.a2, A1, w.lineId(w.ids.ab, 'PHONE-A'))).code).toBe('not_found')
    expect(snapshot(w.sqlite)).toEqual(before)
  })
})

describe('boxes', () => {
  it('Save puts the loose units into box 1, Save again confirms it', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.a2, A1), A1)
    expectAccepted(w.scan(w.ids.a2, A2), A2)

    const saved = w.save(w.ids.a2)
    expect(saved).toMatchObject({ action: 'box_saved', boxNumber: 1, message: 'Box 1 saved with 2 units: press Save again to confirm' })
    let detail = getOrderDetail(w.db, w.ids.a2)
    expect(detail.looseUnits).toEqual([])
    expect(detail.boxes).toHaveLength(1)
    expect(detail.boxes[0]).toMatchObject({ number: 1, status: 'saved', unitCount: 2, confirmedAt: null })
    expect(detail.boxes[0].units.map((u) => u.serial).sort()).toEqual([A1, A2].sort())
    expect(count(w.sqlite, 'events', "type = 'box.saved'")).toBe(1)
    expect(count(w.sqlite, 'outbox', "type = 'box.confirmed'")).toBe(0)

    w.time.advance(5000)
    const confirmed = w.save(w.ids.a2)
    expect(confirmed).toMatchObject({ action: 'box_confirmed', boxNumber: 1, message: 'Box 1 confirmed (2 units)' })
    detail = getOrderDetail(w.db, w.ids.a2)
    expect(detail.boxes[0]).toMatchObject({ status: 'confirmed', confirmedAt: w.clock().toISOString() })
    const outbox = w.sqlite.prepare("select payload from outbox where type = 'box.confirmed'").get() as { payload: string }
    const payload = JSON.parse(outbox.payload)
    expect(payload).toMatchObject({ omsOrderId: 'OMS-1', boxNumber: 1, boxId: detail.boxes[0].id })
    expect(payload.units.map((u: { serial: string }) => u.serial).sort()).toEqual([A1, A2].sort())
  })

  it('units scanned after a box go into box 2', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.a2, A1), A1)
    w.save(w.ids.a2)
    w.save(w.ids.a2)
    expectAccepted(w.scan(w.ids.a2, A2), A2)
    expect(w.save(w.ids.a2)).toMatchObject({ action: 'box_saved', boxNumber: 2, message: expect.stringContaining('1 unit:') })
    const detail = getOrderDetail(w.db, w.ids.a2)
    expect(detail.boxes.map((b) => [b.number, b.units.map((u) => u.serial)])).toEqual([
      [1, [A1]],
      [2, [A2]]
    ])
  })

  it('Save with nothing scanned refuses with nothing_to_save and writes nothing', () => {
    const w = world()
    const before = snapshot(w.sqlite)
    const error = catchError(() => w.save(w.ids.a2))
    expect(error.code).toBe('nothing_to_save')
    expect(snapshot(w.sqlite)).toEqual(before)
  })

  it('Save after the last box was confirmed, with nothing new, refuses', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.a2, A1), A1)
    w.save(w.ids.a2)
    w.save(w.ids.a2)
    const before = snapshot(w.sqlite)
    expect(catchError(() => w.save(w.ids.a2)).code).toBe('nothing_to_save')
    expect(snapshot(w.sqlite)).toEqual(before)
  })

  it('Save on an order that is not open refuses', () => {
    const w = world()
    const before = snapshot(w.sqlite)
    expect(catchError(() => w.save(w.ids.cancelled)).code).toBe('order_not_open')
    expect(catchError(() => w.save(w.ids.held)).code).toBe('order_not_open')
    expect(catchError(() => w.save(9999)).code).toBe('not_found')
    expect(snapshot(w.sqlite)).toEqual(before)
  })
})

describe('packing confirmation', () => {
  it('refuses an incomplete order with cannot_confirm and writes nothing', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.a2, A1), A1)
    w.save(w.ids.a2)
    w.save(w.ids.a2)
    const before = snapshot(w.sqlite)
    const error = catchError(() => confirmPacking(w.db, w.clock, w.ids.a2, w.operatorId))
    expect(error.code).toBe('cannot_confirm')
    expect(error.message).toContain('Order SO-1 cannot be confirmed')
    expect(error.message).toContain('1 of 2 scanned')
    expect(snapshot(w.sqlite)).toEqual(before)
  })

  it('refuses while units are loose or a box is only saved', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.a1, A1), A1)
    expect(catchError(() => confirmPacking(w.db, w.clock, w.ids.a1, w.operatorId)).message).toMatch(/not in a box yet/)
    w.save(w.ids.a1)
    expect(catchError(() => confirmPacking(w.db, w.clock, w.ids.a1, w.operatorId)).message).toMatch(
      /Box 1 is open \(saved, not confirmed\)/
    )
    expect(status(w, w.ids.a1)).toBe('in_progress')
  })

  it('refuses an order with nothing scanned and a cancelled order', () => {
    const w = world()
    expect(catchError(() => confirmPacking(w.db, w.clock, w.ids.a1, w.operatorId)).message).toMatch(/Nothing has been scanned/)
    expect(catchError(() => confirmPacking(w.db, w.clock, w.ids.cancelled, w.operatorId)).message).toMatch(/The order is cancelled/)
  })

  it('confirms a complete order: packed, logged, and queued as order.packed', () => {
    const w = world()
    expectAccepted(w.scan(w.ids.a2, A1), A1)
    expectAccepted(w.scan(w.ids.a2, A2), A2)
    w.save(w.ids.a2)
    w.save(w.ids.a2)
    expect(confirmationBlockers(getOrderDetail(w.db, w.ids.a2))).toEqual([])
    w.time.advance(60_000)
    confirmPacking(w.db, w.clock, w.ids.a2, w.operatorId)

    expect(status(w, w.ids.a2)).toBe('packed')
    const event = w.sqlite.prepare("select * from events where order_id = ? and type = 'order.packed'").get(w.ids.a2) as Record<
      string,
      unknown
    >
    expect(event).toMatchObject({ from_status: 'in_progress', to_status: 'packed', operator_id: w.operatorId, at: w.clock().toISOString() })
    const outbox = w.sqlite.prepare("select * from outbox where type = 'order.packed'").all() as {
      payload: string
      event_id: string
      order_id: number
    }[]
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ event_id: event.id, order_id: w.ids.a2 })
    const payload = JSON.parse(outbox[0].payload)
    expect(payload).toMatchObject({ omsOrderId: 'OMS-1', from: 'in_progress', to: 'packed' })
    expect(payload.boxes).toHaveLength(1)
    expect(payload.boxes[0].serials.sort()).toEqual([A1, A2].sort())

    const again = catchError(() => confirmPacking(w.db, w.clock, w.ids.a2, w.operatorId))
    expect(again.code).toBe('cannot_confirm')
    expect(catchError(() => w.save(w.ids.a2)).code).toBe('order_not_open')
  })
})
