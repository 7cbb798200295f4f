// The incremental pull and the cancellation check against the stand-in OMS on
// 127.0.0.1: orders arrive through the import path, the cursor moves only
// forward, holds/releases/cancellations go through the state machine, and a
// cancellation between scan and confirm refuses Packing Confirmation.
import { afterEach, describe, expect, it } from 'vitest'
import { pullOrders } from '../../src/main/core/sync/orderPull'
import { readSyncSetting } from '../../src/main/core/sync/syncSettings'
import {
  allProducts,
  count,
  createOperators,
  imei,
  openTestStation,
  orderIdOf,
  orderRecord,
  TAC_A,
  type TestStation
} from '../core/helpers'
import { cleanup, clientFor, ok, pointAt, refused, standIn } from './helpers'

afterEach(cleanup)

const statusOf = (t: TestStation, omsOrderId: string) =>
  (t.sqlite.prepare('select status from orders where oms_order_id = ?').get(omsOrderId) as { status: string }).status

describe('order pull', () => {
  it('pulls pages from a cursor, stores it, and pulls only what changed afterwards', async () => {
    const oms = await standIn({ products: allProducts(), orders: Array.from({ length: 5 }, (_, i) => orderRecord(1 + i)) })
    const t = openTestStation()
    const client = clientFor(t, oms.url)

    const first = await pullOrders(t.db, t.clock, client, { pageSize: 2 })
    expect(first).toMatchObject({ pages: 3, imported: 5, failed: 0 })
    expect(count(t.sqlite, 'orders')).toBe(5)
    const cursor = readSyncSetting(t.db, 'state').cursor
    expect(cursor).toBe('5')

    // Nothing changed: one empty page, the cursor stays.
    expect(await pullOrders(t.db, t.clock, client, { pageSize: 2 })).toMatchObject({
      pages: 1,
      imported: 0,
      unchanged: 0,
      statusChanges: 0
    })
    expect(readSyncSetting(t.db, 'state').cursor).toBe(cursor)

    // A new order and a hold: only those two come.
    oms.store.putOrder(orderRecord(6) as never)
    oms.store.setStatus('OMS-2', 'held')
    const next = await pullOrders(t.db, t.clock, client, { pageSize: 2 })
    expect(next).toMatchObject({ pages: 1, imported: 1, statusChanges: 1 })
    expect(statusOf(t, 'OMS-2')).toBe('on_hold')
    expect(next.changedOrderIds).toEqual([orderIdOf(t, 'OMS-6'), orderIdOf(t, 'OMS-2')])

    // Released, then cancelled: each through the state machine, each in the event log and the outbox.
    oms.store.setStatus('OMS-2', 'released')
    await pullOrders(t.db, t.clock, client)
    expect(statusOf(t, 'OMS-2')).toBe('ready')
    oms.store.setStatus('OMS-3', 'cancelled')
    await pullOrders(t.db, t.clock, client)
    expect(statusOf(t, 'OMS-3')).toBe('cancelled')
    const id2 = orderIdOf(t, 'OMS-2')
    expect(t.sqlite.prepare("select type, reason from events where order_id = ? and type like 'order.%' order by rowid").all(id2)).toEqual([
      { type: 'order.imported', reason: null },
      { type: 'order.on_hold', reason: 'held by the OMS (status held)' },
      { type: 'order.ready', reason: 'released by the OMS' }
    ])
    expect(t.sqlite.prepare('select type from outbox where order_id = ? order by rowid').all(orderIdOf(t, 'OMS-3'))).toEqual([
      { type: 'order.cancelled' }
    ])

    // The same records pulled again (cursor reset) change nothing.
    t.sqlite.prepare("update settings set value = json('{\"cursor\":null}') where key = 'sync.state'").run()
    const again = await pullOrders(t.db, t.clock, client)
    expect(again).toMatchObject({ imported: 0, statusChanges: 0, failed: 0, unchanged: 6 })
  })

  it('puts bad and changed OMS orders on the failed-imports list with source "oms"', async () => {
    const oms = await standIn({
      products: allProducts(),
      orders: [orderRecord(1), orderRecord(2, [{ sku: 'NO-SUCH-SKU', quantity: 1 }]), { ...orderRecord(3), carrier: '' }]
    })
    const t = openTestStation()
    const outcome = await pullOrders(t.db, t.clock, clientFor(t, oms.url))
    expect(outcome).toMatchObject({ imported: 1, failed: 2 })
    oms.store.putOrder({ ...orderRecord(1), service: 'Express' } as never)
    expect(await pullOrders(t.db, t.clock, clientFor(t, oms.url))).toMatchObject({ failed: 1 })
    const failed = t.sqlite
      .prepare('select source, oms_order_id, reason from failed_imports where resolved_at is null order by oms_order_id')
      .all()
    expect(failed).toEqual([
      { source: 'oms', oms_order_id: 'OMS-1', reason: expect.stringContaining('already imported') },
      { source: 'oms', oms_order_id: 'OMS-2', reason: expect.stringContaining('unknown SKU NO-SUCH-SKU') },
      { source: 'oms', oms_order_id: 'OMS-3', reason: expect.stringContaining('carrier') }
    ])
  })

  it('reports a cancellation the state machine cannot apply instead of forcing it', async () => {
    const oms = await standIn({ products: allProducts(), orders: [orderRecord(1)] })
    const t = openTestStation()
    await pullOrders(t.db, t.clock, clientFor(t, oms.url))
    t.sqlite.prepare("update orders set status = 'shipped' where oms_order_id = 'OMS-1'").run()
    oms.store.setStatus('OMS-1', 'cancelled')
    const outcome = await pullOrders(t.db, t.clock, clientFor(t, oms.url))
    expect(outcome.conflicts).toEqual(['Order SO-1 was cancelled in the OMS, but it is already shipped here.'])
    expect(statusOf(t, 'OMS-1')).toBe('shipped')
  })
})

describe('cancellation check before Packing Confirmation', () => {
  /** A station that pulled OMS-1 (two phones), with both scanned into one confirmed box. */
  async function scannedOrder(omsUrl: string) {
    const t = openTestStation()
    pointAt(t, omsUrl, { statusCheckTimeoutMs: 1_000 })
    await pullOrders(t.db, t.clock, clientFor(t, omsUrl))
    const { op } = createOperators(t)
    await ok(t, 'operators:signIn', { operatorId: op.id })
    const orderId = orderIdOf(t, 'OMS-1')
    for (const body of ['00000000000001', '00000000000002']) await ok(t, 'scanning:scan', { orderId, input: imei(TAC_A + body.slice(8)) })
    await ok(t, 'packing:save', { orderId })
    await ok(t, 'packing:save', { orderId })
    return { t, orderId }
  }

  it('refuses when the OMS cancelled the order between scan and confirm, and cancels it here', async () => {
    const oms = await standIn({ products: allProducts(), orders: [orderRecord(1)] })
    const { t, orderId } = await scannedOrder(oms.url)
    oms.store.setStatus('OMS-1', 'cancelled')

    const refusal = await refused(t, 'packing:confirm', { orderId })
    expect(refusal.code).toBe('cancelled_in_oms')
    expect(refusal.message).toContain('Order SO-1 was cancelled in the OMS')
    expect(statusOf(t, 'OMS-1')).toBe('cancelled')
    expect(t.sqlite.prepare("select type from outbox where order_id = ? and type like 'order.%' order by rowid").all(orderId)).toEqual([
      { type: 'order.in_progress' },
      { type: 'order.cancelled' }
    ])
  })

  it('confirms when the OMS still has the order open', async () => {
    const oms = await standIn({ products: allProducts(), orders: [orderRecord(1)] })
    const { t, orderId } = await scannedOrder(oms.url)
    expect(await ok(t, 'packing:confirm', { orderId })).toMatchObject({ status: 'packed' })
  })

  it('confirms offline, and handles the OMS’s later cancellation when it comes back', async () => {
    const oms = await standIn({ products: allProducts(), orders: [orderRecord(1)] })
    const { t, orderId } = await scannedOrder(oms.url)
    const port = Number(new URL(oms.url).port)
    await oms.close()

    expect(await ok(t, 'packing:confirm', { orderId })).toMatchObject({ status: 'packed' })
    expect(await ok(t, 'sync:status')).toMatchObject({ online: false, configured: true })

    const back = await standIn({ port, products: allProducts(), orders: [orderRecord(1)] })
    back.store.setStatus('OMS-1', 'cancelled')
    const result = await ok<{ pulled: { statusChanges: number }; sent: { accepted: number; rejected: number } }>(t, 'sync:now')
    expect(statusOf(t, 'OMS-1')).toBe('cancelled')
    expect(result.pulled.statusChanges).toBe(1)
    // The OMS refuses the packing it no longer wants; the refusal waits for a shift lead.
    await ok(t, 'operators:signIn', { badgeCode: 'OP-9001', pin: '1234' })
    const { rejected } = await ok<{ rejected: { type: string; reason: string }[] }>(t, 'sync:rejectedEvents')
    expect(rejected).toEqual([
      expect.objectContaining({ type: 'order.packed', reason: 'order OMS-1 was cancelled in the OMS before it was packed' })
    ])
    expect(back.store.tally.rejected).toBe(1)
  })
})
