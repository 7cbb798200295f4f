// Assign Operator (SPEC §2): a shift lead assigns picking, packing and
// shipping for many orders in one transaction; each change is logged on its
// order; the orders list filters by assigned operator and shows a packing
// operator their own orders first.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AssignResult } from '../../src/shared/operators'
import type { OrderDetail, OrderPage, OrderSummary } from '../../src/shared/orders'
import { createOperator } from '../../src/main/core/operators/operators'
import { cleanup, count, importRecords, orderIdOf, orderRecord, snapshot, type TestStation } from './helpers'
import { DANA, eventsOfType, leadSignedIn, ok, refused } from './operatorsFixtures'

afterEach(cleanup)

/** Dana (lead, signed in), Marek and Aisha; orders SO-1…SO-5 with SO-5 the most urgent and SO-1 the oldest. */
async function station() {
  const { t, lead, op } = await leadSignedIn()
  const aisha = createOperator(t.db, t.clock, { name: 'Aisha Rahman', badgeCode: 'OP-1002', role: 'operator' }, lead)
  importRecords(
    t,
    [1, 2, 3, 4, 5].map((n) => orderRecord(n, undefined, { created_at: `2026-11-20T0${n}:00:00Z`, priority: n === 5 ? 9 : 0 }))
  )
  const order = (n: number) => orderIdOf(t, `OMS-${n}`)
  return { t, lead, marek: op, aisha, order }
}

const numbers = (rows: OrderSummary[]) => rows.map((r) => r.orderNumber)
const list = async (t: TestStation, args: Record<string, unknown> = {}) => (await ok<OrderPage>(t, 'orders:list', args)).orders
const assignmentRows = (t: TestStation) =>
  t.sqlite
    .prepare(
      'select o.order_number, a.role, p.name from assignments a join orders o on o.id = a.order_id join operators p on p.id = a.operator_id order by o.order_number, a.role'
    )
    .all()

describe('assignments:assign', () => {
  it('assigns packing for several orders at once, logging each on its order with who assigned', async () => {
    const { t, lead, marek, order } = await station()
    const result = await ok<AssignResult>(t, 'assignments:assign', { orderIds: [order(1), order(2)], packing: marek.id, approval: DANA })
    expect(result).toEqual({
      orders: 2,
      changed: 2,
      message: 'Assigned: 2 orders, 2 changes.',
      words: { key: 'answers:operators.assignedOrders', params: { orders: 2, count: 2 } }
    })
    expect(assignmentRows(t)).toEqual([
      { order_number: 'SO-1', role: 'packing', name: 'Marek Nowak' },
      { order_number: 'SO-2', role: 'packing', name: 'Marek Nowak' }
    ])
    const events = eventsOfType(t, 'order.assigned')
    expect(events.map((e) => [e.order_id, e.operator_id, e.reason])).toEqual([
      [order(1), lead.id, 'Packing: nobody → Marek Nowak'],
      [order(2), lead.id, 'Packing: nobody → Marek Nowak']
    ])
    expect(JSON.parse(events[0].data!)).toEqual({ role: 'packing', from: null, to: { id: marek.id, name: 'Marek Nowak' } })

    const detail = await ok<OrderDetail>(t, 'orders:get', { orderId: order(1) })
    expect(detail.assignments).toEqual({ picking: null, packing: 'Marek Nowak', shipping: null })
    expect(detail.events.find((e) => e.type === 'order.assigned')).toMatchObject({
      operator: 'Dana Whitfield',
      reason: 'Packing: nobody → Marek Nowak'
    })
  })

  it('reassigns (from → to logged), leaves the roles not chosen alone, skips what did not change, and unassigns with null', async () => {
    const { t, lead, marek, aisha, order } = await station()
    await ok(t, 'assignments:assign', { orderIds: [order(1), order(2)], picking: marek.id, packing: marek.id, approval: DANA })

    const again = await ok<AssignResult>(t, 'assignments:assign', {
      orderIds: [order(1), order(2)],
      picking: marek.id,
      packing: aisha.id,
      approval: DANA
    })
    expect(again).toMatchObject({ orders: 2, changed: 2 })
    const reassigned = eventsOfType(t, 'order.reassigned')
    expect(reassigned.map((e) => [e.order_id, e.reason])).toEqual([
      [order(1), 'Packing: Marek Nowak → Aisha Rahman'],
      [order(2), 'Packing: Marek Nowak → Aisha Rahman']
    ])
    expect(JSON.parse(reassigned[0].data!)).toEqual({
      role: 'packing',
      from: { id: marek.id, name: 'Marek Nowak' },
      to: { id: aisha.id, name: 'Aisha Rahman' }
    })
    const row = t.sqlite.prepare("select assigned_by from assignments where order_id = ? and role = 'packing'").get(order(1))
    expect(row).toEqual({ assigned_by: lead.id })

    const eventsBefore = count(t.sqlite, 'events')
    expect(await ok<AssignResult>(t, 'assignments:assign', { orderIds: [order(1)], packing: aisha.id, approval: DANA })).toMatchObject({
      changed: 0
    })
    expect(count(t.sqlite, 'events')).toBe(eventsBefore)

    await ok(t, 'assignments:assign', { orderIds: [order(2)], shipping: aisha.id, picking: null, approval: DANA })
    expect(eventsOfType(t, 'order.unassigned').map((e) => e.reason)).toEqual(['Picking: Marek Nowak → nobody'])
    expect((await ok<OrderDetail>(t, 'orders:get', { orderId: order(2) })).assignments).toEqual({
      picking: null,
      packing: 'Aisha Rahman',
      shipping: 'Aisha Rahman'
    })
  })

  it('refuses, in one transaction for all orders, and changes nothing', async () => {
    const { t, marek, aisha, order } = await station()
    await ok(t, 'assignments:assign', { orderIds: [order(3)], packing: aisha.id, approval: DANA })
    await ok(t, 'operators:update', { operatorId: aisha.id, active: false, approval: { badgeCode: 'OP-9001', pin: '1234' } })
    const before = snapshot(t.sqlite)

    const missing = await refused(t, 'assignments:assign', { orderIds: [order(1), 999], packing: marek.id, approval: DANA })
    expect(missing).toMatchObject({
      code: 'not_found',
      message: 'Order 999 does not exist: nothing was assigned.',
      key: 'refusals:operators.ordersMissing',
      params: { count: 1, orderIds: '999' }
    })
    expect((await refused(t, 'assignments:assign', { orderIds: [order(1)], packing: 4040, approval: DANA })).code).toBe('unknown_operator')
    expect(
      (await refused(t, 'assignments:assign', { orderIds: [order(1), order(2)], picking: marek.id, packing: aisha.id, approval: DANA }))
        .message
    ).toBe('Aisha Rahman is deactivated and cannot be assigned: nothing was assigned.')
    expect((await refused(t, 'assignments:assign', { orderIds: [order(1)], approval: DANA })).code).toBe('nothing_to_assign')
    expect((await refused(t, 'assignments:assign', { orderIds: [], packing: marek.id, approval: DANA })).code).toBe('invalid_arguments')

    await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
    const byMarek = { badgeCode: 'OP-1001', pin: '1234' }
    const notLead = await refused(t, 'assignments:assign', { orderIds: [order(1)], packing: marek.id, approval: byMarek })
    expect(notLead).toMatchObject({
      code: 'shift_lead_only',
      message: "Marek Nowak is not a shift lead: assign operators to orders needs a shift lead's approval."
    })
    await ok(t, 'operators:signOut')
    expect((await refused(t, 'assignments:assign', { orderIds: [order(1)], packing: marek.id, approval: DANA })).code).toBe('not_signed_in')

    expect(snapshot(t.sqlite)).toEqual(before)
  })
})

describe('orders list by assigned operator', () => {
  async function assigned() {
    const s = await station()
    const { t, marek, aisha, order } = s
    await ok(t, 'assignments:assign', { orderIds: [order(2), order(4)], packing: marek.id, approval: DANA })
    await ok(t, 'assignments:assign', { orderIds: [order(3)], picking: marek.id, packing: aisha.id, approval: DANA })
    return s
  }

  it('filters by a named operator (any role) and by "me"', async () => {
    const { t, marek, aisha } = await assigned()
    expect(numbers(await list(t, { assignedTo: marek.id }))).toEqual(['SO-2', 'SO-3', 'SO-4'])
    expect(numbers(await list(t, { assignedTo: aisha.id }))).toEqual(['SO-3'])
    expect(await list(t, { assignedTo: 'me' })).toEqual([])
    expect(numbers(await list(t, { assignedTo: marek.id, query: 'SO-4' }))).toEqual(['SO-4'])

    await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
    const mine = await list(t, { assignedTo: 'me' })
    expect(numbers(mine)).toEqual(['SO-2', 'SO-4', 'SO-3'])
    expect(mine[2].assignments).toEqual({ picking: 'Marek Nowak', packing: 'Aisha Rahman', shipping: null })

    await ok(t, 'operators:signOut')
    expect((await refused(t, 'orders:list', { assignedTo: 'me' })).code).toBe('not_signed_in')
    expect((await refused(t, 'orders:list', { assignedTo: 'Marek' })).code).toBe('invalid_arguments')
  })

  it('puts the orders the signed-in operator packs first, then the usual order', async () => {
    const { t } = await assigned()
    // Usual order: priority first (SO-5), then the oldest.
    expect(numbers(await list(t))).toEqual(['SO-5', 'SO-1', 'SO-2', 'SO-3', 'SO-4'])

    await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
    // Marek packs SO-2 and SO-4; he only picks SO-3, which keeps its usual place.
    expect(numbers(await list(t))).toEqual(['SO-2', 'SO-4', 'SO-5', 'SO-1', 'SO-3'])
    expect(numbers(await list(t, { limit: 3 }))).toEqual(['SO-2', 'SO-4', 'SO-5'])
    expect(numbers(await list(t, { limit: 1 }))).toEqual(['SO-2'])
    // A search lists its matches in the matched column's order (the order number here), not his first.
    expect(numbers(await list(t, { status: 'ready', query: 'SO-' }))).toEqual(['SO-1', 'SO-2', 'SO-3', 'SO-4', 'SO-5'])

    await ok(t, 'operators:signIn', { badgeCode: 'OP-1002' })
    expect(numbers(await list(t))).toEqual(['SO-3', 'SO-5', 'SO-1', 'SO-2', 'SO-4'])
  })

  it("finds the assigned orders through the operators' indexes on the orders, not by reading every order", async () => {
    const { t, marek } = await assigned()
    const prepare = vi.spyOn(t.sqlite, 'prepare')
    await list(t, { assignedTo: marek.id })
    const statements = prepare.mock.calls.map(([sql]) => sql).filter((sql) => /from "orders"/.test(sql) && /_operator_id" = \?/.test(sql))
    prepare.mockRestore()
    expect(statements.length).toBeGreaterThan(0)
    for (const sql of statements) {
      const params = Array.from(sql.matchAll(/\?/g), () => 1)
      const plan = (t.sqlite.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n')
      expect(plan).toMatch(/SEARCH orders USING INDEX orders_(picking_operator|packing_operator|shipping_operator|packing_open)/)
      expect(plan).not.toMatch(/SCAN orders/)
    }
  })
})
