// A scan releases a due hold only on the order it scans into (issue 10): the
// station's timer releases the others, so an ordinary scan never runs the
// due-hold query. Through the real handlers on a real SQLite file.
import { afterEach, describe, expect, it } from 'vitest'
import { releaseDueHolds } from '../../src/main/core/orders/holds'
import {
  cleanup,
  createOperators,
  imei,
  importRecords,
  openTestStation,
  orderIdOf,
  orderRecord,
  TAC_A,
  type TestStation
} from '../core/helpers'

afterEach(cleanup)

const A = (n: number) => imei(`${TAC_A}${String(n).padStart(6, '0')}`)
const DUE = '2026-11-22T06:00:00Z'

const statusOf = (t: TestStation, oms: string) =>
  (t.sqlite.prepare('select status from orders where oms_order_id = ?').get(oms) as { status: string }).status

/** OMS-1 is held until DUE; OMS-2 is ready; OMS-3 is held until DUE too. An operator is signed in. */
async function station(lines = [{ sku: 'PHONE-A', quantity: 2 }]) {
  const t = openTestStation()
  createOperators(t)
  importRecords(t, [orderRecord(1, lines, { dispatch_after: DUE }), orderRecord(2, lines), orderRecord(3, lines, { dispatch_after: DUE })])
  await t.handlers['operators:signIn']({ operatorId: 2 })
  return t
}

describe('a scan and the holds that are due', () => {
  it('a scan into an order whose hold came due releases it and is accepted, and its answer tells the release', async () => {
    const t = await station()
    t.time.set('2026-11-22T06:00:01Z')
    const answer = await t.handlers['scanning:scan']({ orderId: orderIdOf(t, 'OMS-1'), input: A(1), entryMethod: 'scanned' })
    expect(answer.outcome).toBe('accepted')
    expect(answer.change.events.map((e) => e.toStatus)).toEqual(['ready', 'in_progress'])
    expect(statusOf(t, 'OMS-1')).toBe('in_progress')
  })

  it('adding non-serialized units to an order whose hold came due releases it too', async () => {
    const t = await station([{ sku: 'CABLE-1M', quantity: 2 }])
    t.time.set('2026-11-22T06:00:01Z')
    const orderId = orderIdOf(t, 'OMS-1')
    const line = t.sqlite.prepare('select id from order_lines where order_id = ?').get(orderId) as { id: number }
    const answer = await t.handlers['scanning:addUnits']({ orderId, orderLineId: line.id, quantity: 1 })
    expect(answer.outcome).toBe('accepted')
    expect(statusOf(t, 'OMS-1')).toBe('in_progress')
  })

  it('a scan into an order held until later is refused and the hold stays', async () => {
    const t = await station()
    t.time.set('2026-11-22T05:59:59Z')
    const answer = await t.handlers['scanning:scan']({ orderId: orderIdOf(t, 'OMS-1'), input: A(1), entryMethod: 'scanned' })
    expect(answer).toMatchObject({ outcome: 'order_not_open', code: 'orderOnHoldUntil', units: 0 })
    expect(statusOf(t, 'OMS-1')).toBe('on_hold')
    expect(t.sqlite.prepare('select count(*) n from scanned_units').get()).toEqual({ n: 0 })
  })

  it('a scan into another order leaves due holds to the timer', async () => {
    const t = await station()
    t.time.set('2026-11-22T06:00:01Z')
    const answer = await t.handlers['scanning:scan']({ orderId: orderIdOf(t, 'OMS-2'), input: A(1), entryMethod: 'scanned' })
    expect(answer.outcome).toBe('accepted')
    expect(statusOf(t, 'OMS-1')).toBe('on_hold')
    expect(statusOf(t, 'OMS-3')).toBe('on_hold')
    // What the station's half-minute timer runs.
    expect(releaseDueHolds(t.db, t.clock)).toBe(2)
    expect([statusOf(t, 'OMS-1'), statusOf(t, 'OMS-3')]).toEqual(['ready', 'ready'])
  })
})
