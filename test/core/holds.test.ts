import { afterEach, describe, expect, it } from 'vitest'
import { releaseDueHolds } from '../../src/main/core/orders/holds'
import { cleanup, importRecords, openTestStation, orderIdOf, orderRecord } from './helpers'

afterEach(cleanup)

const statusOf = (t: ReturnType<typeof openTestStation>, oms: string) =>
  (t.sqlite.prepare('select status from orders where oms_order_id = ?').get(oms) as { status: string }).status

describe('automatic release of orders on hold (SPEC §1)', () => {
  it('releases an order when its dispatch_after passes, logged as done by the station', () => {
    const t = openTestStation()
    importRecords(t, [orderRecord(1, undefined, { dispatch_after: '2026-11-21T12:00:00Z' })])
    expect(statusOf(t, 'OMS-1')).toBe('on_hold')

    t.time.set('2026-11-21T11:59:59Z')
    expect(releaseDueHolds(t.db, t.clock)).toBe(0)
    expect(statusOf(t, 'OMS-1')).toBe('on_hold')

    t.time.set('2026-11-21T12:00:00Z')
    expect(releaseDueHolds(t.db, t.clock)).toBe(1)
    expect(statusOf(t, 'OMS-1')).toBe('ready')
    const event = t.sqlite.prepare("select operator_id, from_status, to_status, reason from events where type = 'order.ready'").get()
    expect(event).toEqual({
      operator_id: null,
      from_status: 'on_hold',
      to_status: 'ready',
      reason: 'dispatch time 2026-11-21T12:00:00.000Z passed'
    })
    expect(t.sqlite.prepare("select count(*) n from outbox where type = 'order.ready'").get()).toEqual({ n: 1 })
  })

  it('catches up at start-up: a station reopened after the dispatch time finds the order ready', () => {
    const t = openTestStation()
    importRecords(t, [orderRecord(2, undefined, { dispatch_after: '2026-11-22T06:00:00Z' })])
    t.close()
    t.time.set('2026-11-22T07:00:00Z')
    const reopened = openTestStation(t.dataDir, t.time)
    expect(statusOf(reopened, 'OMS-2')).toBe('ready')
  })

  it('keeps an order the OMS holds, whatever its dispatch time', () => {
    const t = openTestStation()
    importRecords(t, [
      orderRecord(3, undefined, { dispatch_after: '2026-11-21T10:00:00Z', oms_status: 'held' }),
      orderRecord(4, undefined, { dispatch_after: '2026-11-21T10:00:00Z', oms_status: 'awaiting_payment' })
    ])
    t.time.set('2026-11-23T00:00:00Z')
    expect(releaseDueHolds(t.db, t.clock)).toBe(0)
    expect(statusOf(t, 'OMS-3')).toBe('on_hold')
    expect(statusOf(t, 'OMS-4')).toBe('on_hold')
    expect(orderIdOf(t, 'OMS-4')).toBeGreaterThan(0)
  })
})

describe('the hold release on a big station', () => {
  it('seeks the due holds through their partial index instead of walking every order on hold', () => {
    const t = openTestStation()
    const plan = t.sqlite
      .prepare(
        `explain query plan select id from orders indexed by orders_due_holds
         where status = 'on_hold' and dispatch_after is not null and held_by is null and dispatch_after <= ?`
      )
      .all('2026-11-21T12:00:00Z') as { detail: string }[]
    expect(plan.map((row) => row.detail)).toEqual(['SEARCH orders USING INDEX orders_due_holds (dispatch_after>? AND dispatch_after<?)'])
  })

  it('releases only what is due, leaving a hold set by hand and an OMS hold alone', () => {
    const t = openTestStation()
    importRecords(t, [
      orderRecord(1, undefined, { dispatch_after: '2026-11-21T12:00:00Z' }),
      orderRecord(2, undefined, { dispatch_after: '2026-11-22T12:00:00Z' }),
      orderRecord(3, undefined, { dispatch_after: '2026-11-21T10:00:00Z', oms_status: 'on_hold' })
    ])
    t.time.set('2026-11-21T13:00:00Z')
    expect(releaseDueHolds(t.db, t.clock)).toBe(1)
    expect([statusOf(t, 'OMS-1'), statusOf(t, 'OMS-2'), statusOf(t, 'OMS-3')]).toEqual(['ready', 'on_hold', 'on_hold'])
    expect(releaseDueHolds(t.db, t.clock)).toBe(0)
  })
})
