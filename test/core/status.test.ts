import { afterEach, describe, expect, it } from 'vitest'
import { StationError } from '../../src/main/core/errors'
import { assertTransition, canTransition, transitionOrder, TRANSITIONS, type OrderStatus } from '../../src/main/core/orders/status'
import { ORDER_STATUSES } from '../../src/main/core/db/schema'
import {
  cleanup,
  count,
  createOperators,
  importRecords,
  openTestStation,
  orderIdOf,
  orderRecord,
  snapshot,
  type TestStation
} from './helpers'

afterEach(cleanup)

const LEGAL: [OrderStatus, OrderStatus][] = [
  ['on_hold', 'ready'],
  ['on_hold', 'cancelled'],
  ['ready', 'on_hold'],
  ['ready', 'in_progress'],
  ['ready', 'cancelled'],
  ['in_progress', 'packed'],
  ['in_progress', 'cancelled'],
  ['packed', 'shipped'],
  ['packed', 'cancelled']
]
const isLegal = (from: OrderStatus, to: OrderStatus) => LEGAL.some(([f, t]) => f === from && t === to)
const ALL_PAIRS = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as [OrderStatus, OrderStatus]))
const ILLEGAL = ALL_PAIRS.filter(([from, to]) => !isLegal(from, to))

const WHY: Record<OrderStatus, RegExp> = {
  on_hold: /on hold/,
  ready: /nothing has been scanned/,
  in_progress: /still being packed/,
  packed: /already confirmed/,
  shipped: /already shipped/,
  cancelled: /cancelled in the OMS/
}

describe('the state machine table', () => {
  it('has exactly the legal moves of the SPEC', () => {
    const table = Object.entries(TRANSITIONS).flatMap(([from, tos]) => Object.keys(tos).map((to) => `${from}->${to}`))
    expect(table.sort()).toEqual(LEGAL.map(([f, t]) => `${f}->${t}`).sort())
  })

  it('gives a reason for every legal move', () => {
    for (const [from, to] of LEGAL) expect(TRANSITIONS[from][to]).toMatch(/\w+/)
  })

  it('covers 36 pairs: 9 legal, 27 illegal', () => {
    expect(ALL_PAIRS).toHaveLength(36)
    expect(ILLEGAL).toHaveLength(27)
  })
})

describe('assertTransition', () => {
  it.each(LEGAL)('accepts %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true)
    expect(() => assertTransition(from, to, 'SO-1')).not.toThrow()
  })

  it.each(ILLEGAL)('refuses %s -> %s with illegal_transition and a reason', (from, to) => {
    expect(canTransition(from, to)).toBe(false)
    let error: unknown
    try {
      assertTransition(from, to, 'SO-42')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(StationError)
    const e = error as StationError
    expect(e.code).toBe('illegal_transition')
    expect(e.message).toContain('SO-42')
    expect(e.message).toContain(`cannot become ${to.replace('_', ' ')}`)
    expect(e.message).toMatch(WHY[from])
  })
})

describe('transitionOrder', () => {
  function setup(): { t: TestStation; orderId: number; operatorId: number } {
    const t = openTestStation()
    const { op } = createOperators(t)
    const summary = importRecords(t, [orderRecord(1)])
    expect(summary.imported).toBe(1)
    return { t, orderId: orderIdOf(t, 'OMS-1'), operatorId: op.id }
  }

  const orderRow = (t: TestStation, id: number) =>
    t.sqlite
      .prepare(
        'select id, order_number as orderNumber, oms_order_id as omsOrderId, status, updated_at as updatedAt from orders where id = ?'
      )
      .get(id) as {
      id: number
      orderNumber: string
      omsOrderId: string
      status: OrderStatus
      updatedAt: string
    }

  it('writes the status, an event row and an outbox row', () => {
    const { t, orderId, operatorId } = setup()
    const order = orderRow(t, orderId)
    expect(order.status).toBe('ready')
    t.time.set('2026-11-21T10:00:00Z')
    const at = t.clock().toISOString()

    t.db.transaction((tx) => transitionOrder(tx, order, 'on_hold', { operatorId, at, reason: 'customer asked to wait' }))

    expect(order.status).toBe('on_hold')
    const after = orderRow(t, orderId)
    expect(after.status).toBe('on_hold')
    expect(after.updatedAt).toBe(at)

    const event = t.sqlite.prepare("select * from events where order_id = ? and type = 'order.on_hold'").get(orderId) as Record<
      string,
      unknown
    >
    expect(event).toMatchObject({
      at,
      operator_id: operatorId,
      entity_id: 'OMS-1',
      from_status: 'ready',
      to_status: 'on_hold',
      reason: 'customer asked to wait'
    })
    const outbox = t.sqlite.prepare('select * from outbox where event_id = ?').get(event.id) as Record<string, unknown>
    expect(outbox).toMatchObject({ type: 'order.on_hold', order_id: orderId, created_at: at, sent_at: null, attempts: 0 })
    expect(JSON.parse(outbox.payload as string)).toMatchObject({
      omsOrderId: 'OMS-1',
      orderNumber: 'SO-1',
      from: 'ready',
      to: 'on_hold',
      at,
      operatorId
    })
  })

  it('uses the state machine reason when none is given', () => {
    const { t, orderId, operatorId } = setup()
    const order = orderRow(t, orderId)
    transitionOrder(t.db, order, 'cancelled', { operatorId, at: t.clock().toISOString() })
    const event = t.sqlite.prepare("select reason from events where order_id = ? and type = 'order.cancelled'").get(orderId) as {
      reason: string
    }
    expect(event.reason).toBe('cancelled in the OMS')
  })

  it('writes all three in the caller transaction: a rollback undoes the status, the event and the outbox row', () => {
    const { t, orderId, operatorId } = setup()
    const before = snapshot(t.sqlite)
    const order = orderRow(t, orderId)
    expect(() =>
      t.db.transaction((tx) => {
        transitionOrder(tx, order, 'in_progress', { operatorId, at: t.clock().toISOString() })
        // Inside the transaction all three are visible…
        expect(count(t.sqlite, 'orders', "id = ? and status = 'in_progress'", orderId)).toBe(1)
        expect(count(t.sqlite, 'events', "type = 'order.in_progress'")).toBe(1)
        expect(count(t.sqlite, 'outbox', "type = 'order.in_progress'")).toBe(1)
        throw new Error('abort')
      })
    ).toThrow('abort')
    // …and after the rollback none of them is.
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it('refuses an illegal move and writes nothing', () => {
    const { t, orderId, operatorId } = setup()
    const before = snapshot(t.sqlite)
    const order = orderRow(t, orderId)
    expect(() => transitionOrder(t.db, order, 'shipped', { operatorId, at: t.clock().toISOString() })).toThrow(
      expect.objectContaining({ code: 'illegal_transition' })
    )
    expect(order.status).toBe('ready')
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it('walks ready -> in_progress -> packed -> shipped, one event and one outbox row per step', () => {
    const { t, orderId, operatorId } = setup()
    const order = orderRow(t, orderId)
    for (const to of ['in_progress', 'packed', 'shipped'] as const) {
      t.time.advance(60_000)
      transitionOrder(t.db, order, to, { operatorId, at: t.clock().toISOString() })
    }
    expect(orderRow(t, orderId).status).toBe('shipped')
    const events = t.sqlite
      .prepare('select from_status, to_status from events where order_id = ? and from_status is not null order by at')
      .all(orderId)
    expect(events).toEqual([
      { from_status: 'ready', to_status: 'in_progress' },
      { from_status: 'in_progress', to_status: 'packed' },
      { from_status: 'packed', to_status: 'shipped' }
    ])
    expect(count(t.sqlite, 'outbox', 'order_id = ?', orderId)).toBe(3)
  })
})
