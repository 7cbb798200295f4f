// Non-serialized units (SPEC §3) on an order that is not open: refused with
// the same sentence as a serial scan (one helper, src/main/core/orders/openOrder.ts),
// the dispatch time of a held order included, and nothing written.
import { afterEach, describe, expect, it } from 'vitest'
import { saveBox } from '../../src/main/core/packing/boxes'
import { addNonSerializedUnits } from '../../src/main/core/scanning/nonSerialized'
import { scanUnit } from '../../src/main/core/scanning/scanUnit'
import {
  catchError,
  cleanup,
  createOperators,
  importRecords,
  imei,
  openTestStation,
  orderIdOf,
  orderRecord,
  snapshot,
  TAC_A
} from './helpers'

afterEach(cleanup)

const CABLE = '4006381333931'
const NO_AFFIXES = { prefixes: [], suffixes: [] }

function world() {
  const t = openTestStation()
  const { op } = createOperators(t)
  const summary = importRecords(t, [
    orderRecord(1, [{ sku: 'CABLE-1M', quantity: 2 }], { dispatch_after: '2026-11-22T06:00:00Z' }),
    orderRecord(2, [{ sku: 'CABLE-1M', quantity: 2 }], { oms_status: 'cancelled' }),
    orderRecord(
      3,
      [
        { sku: 'PHONE-A', quantity: 1 },
        { sku: 'CABLE-1M', quantity: 1 }
      ],
      { dispatch_after: '2026-11-22T06:00:00Z' }
    )
  ])
  expect(summary.failures).toEqual([])
  const add = (omsOrderId: string, input: { barcode?: string; orderLineId?: number; quantity?: number }) =>
    addNonSerializedUnits(t.db, t.clock, NO_AFFIXES, { orderId: orderIdOf(t, omsOrderId), operatorId: op.id, ...input })
  return { ...t, op, add }
}

describe('non-serialized units on an order that is not open', () => {
  it('a held order: refused with its dispatch time, nothing written', () => {
    const w = world()
    const before = snapshot(w.sqlite)
    const r = w.add('OMS-1', { barcode: CABLE })
    expect(r).toEqual({
      outcome: 'order_not_open',
      code: 'orderOnHoldUntil',
      params: { orderNumber: 'SO-1', status: 'on_hold', dispatchAfter: '2026-11-22T06:00:00.000Z' },
      message: 'Order SO-1 is on hold (dispatch after 2026-11-22 06:00): no scanning',
      serial: null,
      orderLineId: null,
      units: 0,
      unitIds: [],
      awaiting: null
    })
    const lineId = (w.sqlite.prepare('select id from order_lines where order_id = ?').get(orderIdOf(w, 'OMS-1')) as { id: number }).id
    expect(w.add('OMS-1', { orderLineId: lineId, quantity: 2 }).message).toBe(r.message)
    expect(snapshot(w.sqlite)).toEqual(before)
  })

  it('a cancelled order: refused without a dispatch time', () => {
    const w = world()
    const before = snapshot(w.sqlite)
    expect(w.add('OMS-2', { barcode: CABLE })).toMatchObject({
      outcome: 'order_not_open',
      message: 'Order SO-2 is cancelled: no scanning',
      units: 0
    })
    expect(snapshot(w.sqlite)).toEqual(before)
  })

  it('says the same as a serial scan into the same held order', () => {
    const w = world()
    const orderId = orderIdOf(w, 'OMS-3')
    const serial = scanUnit(w.db, w.clock, NO_AFFIXES, { orderId, input: imei(`${TAC_A}000001`), operatorId: w.op.id })
    const unit = w.add('OMS-3', { barcode: CABLE })
    expect(unit.outcome).toBe('order_not_open')
    expect(unit.message).toBe(serial.message)
    expect(unit.message).toBe('Order SO-3 is on hold (dispatch after 2026-11-22 06:00): no scanning')
  })

  it('Save on a held order keeps its own sentence (no dispatch time)', () => {
    const w = world()
    const error = catchError(() => saveBox(w.db, w.clock, orderIdOf(w, 'OMS-1'), w.op.id))
    expect(error.code).toBe('order_not_open')
    expect(error.message).toBe('Order SO-1 is on hold: boxes cannot change.')
  })
})
