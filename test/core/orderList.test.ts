// The orders list pages by key: reading it page by page, at any page size,
// gives exactly the whole list in its order (every filter, the signed-in
// operator's orders first, every kind of search), each order once; a filter
// the page's index does not serve gives short pages that go on, never a page
// that reads the whole table; the assignees copied onto the orders follow
// every assignment.
import { afterEach, describe, expect, it } from 'vitest'
import type { OrderPage, OrderQuery, OrderSummary } from '../../src/shared/orders'
import { listOrders, READ_BUDGET } from '../../src/main/core/orders/orderList'
import { createOperator } from '../../src/main/core/operators/operators'
import { cleanup, imei, importRecords, orderRecord, TAC_A, type TestStation } from './helpers'
import { DANA, leadSignedIn, ok, refused } from './operatorsFixtures'

afterEach(cleanup)

const STATUSES = ['ready', 'in_progress', 'packed', 'shipped', 'on_hold', 'cancelled'] as const

/** 40 orders: three priorities, creation times that tie, every status; Marek, Aisha and Dana assigned to some. */
async function station() {
  const { t, lead, op } = await leadSignedIn()
  const aisha = createOperator(t.db, t.clock, { name: 'Aisha Rahman', badgeCode: 'OP-1002', role: 'operator' }, lead)
  const n = Array.from({ length: 40 }, (_, i) => i + 1)
  const records = n.map((i) =>
    orderRecord(i, undefined, {
      priority: i % 3,
      created_at: `2026-11-20T0${i % 4}:00:00Z`,
      ...(i % 5 === 0 ? { parent_order_id: `PO-${i}` } : {})
    })
  )
  expect(importRecords(t, records).failures).toEqual([])
  // Statuses set directly: the list shows what is stored, whatever brought it there.
  t.sqlite.prepare(`update orders set status = case id % 6 ${STATUSES.map((s, i) => `when ${i} then '${s}'`).join(' ')} end`).run()
  const ids = (pick: (i: number) => boolean) => n.filter(pick)
  await ok(t, 'assignments:assign', { orderIds: ids((i) => i % 4 === 0), packing: op.id, approval: DANA })
  await ok(t, 'assignments:assign', { orderIds: ids((i) => i % 7 === 0), picking: op.id, shipping: aisha.id, approval: DANA })
  await ok(t, 'assignments:assign', { orderIds: ids((i) => i % 9 === 0), packing: aisha.id, approval: DANA })
  await ok(t, 'assignments:assign', { orderIds: ids((i) => i % 11 === 0), packing: lead.id, approval: DANA })
  return { t, lead, marek: op, aisha }
}

type Row = { id: number; priority: number; created: string; status: string; roles: { role: string; operatorId: number }[] }

/** The list as it should be, worked out from the orders and the assignments tables. */
function expected(t: TestStation, q: { status?: string; assignedTo?: number }, me: number | null): number[] {
  const rows = (t.sqlite.prepare('select id, priority, oms_created_at created, status from orders').all() as Row[]).map((r) => ({
    ...r,
    roles: t.sqlite.prepare('select role, operator_id operatorId from assignments where order_id = ?').all(r.id) as Row['roles']
  }))
  const mine = (r: Row) =>
    me !== null &&
    ['on_hold', 'ready', 'in_progress'].includes(r.status) &&
    r.roles.some((a) => a.role === 'packing' && a.operatorId === me)
  return rows
    .filter(
      (r) => (!q.status || r.status === q.status) && (q.assignedTo === undefined || r.roles.some((a) => a.operatorId === q.assignedTo))
    )
    .sort(
      (a, b) =>
        Number(mine(b)) - Number(mine(a)) ||
        b.priority - a.priority ||
        (a.created < b.created ? -1 : a.created > b.created ? 1 : 0) ||
        a.id - b.id
    )
    .map((r) => r.id)
}

/** Every page of a list, following nextCursor to the end: through the contract, or for nobody signed in from the core. */
async function allPages(t: TestStation, q: OrderQuery, signedIn = true): Promise<{ orders: OrderSummary[]; pages: OrderPage[] }> {
  const pages: OrderPage[] = []
  let cursor: OrderQuery['cursor']
  do {
    const page: OrderPage = signedIn ? await ok(t, 'orders:list', { ...q, cursor }) : listOrders(t.db, { ...q, cursor }, null)
    pages.push(page)
    cursor = page.nextCursor ?? undefined
    if (pages.length > 1_000) throw new Error('the list never ends')
  } while (cursor)
  return { orders: pages.flatMap((p) => p.orders), pages }
}

const idsOf = (orders: OrderSummary[]) => orders.map((o) => o.id)

describe('orders:list pages', () => {
  it('page by page, at any page size, is the whole list in order: every filter, signed in or not', async () => {
    const { t, lead, marek, aisha } = await station()
    const filters: { status?: (typeof STATUSES)[number]; assignedTo?: number | 'me' }[] = [
      {},
      ...STATUSES.map((status) => ({ status })),
      { assignedTo: marek.id },
      { assignedTo: aisha.id, status: 'ready' }
    ]
    for (const [badge, me] of [
      [null, null],
      ['OP-1001', marek.id],
      [DANA.badgeCode, lead.id]
    ] as const) {
      if (badge) await ok(t, 'operators:signIn', badge === DANA.badgeCode ? DANA : { badgeCode: badge })
      for (const f of [...filters, ...(me ? [{ assignedTo: 'me' as const }] : [])]) {
        const want = expected(t, { ...f, assignedTo: f.assignedTo === 'me' ? me! : f.assignedTo }, me)
        for (const limit of [1, 4, 7, 500]) {
          const { orders, pages } = await allPages(t, { ...f, limit }, me !== null)
          expect(idsOf(orders), `${JSON.stringify(f)} as ${badge}, ${limit} a page`).toEqual(want)
          // Pages are full until the last: the list's indexes serve these filters.
          if (!('status' in f && 'assignedTo' in f)) expect(pages.slice(0, -1).every((p) => p.orders.length === limit)).toBe(true)
        }
      }
    }
    // Marek's orders to pack come first when he is signed in; there are some, and some of his are closed.
    expect(expected(t, {}, marek.id).slice(0, 2)).not.toEqual(expected(t, {}, null).slice(0, 2))
  })

  it('a search: the serial first, then each column by its index order, each order once; as typed or in capitals', async () => {
    const { t } = await station()
    // Order 2 got a unit scanned as this IMEI; order 2's channel order id and number also start with what is typed below.
    const serial = imei(`${TAC_A}000001`)
    t.sqlite
      .prepare(
        `insert into scanned_units (id, order_id, order_line_id, serial, entry_method, scanned_by, scanned_at)
         values ('u1', 2, (select id from order_lines where order_id = 2), ?, 'scanned', 1, '2026-11-21T09:00:00Z')`
      )
      .run(serial)
    t.sqlite.prepare("update orders set channel_order_id = 'SO-1-CH' where id = 12").run()

    const found = (await allPages(t, { query: serial })).orders
    expect(found.map((o) => [o.orderNumber, o.matchedSerial])).toEqual([['SO-2', serial]])

    // "so-1": order numbers SO-1, SO-10…SO-19 (index order), then channel order id SO-1-CH of SO-12 — already listed.
    const byNumber = ['SO-1', ...Array.from({ length: 10 }, (_, i) => `SO-1${i}`)]
    for (const limit of [1, 3, 500]) {
      const { orders } = await allPages(t, { query: 'so-1', limit })
      expect(orders.map((o) => o.orderNumber)).toEqual(byNumber)
      expect(orders.every((o) => o.matchedSerial === null)).toBe(true)
    }
    // The channel order id, OMS id and parent order id columns, with a filter the search's index does not serve.
    const thirties = Array.from({ length: 10 }, (_, i) => `SO-3${i}`)
    expect((await allPages(t, { query: '404-0000000-000003' })).orders.map((o) => o.orderNumber)).toEqual(thirties)
    expect((await allPages(t, { query: 'OMS-2', status: 'shipped', limit: 1 })).orders.map((o) => o.id)).toEqual(
      expected(t, { status: 'shipped' }, null)
        .filter((id) => String(id).startsWith('2'))
        .sort((a, b) => String(a).localeCompare(String(b)))
    )
    expect((await allPages(t, { query: 'PO-' })).orders.map((o) => o.parentOrderId)).toEqual([
      'PO-10',
      'PO-15',
      'PO-20',
      'PO-25',
      'PO-30',
      'PO-35',
      'PO-40',
      'PO-5'
    ])
  })

  it('a filter its index does not serve reads a bounded number of rows a call, and the pages still add up', async () => {
    const { t, marek } = await station()
    // Marek picks 1,500 more orders, only three of them packed: "his packed orders" walks his orders and keeps few.
    const add = t.sqlite.prepare(
      `insert into orders (oms_order_id, order_number, channel, order_type, ship_to, carrier, service, priority, oms_created_at, status, content_hash, imported_at, updated_at)
       select 'BULK-' || ?, 'BULK-' || ?, 'Amazon', 'normal', ship_to, carrier, service, 0, '2026-01-01T00:00:00Z', ?, 'x', imported_at, updated_at from orders where id = 1`
    )
    const assign = t.sqlite.prepare(
      "insert into assignments (order_id, role, operator_id, assigned_by, assigned_at) values (?, 'picking', ?, ?, '2026-11-21T09:00:00Z')"
    )
    t.sqlite.transaction(() => {
      for (let i = 0; i < READ_BUDGET + 500; i++) {
        const id = Number(add.run(i, i, i % 500 === 499 ? 'packed' : 'ready').lastInsertRowid)
        assign.run(id, marek.id, marek.id)
      }
    })()
    const q = { assignedTo: marek.id, status: 'packed' as const, limit: 50 }
    const { orders, pages } = await allPages(t, q)
    expect(idsOf(orders)).toEqual(expected(t, q, null))
    // The first call stopped after its budget with fewer rows than asked, and said where to go on.
    expect(pages[0].orders.length).toBeLessThan(50)
    expect(pages[0].nextCursor).not.toBeNull()
    expect(pages.length).toBeGreaterThan(1)
  })

  it('refuses a cursor from another list, and a cursor that is not one', async () => {
    const { t } = await station()
    const { nextCursor } = await ok<OrderPage>(t, 'orders:list', { limit: 2 })
    expect((await refused(t, 'orders:list', { query: 'SO-', cursor: nextCursor })).code).toBe('invalid_arguments')
    expect((await refused(t, 'orders:list', { cursor: { by: 'list', id: 3 } })).code).toBe('invalid_arguments')
    // Dana's first page starts with her orders to pack: that cursor means nothing in a list of shipped orders.
    const mine = { by: 'list', mine: true, priority: 0, createdAt: '2026-11-20T00:00:00Z', id: 1 }
    expect((await refused(t, 'orders:list', { status: 'shipped', cursor: mine })).code).toBe('invalid_arguments')
    expect((await ok<OrderPage>(t, 'orders:list', { status: 'ready', cursor: mine })).orders.length).toBeGreaterThan(0)
    expect((await refused(t, 'orders:list', { cursor: { by: 'search', stream: 99, key: 'x', id: 1 }, query: 'x' })).code).toBe(
      'invalid_arguments'
    )
  })
})

describe("the assignees copied onto the orders (the list's indexes)", () => {
  it('follow every assignment, reassignment and unassignment, whoever writes them', async () => {
    const { t, marek, aisha } = await station()
    const copies = () =>
      t.sqlite.prepare('select id, picking_operator_id p, packing_operator_id k, shipping_operator_id s from orders order by id').all()
    const truth = () =>
      t.sqlite
        .prepare(
          `select o.id, (select operator_id from assignments where order_id = o.id and role = 'picking') p,
             (select operator_id from assignments where order_id = o.id and role = 'packing') k,
             (select operator_id from assignments where order_id = o.id and role = 'shipping') s from orders o order by o.id`
        )
        .all()
    expect(copies()).toEqual(truth())
    await ok(t, 'assignments:assign', { orderIds: [4, 8, 9], packing: aisha.id, picking: marek.id, approval: DANA })
    expect(copies()).toEqual(truth())
    await ok(t, 'assignments:assign', { orderIds: [4, 7], packing: null, shipping: null, approval: DANA })
    expect(copies()).toEqual(truth())
    // Written by hand, not through assignOperators: the copies follow all the same.
    t.sqlite.prepare('update assignments set order_id = 1 where order_id = 8 and role = ?').run('picking')
    t.sqlite.prepare('delete from assignments where order_id = 9').run()
    expect(copies()).toEqual(truth())
    expect(t.sqlite.prepare('select count(*) n from orders where packing_operator_id is not null').get()).not.toEqual({ n: 0 })
  })
})
