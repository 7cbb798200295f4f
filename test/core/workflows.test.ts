// The packing workflows of issue 3 through the station's handlers, on a real
// SQLite file: dual-IMEI pairing, multi-serial codes, the hand-entry policy,
// non-serialized units, Distribution Scan boxes, reopen / remove / void,
// unpacking a cancelled order, holds, and shipping short.
import { afterEach, describe, expect, it } from 'vitest'
import { exportedEvents, isExportedEventType } from '../../src/main/core/events/exported'
import { applyOmsCancel } from './workflowHelpers'
import {
  catchError,
  cleanup,
  count,
  createOperators,
  imei,
  importRecords,
  openTestStation,
  orderIdOf,
  orderRecord,
  snapshot,
  TAC_A
} from './helpers'

afterEach(cleanup)

/** A handler call that may be sync or async, as a promise (so `rejects` sees a thrown refusal). */
const settle = (fn: () => unknown) => Promise.resolve().then(fn)

const TAC_DUAL = '35123456'
const DUAL = {
  sku: 'DUAL-1',
  name: 'Dual SIM phone',
  serialized: true,
  condition: 'used',
  serial_kind: 'imei',
  imeis_per_unit: 2,
  tacs: [TAC_DUAL]
}
const NEWPHONE = { sku: 'NEW-A', name: 'Phone A new', serialized: true, condition: 'new', serial_kind: 'imei', tacs: ['35999911'] }
const A = (n: number) => imei(`${TAC_A}${String(n).padStart(6, '0')}`)
const D = (n: number) => imei(`${TAC_DUAL}${String(n).padStart(6, '0')}`)
const N = (n: number) => imei(`35999911${String(n).padStart(6, '0')}`)
const LEAD = { badgeCode: 'OP-9001', pin: '1234' }

async function world() {
  const t = openTestStation()
  const { lead, op } = createOperators(t)
  const { allProducts } = await import('./helpers')
  const summary = importRecords(
    t,
    [
      orderRecord(1, [{ sku: 'PHONE-A', quantity: 3 }]),
      orderRecord(2, [{ sku: 'DUAL-1', quantity: 2 }]),
      orderRecord(3, [
        { sku: 'PHONE-A', quantity: 1 },
        { sku: 'CABLE-1M', quantity: 3, serialized: false }
      ]),
      orderRecord(4, [{ sku: 'NEW-A', quantity: 4, condition: 'new' }]),
      orderRecord(5, [{ sku: 'PHONE-A', quantity: 4 }], { order_type: 'bulk', fulfilment_type: 'partial' }),
      orderRecord(6, [{ sku: 'PHONE-A', quantity: 4 }], { order_type: 'bulk', fulfilment_type: 'block_complete' })
    ],
    [...allProducts(), DUAL, NEWPHONE]
  )
  expect(summary.failures).toEqual([])
  await t.handlers['operators:signIn']({ operatorId: op.id })
  const id = (n: number) => orderIdOf(t, `OMS-${n}`)
  const h = t.handlers
  const scan = (orderId: number, input: string, more: Record<string, unknown> = {}) =>
    h['scanning:scan']({ orderId, input, entryMethod: 'scanned', ...more } as never)
  /** The order as a screen fetches it when it opens. */
  const order = (orderId: number) => h['orders:get']({ orderId })
  return { ...t, lead, op, id, h, scan, order }
}

describe('dual-IMEI devices', () => {
  it('IMEI 1 waits for IMEI 2 without writing; the pair is one unit; either IMEI finds it', async () => {
    const w = await world()
    const before = snapshot(w.sqlite)
    const first = await w.scan(w.id(2), D(1))
    expect(first).toMatchObject({ outcome: 'awaiting_imei2', units: 0, awaiting: { firstImei: D(1) } })
    expect(snapshot(w.sqlite)).toEqual(before)
    const second = await w.scan(w.id(2), D(2), { firstImei: D(1) })
    expect(second).toMatchObject({ outcome: 'accepted', units: 1, message: `OK ${D(1)} + ${D(2)}` })
    expect(w.sqlite.prepare('select serial, serial2 from scanned_units').all()).toEqual([{ serial: D(1), serial2: D(2) }])
    expect((await w.order(w.id(2))).lines[0]).toMatchObject({ scanCount: 1, pendingCount: 1 })
    // Either IMEI is now a duplicate, alone or as IMEI 1 of another device.
    expect((await w.scan(w.id(2), D(2))).outcome).toBe('duplicate')
    expect((await w.scan(w.id(2), D(1))).outcome).toBe('duplicate')
    const found = await w.h['orders:list']({ query: D(2) })
    expect(found.orders.map((o) => o.orderNumber)).toEqual(['SO-2'])
  })

  it('one 2D code holding both IMEIs is one unit', async () => {
    const w = await world()
    const r = await w.scan(w.id(2), `${D(3)}\n${D(4)}\r`)
    expect(r).toMatchObject({ outcome: 'accepted', units: 1 })
    expect(count(w.sqlite, 'scanned_units', 'serial = ? and serial2 = ?', D(3), D(4))).toBe(1)
  })

  it('refuses IMEI 1 again as IMEI 2, and an IMEI 2 of another model, writing nothing', async () => {
    const w = await world()
    await w.scan(w.id(2), D(5))
    const before = snapshot(w.sqlite)
    expect(await w.scan(w.id(2), D(5), { firstImei: D(5) })).toMatchObject({
      outcome: 'duplicate',
      message: expect.stringContaining('IMEI 1 again')
    })
    expect(await w.scan(w.id(2), A(1), { firstImei: D(5) })).toMatchObject({
      outcome: 'wrong_item',
      message: expect.stringContaining('Wrong model')
    })
    expect(snapshot(w.sqlite)).toEqual(before)
  })
})

describe('multi-serial codes', () => {
  it('N serials in one code (newline, comma, semicolon, GS) become N units', async () => {
    const w = await world()
    const r = await w.scan(w.id(1), `${A(1)},${A(2)};${A(3)}`)
    expect(r).toMatchObject({ outcome: 'accepted', units: 3, message: 'OK: 3 units from one code' })
    expect(count(w.sqlite, 'scanned_units')).toBe(3)
    const w2 = await world()
    expect((await w2.scan(w2.id(1), `${A(4)}\u001d${A(5)}\n`)).units).toBe(2)
  })

  it('one bad serial refuses the whole code and names its place; nothing is written', async () => {
    const w = await world()
    const before = snapshot(w.sqlite)
    const bad = A(2).slice(0, 14) + String((Number(A(2)[14]) + 1) % 10)
    const r = await w.scan(w.id(1), `${A(1)}\n${bad}\n${A(3)}`)
    expect(r).toMatchObject({ outcome: 'invalid_serial', units: 0, message: expect.stringContaining('Code part 2 of 3') })
    expect(snapshot(w.sqlite)).toEqual(before)
  })

  it('a code with more units than the line still needs is an over-scan; a serial twice in one code is a duplicate', async () => {
    const w = await world()
    const before = snapshot(w.sqlite)
    expect((await w.scan(w.id(1), [A(1), A(2), A(3), A(4)].join('\n'))).outcome).toBe('over_scan')
    expect((await w.scan(w.id(1), `${A(1)}\n${A(1)}`)).outcome).toBe('duplicate')
    expect(snapshot(w.sqlite)).toEqual(before)
  })
})

describe('hand-entry policy', () => {
  const policy = async (w: Awaited<ReturnType<typeof world>>, handEntryPolicy: 'allowed' | 'approval' | 'refused') => {
    // The operator stays signed in: the shift lead approves the change with badge and PIN.
    await w.h['settings:saveStation']({ handEntryPolicy, feedbackVolume: 0.5, operatorSignInPin: false, approval: LEAD })
  }

  it('allowed: the unit records it was typed', async () => {
    const w = await world()
    expect((await w.scan(w.id(1), A(1), { entryMethod: 'typed' })).outcome).toBe('accepted')
    expect(w.sqlite.prepare('select entry_method from scanned_units').get()).toEqual({ entry_method: 'typed' })
  })

  it('refused: a typed serial is refused and nothing is written; a scanned one is fine', async () => {
    const w = await world()
    await policy(w, 'refused')
    const before = snapshot(w.sqlite)
    expect((await w.scan(w.id(1), A(1), { entryMethod: 'typed' })).outcome).toBe('hand_entry_refused')
    expect(snapshot(w.sqlite)).toEqual(before)
    expect((await w.scan(w.id(1), A(1))).outcome).toBe('accepted')
  })

  it('approval: asks for a shift lead; a wrong PIN is refused and counted; the right PIN commits and logs the approver', async () => {
    const w = await world()
    await policy(w, 'approval')
    expect((await w.scan(w.id(1), A(1), { entryMethod: 'typed' })).outcome).toBe('approval_required')
    expect(count(w.sqlite, 'scanned_units')).toBe(0)
    const wrong = await Promise.resolve()
      .then(() => w.scan(w.id(1), A(1), { entryMethod: 'typed', approval: { badgeCode: 'OP-9001', pin: '9999' } }))
      .catch((e) => e)
    expect(wrong).toMatchObject({ code: 'wrong_pin' })
    expect(count(w.sqlite, 'scanned_units')).toBe(0)
    expect(w.sqlite.prepare("select failed_pin_attempts n from operators where badge_code = 'OP-9001'").get()).toEqual({ n: 1 })
    const ok = await w.scan(w.id(1), A(1), { entryMethod: 'typed', approval: LEAD })
    expect(ok.outcome).toBe('accepted')
    expect(count(w.sqlite, 'events', "type = 'unit.hand_entry_approved'")).toBe(1)
    expect(w.sqlite.prepare('select entry_method from scanned_units').get()).toEqual({ entry_method: 'typed' })
  })
})

describe('non-serialized units', () => {
  it('each product barcode scan adds one; a quantity adds many; over-scan and foreign barcodes are refused', async () => {
    const w = await world()
    const order = w.id(3)
    const r = await w.h['scanning:addUnits']({ orderId: order, barcode: '4006381333931\r' })
    expect(r).toMatchObject({ outcome: 'accepted', units: 1 })
    const cable = (await w.order(order)).lines.find((l) => l.sku === 'CABLE-1M')!
    const before = snapshot(w.sqlite)
    expect((await w.h['scanning:addUnits']({ orderId: order, orderLineId: cable.id, quantity: 3 })).outcome).toBe('over_scan')
    expect((await w.h['scanning:addUnits']({ orderId: order, barcode: '4006381333948' })).outcome).toBe('wrong_item')
    expect(snapshot(w.sqlite)).toEqual(before)
    const q = await w.h['scanning:addUnits']({ orderId: order, orderLineId: cable.id, quantity: 2 })
    expect(q.change.lines).toEqual([expect.objectContaining({ id: cable.id, scanCount: 3, pendingCount: 0 })])
    expect(q.change.added).toHaveLength(2)
    expect(count(w.sqlite, 'scanned_units', 'serial is null')).toBe(3)
  })

  it('a mixed order confirms once the serialized and non-serialized lines are complete', async () => {
    const w = await world()
    const order = w.id(3)
    await w.scan(order, A(9))
    const cable = (await w.h['orders:get']({ orderId: order })).lines.find((l) => !l.serialized)!
    await w.h['scanning:addUnits']({ orderId: order, orderLineId: cable.id, quantity: 3 })
    await w.h['packing:save']({ orderId: order })
    await w.h['packing:save']({ orderId: order })
    expect((await w.h['packing:confirm']({ orderId: order })).status).toBe('packed')
  })
})

describe('Distribution Scan boxes', () => {
  it('a box of new units is confirmed with dimensions (preset or custom) and a weight within the preset', async () => {
    const w = await world()
    const order = w.id(4)
    const presets = await w.h['presets:list']({})
    const small = presets.find((p) => p.name === 'Phone S')!
    await w.scan(order, N(1))
    await w.scan(order, N(2))
    expect((await w.h['packing:save']({ orderId: order })).action).toBe('box_saved')
    const before = snapshot(w.sqlite)
    await expect(settle(() => w.h['packing:save']({ orderId: order }))).rejects.toMatchObject({ code: 'dimensions_required' })
    await expect(
      settle(() => w.h['packing:save']({ orderId: order, presetId: small.id, weightG: small.maxWeightG + 1 }))
    ).rejects.toMatchObject({ code: 'too_heavy' })
    expect(snapshot(w.sqlite)).toEqual(before)
    const done = await w.h['packing:save']({ orderId: order, presetId: small.id, weightG: 450 })
    expect(done.action).toBe('box_confirmed')
    expect((await w.order(order)).boxes[0]).toMatchObject({
      presetName: 'Phone S',
      lengthMm: 200,
      widthMm: 150,
      heightMm: 100,
      weightG: 450
    })
    await w.scan(order, N(3))
    await w.h['packing:save']({ orderId: order })
    const custom = await w.h['packing:save']({ orderId: order, dimensionsMm: { length: 310, width: 220, height: 90 } })
    expect(custom.change.boxes).toHaveLength(1)
    expect(custom.change.boxes[0]).toMatchObject({ number: 2, presetName: null, lengthMm: 310, weightG: null })
    const payload = JSON.parse(
      (w.sqlite.prepare("select payload from outbox where type = 'box.confirmed' order by rowid").get() as { payload: string }).payload
    )
    expect(payload).toMatchObject({
      boxNumber: 1,
      presetName: 'Phone S',
      dimensionsMm: { length: 200, width: 150, height: 100 },
      weightG: 450
    })
    expect(payload.units.map((u: { serial: string }) => u.serial)).toEqual([N(1), N(2)])
  })
})

describe('reopen, remove a unit, void a box', () => {
  async function boxed() {
    const w = await world()
    const order = w.id(1)
    await w.scan(order, A(1))
    await w.scan(order, A(2))
    await w.h['packing:save']({ orderId: order })
    await w.h['packing:save']({ orderId: order })
    return { w, order, box: (await w.order(order)).boxes[0] }
  }

  it('reopen a confirmed box, add a unit to it, confirm it again', async () => {
    const { w, order, box } = await boxed()
    const r = await w.h['packing:reopenBox']({ orderId: order, boxId: box.id })
    expect(r.change.boxes.map((b) => [b.id, b.status])).toEqual([[box.id, 'saved']])
    await w.scan(order, A(3))
    const added = await w.h['packing:save']({ orderId: order })
    expect(added).toMatchObject({ action: 'box_saved', boxNumber: 1 })
    await w.h['packing:save']({ orderId: order })
    expect((await w.order(order)).boxes[0]).toMatchObject({ status: 'confirmed', unitCount: 3 })
    expect(count(w.sqlite, 'outbox', "type = 'box.reopened'")).toBe(1)
  })

  it('removing a unit needs a shift lead and a reason, needs the box open, and frees the serial', async () => {
    const { w, order, box } = await boxed()
    const unit = box.units[0]
    const before = snapshot(w.sqlite)
    expect(
      catchError(() => w.h['packing:removeUnit']({ orderId: order, unitId: unit.id, reason: 'screen cracked', approval: LEAD }))
    ).toMatchObject({ code: 'box_confirmed' })
    expect(
      catchError(() =>
        w.h['packing:removeUnit']({
          orderId: order,
          unitId: unit.id,
          reason: 'screen cracked',
          approval: { badgeCode: 'OP-1001', pin: '1234' }
        })
      )
    ).toMatchObject({ code: 'shift_lead_only' })
    expect(snapshot(w.sqlite)).toEqual(before)
    await w.h['packing:reopenBox']({ orderId: order, boxId: box.id })
    const r = await w.h['packing:removeUnit']({ orderId: order, unitId: unit.id, reason: 'screen cracked', approval: LEAD })
    expect(r.change).toMatchObject({ removed: [unit.id], boxes: [{ id: box.id, unitCount: 1 }] })
    expect(r.change.lines).toEqual([expect.objectContaining({ scanCount: 1, pendingCount: 2 })])
    expect((await w.order(order)).boxes[0].unitCount).toBe(1)
    expect(w.sqlite.prepare('select removal, removal_reason from scanned_units where id = ?').get(unit.id)).toEqual({
      removal: 'removed',
      removal_reason: 'screen cracked'
    })
    const event = w.sqlite.prepare("select payload from outbox where type = 'unit.removed'").get() as { payload: string }
    expect(JSON.parse(event.payload)).toMatchObject({
      reason: 'screen cracked',
      approvedBy: { name: 'Dana Whitfield' },
      unit: { serial: unit.serial }
    })
    // The serial can be scanned again (into this order or another).
    expect((await w.scan(order, unit.serial!)).outcome).toBe('accepted')
  })

  it('voiding a box frees all its units and keeps them as history', async () => {
    const { w, order, box } = await boxed()
    const r = await w.h['packing:voidBox']({ orderId: order, boxId: box.id, reason: 'box damaged', approval: LEAD })
    expect(r.change.boxes).toEqual([expect.objectContaining({ status: 'voided', unitCount: 0 })])
    expect(r.change.removed).toHaveLength(2)
    expect(r.change.lines[0].scanCount).toBe(0)
    expect((await w.order(order)).boxes[0]).toMatchObject({ status: 'voided', unitCount: 0 })
    expect(count(w.sqlite, 'scanned_units', "removal = 'box_voided'")).toBe(2)
    expect((await w.scan(order, A(1))).outcome).toBe('accepted')
    expect(catchError(() => w.h['packing:voidBox']({ orderId: order, boxId: box.id, reason: 'again', approval: LEAD }))).toMatchObject({
      code: 'box_voided'
    })
  })
})

describe('cancelled orders', () => {
  it('refuse scanning and confirmation; each unit is unpacked by scanning it, and recorded', async () => {
    const w = await world()
    const order = w.id(1)
    await w.scan(order, A(1))
    await w.scan(order, A(2))
    await w.h['packing:save']({ orderId: order })
    applyOmsCancel(w, order)
    expect((await w.scan(order, A(3))).outcome).toBe('order_not_open')
    await expect(settle(() => w.h['packing:confirm']({ orderId: order }))).rejects.toMatchObject({ code: 'cannot_confirm' })
    const before = snapshot(w.sqlite)
    expect(catchError(() => w.h['packing:unpack']({ orderId: order, serial: A(7) }))).toMatchObject({ code: 'not_in_order' })
    expect(snapshot(w.sqlite)).toEqual(before)
    const r = await w.h['packing:unpack']({ orderId: order, serial: `${A(1)}\r` })
    expect(r.remaining).toBe(1)
    expect(count(w.sqlite, 'outbox', "type = 'order.unpacked_after_cancel'")).toBe(1)
    expect((await w.h['packing:unpack']({ orderId: order, serial: A(2) })).remaining).toBe(0)
    expect(count(w.sqlite, 'scanned_units', "removal = 'unpacked_after_cancel'")).toBe(2)
  })
})

describe('holds set and released by a shift lead', () => {
  it('a manual hold does not release by itself; a release needs a shift lead; the OMS hold only the OMS releases', async () => {
    const w = await world()
    const order = w.id(1)
    const held = await w.h['orders:hold']({ orderId: order, reason: 'customer called', approval: LEAD })
    expect(held.status).toBe('on_hold')
    w.time.advance(3600_000)
    expect((await w.h['orders:get']({ orderId: order })).status).toBe('on_hold')
    expect((await w.scan(order, A(1))).outcome).toBe('order_not_open')
    const released = await w.h['orders:release']({ orderId: order, reason: 'sorted out', approval: LEAD })
    expect(released.status).toBe('ready')
    expect(released.events.at(-1)?.reason).toContain('released by Dana Whitfield: sorted out')
  })
})

describe('Packing Confirmation rules', () => {
  async function partly(n: 5 | 6) {
    const w = await world()
    const order = w.id(n)
    await w.scan(order, A(n * 10 + 1))
    await w.scan(order, A(n * 10 + 2))
    await w.h['packing:save']({ orderId: order })
    await w.h['packing:save']({ orderId: order })
    return { w, order }
  }

  it('a bulk partial order ships short with a shift lead, and reports the remainder', async () => {
    const { w, order } = await partly(5)
    const view = await w.h['packing:confirmation']({ orderId: order })
    expect(view).toMatchObject({ canConfirm: false, shortShipment: { allowed: true } })
    const before = snapshot(w.sqlite)
    await expect(settle(() => w.h['packing:confirm']({ orderId: order }))).rejects.toMatchObject({ code: 'cannot_confirm' })
    expect(snapshot(w.sqlite)).toEqual(before)
    const packed = await w.h['packing:confirm']({ orderId: order, short: { approval: LEAD, remainder: 'open' } })
    expect(packed.status).toBe('packed')
    const payload = JSON.parse(
      (w.sqlite.prepare("select payload from outbox where type = 'order.packed'").get() as { payload: string }).payload
    )
    expect(payload.short).toMatchObject({ remainder: 'open', approvedBy: { name: 'Dana Whitfield' }, lines: [{ ordered: 4, packed: 2 }] })
  })

  it('a block_complete order never ships short, whoever approves', async () => {
    const { w, order } = await partly(6)
    expect((await w.h['packing:confirmation']({ orderId: order })).shortShipment).toMatchObject({
      allowed: false,
      why: expect.stringContaining('block complete')
    })
    const before = snapshot(w.sqlite)
    await expect(
      settle(() => w.h['packing:confirm']({ orderId: order, short: { approval: LEAD, remainder: 'closed' } }))
    ).rejects.toMatchObject({ code: 'cannot_ship_short' })
    expect(snapshot(w.sqlite)).toEqual(before)
  })

  it('a normal order never ships short', async () => {
    const w = await world()
    const order = w.id(1)
    await w.scan(order, A(1))
    await w.h['packing:save']({ orderId: order })
    await w.h['packing:save']({ orderId: order })
    await expect(
      settle(() => w.h['packing:confirm']({ orderId: order, short: { approval: LEAD, remainder: 'closed' } }))
    ).rejects.toMatchObject({ code: 'cannot_ship_short' })
  })
})

describe('exported events', () => {
  it('every outbox payload written by these workflows matches its documented schema', async () => {
    const w = await world()
    const order = w.id(1)
    await w.scan(order, A(1))
    await w.h['packing:save']({ orderId: order })
    await w.h['packing:save']({ orderId: order })
    const box = (await w.order(order)).boxes[0]
    await w.h['packing:reopenBox']({ orderId: order, boxId: box.id })
    await w.h['packing:removeUnit']({ orderId: order, unitId: box.units[0].id, reason: 'wrong colour', approval: LEAD })
    await w.scan(order, A(2))
    await w.h['packing:save']({ orderId: order })
    await w.h['packing:voidBox']({ orderId: order, boxId: box.id, reason: 'damaged', approval: LEAD })
    const rows = w.sqlite.prepare('select type, payload from outbox').all() as { type: string; payload: string }[]
    expect(rows.length).toBeGreaterThan(4)
    for (const row of rows) {
      expect(isExportedEventType(row.type), row.type).toBe(true)
      const parsed = exportedEvents[row.type as keyof typeof exportedEvents].safeParse(JSON.parse(row.payload))
      expect(parsed.success, `${row.type}: ${parsed.error?.message}`).toBe(true)
    }
  })
})
