// The answers to scans and box actions are deltas (issue 10): a screen that
// fetched the order once and applies every answer must hold exactly what a
// fresh fetch returns, and a scan's answer stays small on a big order.
import { afterEach, describe, expect, it } from 'vitest'
import { applyOrderDelta, type OrderDelta } from '../../src/shared/orderDelta'
import type { OrderDetail } from '../../src/shared/orders'
import { applyOmsCancel } from './workflowHelpers'
import { cleanup, createOperators, imei, importRecords, openTestStation, orderIdOf, orderRecord, TAC_A } from './helpers'

afterEach(cleanup)

const A = (n: number) => imei(`${TAC_A}${String(n).padStart(6, '0')}`)
const LEAD = { badgeCode: 'OP-9001', pin: '1234' }

async function world(lines = [{ sku: 'PHONE-A', quantity: 6 }], overrides: Record<string, unknown> = {}) {
  const t = openTestStation()
  createOperators(t)
  importRecords(t, [orderRecord(1, lines, overrides), orderRecord(2)])
  await t.handlers['operators:signIn']({ operatorId: 2 })
  const orderId = orderIdOf(t, 'OMS-1')
  const fetch = () => t.handlers['orders:get']({ orderId }) as Promise<OrderDetail>
  /** The screen: the order as fetched on open, then every answer applied to it. */
  let screen = await fetch()
  const apply = async (answer: { change: OrderDelta } | Promise<{ change: OrderDelta }>) => {
    const { change } = await answer
    screen = applyOrderDelta(screen, change)
    expect(screen).toEqual(await fetch())
    return change
  }
  /** What the screen does on 'orders:changed': fetch the order whole again. */
  const refetch = async () => (screen = await fetch())
  return { t, h: t.handlers, orderId, apply, refetch, screen: () => screen }
}

describe('order deltas', () => {
  it('after every scan, refusal, Save, reopen, remove and void, the screen equals a fresh fetch', async () => {
    const { t, h, orderId, apply } = await world()
    const scan = (input: string) => h['scanning:scan']({ orderId, input, entryMethod: 'scanned' })

    const first = await apply(scan(A(1)))
    expect(first).toMatchObject({ status: 'in_progress', scannedQuantity: 1, removed: [], boxedInto: null, boxes: [] })
    expect(first.added.map((u) => u.serial)).toEqual([A(1)])
    expect(first.events.map((e) => e.toStatus)).toEqual(['in_progress'])
    await apply(scan(A(2)))
    const duplicate = await apply(scan(A(2)))
    expect(duplicate).toMatchObject({ added: [], lines: [], events: [] })
    await apply(scan('not an imei'))

    const saved = await apply(h['packing:save']({ orderId }))
    expect(saved.boxedInto).not.toBeNull()
    await apply(h['packing:save']({ orderId }))
    const box = (await h['orders:get']({ orderId })).boxes[0]
    await apply(h['packing:reopenBox']({ orderId, boxId: box.id }))
    await apply(scan(A(3)))
    await apply(scan(A(4)))
    const loose = (await h['orders:get']({ orderId })).looseUnits[0]
    await apply(h['packing:removeUnit']({ orderId, unitId: loose.id, reason: 'screen cracked', approval: LEAD }))
    await apply(h['packing:save']({ orderId }))
    await apply(h['packing:removeUnit']({ orderId, unitId: box.units[0].id, reason: 'wrong colour', approval: LEAD }))
    await apply(h['packing:save']({ orderId }))
    await apply(scan(A(5)))
    await apply(h['packing:save']({ orderId }))
    const boxes = (await h['orders:get']({ orderId })).boxes
    expect(boxes.map((b) => [b.number, b.status])).toEqual([
      [1, 'confirmed'],
      [2, 'saved']
    ])
    const voided = await apply(h['packing:voidBox']({ orderId, boxId: boxes[0].id, reason: 'box damaged', approval: LEAD }))
    expect(voided.removed).toHaveLength(boxes[0].unitCount)
    expect(t.sqlite.prepare('select count(*) n from scanned_units where removed_at is null').get()).toEqual({ n: 1 })
  })

  it('non-serialized units and unpacking a cancelled order answer deltas too', async () => {
    const { t, h, orderId, apply, refetch } = await world([
      { sku: 'PHONE-A', quantity: 2 },
      { sku: 'CABLE-1M', quantity: 5 }
    ])
    await apply(h['scanning:scan']({ orderId, input: A(1), entryMethod: 'scanned' }))
    const cable = (await h['orders:get']({ orderId })).lines.find((l) => !l.serialized)!
    const added = await apply(h['scanning:addUnits']({ orderId, orderLineId: cable.id, quantity: 3 }))
    expect(added.added).toHaveLength(3)
    await apply(h['packing:save']({ orderId }))
    await apply(h['scanning:addUnits']({ orderId, orderLineId: cable.id, quantity: 2 }))
    applyOmsCancel(t, orderId)
    // The screen learns of a cancellation by fetching again ('orders:changed'), then unpacks unit by unit.
    const cancelled = await refetch()
    expect(cancelled.status).toBe('cancelled')
    const unpacked = await apply(h['packing:unpack']({ orderId, serial: A(1) }))
    expect(unpacked.removed).toHaveLength(1)
    const plain = cancelled.looseUnits[0]
    await apply(h['packing:unpack']({ orderId, unitId: plain.id }))
  })

  it('a scan that finds the order’s hold due answers the release with it', async () => {
    const { t, h, orderId, apply, screen } = await world(undefined, { dispatch_after: '2026-11-22T06:00:00Z' })
    expect(screen().status).toBe('on_hold')
    t.time.set('2026-11-22T06:00:01Z')
    const change = await apply(h['scanning:scan']({ orderId, input: A(1), entryMethod: 'scanned' }))
    expect(change.status).toBe('in_progress')
    expect(change.events.map((e) => e.toStatus)).toEqual(['ready', 'in_progress'])
  })

  it('a unit scanned at an earlier clock time takes its place in scan order, and an answer applied twice adds nothing', async () => {
    const { t, h, orderId, apply, screen } = await world()
    const scan = (input: string) => h['scanning:scan']({ orderId, input, entryMethod: 'scanned' })
    t.time.set('2026-11-22T10:00:00Z')
    await apply(scan(A(1)))
    await apply(scan(A(2)))
    // The station's clock stepped back (NTP): the fetch lists the unit first, and so must the screen.
    t.time.set('2026-11-22T09:00:00Z')
    const earlier = await apply(scan(A(3)))
    expect(screen().looseUnits.map((u) => u.serial)).toEqual([A(3), A(1), A(2)])
    const again = applyOrderDelta(screen(), earlier)
    expect(again.looseUnits).toEqual(screen().looseUnits)
    expect(again).toEqual(await h['orders:get']({ orderId }))
  })

  it('a scan leaves what it did not change as it was (same objects), so the screen redraws only the rest', async () => {
    const { h, orderId, apply, screen } = await world([
      { sku: 'PHONE-A', quantity: 3 },
      { sku: 'PHONE-B', quantity: 3 }
    ])
    await apply(h['scanning:scan']({ orderId, input: A(1), entryMethod: 'scanned' }))
    await apply(h['packing:save']({ orderId }))
    await apply(h['scanning:scan']({ orderId, input: A(2), entryMethod: 'scanned' }))
    const before = screen()
    await apply(h['scanning:scan']({ orderId, input: A(3), entryMethod: 'scanned' }))
    const after = screen()
    expect(after.boxes).toBe(before.boxes)
    const [changed, other] = after.lines
    expect(changed).not.toBe(before.lines[0])
    expect(other).toBe(before.lines[1])
    expect(after.looseUnits.slice(0, -1).every((u, i) => u === before.looseUnits[i])).toBe(true)
  })

  it('a delta for another order changes nothing', async () => {
    const { h, orderId, screen } = await world()
    const other = orderId + 1
    const answer = await h['scanning:scan']({ orderId: other, input: A(9), entryMethod: 'scanned' })
    expect(answer.change.orderId).toBe(other)
    expect(applyOrderDelta(screen(), answer.change)).toBe(screen())
  })

  it('a single-IMEI scan on a 2,000-unit order answers under 2 KB, and still adds up', async () => {
    const { h, orderId, apply } = await world([
      { sku: 'PHONE-A', quantity: 10 },
      { sku: 'CABLE-1M', quantity: 2_000 }
    ])
    const cable = (await h['orders:get']({ orderId })).lines.find((l) => !l.serialized)!
    await apply(h['scanning:addUnits']({ orderId, orderLineId: cable.id, quantity: 2_000 }))
    const answer = await h['scanning:scan']({ orderId, input: A(1), entryMethod: 'scanned' })
    expect(JSON.stringify(answer).length).toBeLessThan(2_048)
    expect((await h['orders:get']({ orderId })).looseUnits).toHaveLength(2_001)
    await apply(answer)
    // A series of scans on the big order: after each, the screen still equals a fresh fetch.
    for (let n = 2; n <= 6; n++) await apply(h['scanning:scan']({ orderId, input: A(n), entryMethod: 'scanned' }))
  })
})
