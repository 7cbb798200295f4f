// The shift report's figures against a scripted shift (test/reports/shiftWorld.ts):
// every number below follows from the scans, refusals and times of that script.
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, count, importRecords, orderIdOf, orderRecord, snapshot } from '../core/helpers'
import { LEAD, MAREK, scriptedShift, TODAY, inWarsawTime } from './shiftWorld'

inWarsawTime()
afterEach(cleanup)

describe('the shift report of a scripted shift', () => {
  it('gives the day figures: orders, units per hour against yesterday, pace, refusals, boxes, prints, blocked', async () => {
    const w = await scriptedShift()
    const f = await w.call('reports:shift', TODAY)
    expect(f.bucket).toBe('hour')
    expect(f.operator).toBeNull()
    expect(f.orders).toEqual({ packed: 1, shipped: 0, inProgress: 4, onHold: 1, waiting: 1 })
    expect(f.units.total).toBe(6)
    // 24 local hours from midnight Warsaw; 09:00 local holds Marek's five units (yesterday two), 10:00 Dana's one.
    expect(f.units.buckets).toHaveLength(24)
    expect(f.units.buckets[0].start).toBe(TODAY.from)
    const hour = (h: number) => f.units.buckets[h]
    expect(hour(9)).toEqual({ start: '2026-11-21T08:00:00.000Z', units: 5, previous: 2 })
    expect(hour(10)).toEqual({ start: '2026-11-21T09:00:00.000Z', units: 1, previous: 0 })
    expect(f.units.buckets.filter((_, h) => h !== 9 && h !== 10).every((b) => b.units === 0 && b.previous === 0)).toBe(true)
    // Marek: gaps of 30 s, 150 s, a 12-minute break (left out), 300 s → 480 s / 3 = 160 s a unit;
    // 4 intervals over the 20 minutes from his first to his last scan → 12 units an hour. Dana: one unit, no pace.
    expect(f.operators).toEqual([
      { operatorId: w.op.id, name: 'Marek Nowak', units: 5, unitsPerHour: 12, secondsPerUnit: 160 },
      { operatorId: w.lead.id, name: 'Dana Whitfield', units: 1, unitsPerHour: null, secondsPerUnit: null }
    ])
    expect(Object.fromEntries(f.refusals.map((r) => [r.class, r.count]))).toEqual({
      invalid_serial: 1,
      duplicate: 1,
      wrong_item: 1,
      over_scan: 1,
      order_not_open: 2,
      hand_entry: 1
    })
    const notOpen = f.refusals.find((r) => r.class === 'order_not_open')!
    expect(notOpen.last.map((e) => e.at)).toEqual(['2026-11-21T08:03:30.000Z', '2026-11-21T08:03:20.000Z'])
    expect(notOpen.last[0]).toMatchObject({ orderNumber: 'SO-4', operatorName: 'Marek Nowak' })
    expect(notOpen.last[0].message).toMatch(/cancelled/i)
    const duplicate = f.refusals.find((r) => r.class === 'duplicate')!
    expect(duplicate.last[0]).toMatchObject({ orderNumber: 'SO-2', input: expect.stringMatching(/^35391611000001\d$/) })
    expect(duplicate.last[0].message).toContain('SO-1')
    expect(f.boxesConfirmed).toBe(1)
    expect(f.printFailures.count).toBe(1)
    expect(f.printFailures.last).toEqual([
      { at: '2026-11-21T09:31:00.000Z', kind: 'box_label', orderNumber: 'SO-1', printer: 'Zebra-1', error: 'Media empty or jammed' }
    ])
    expect(f.outbox.waiting).toBe(count(w.sqlite, 'outbox', 'sent_at is null and rejected_at is null'))
    expect(f.outbox.waiting).toBeGreaterThan(0)
    expect(f.outbox.rejected).toBe(0)
    expect(f.blocked).toEqual([{ orderId: w.ids[6], orderNumber: 'SO-6', units: 1 }])
  })

  it("one operator's figures: only what that operator did", async () => {
    const w = await scriptedShift()
    const marek = await w.call('reports:shift', { ...TODAY, operatorId: w.op.id })
    expect(marek.operator).toEqual({ id: w.op.id, name: 'Marek Nowak' })
    expect(marek.units.total).toBe(5)
    expect(marek.operators.map((o) => o.name)).toEqual(['Marek Nowak'])
    expect(marek.refusals.reduce((n, r) => n + r.count, 0)).toBe(7)
    expect(marek.orders.packed).toBe(1)
    expect(marek.boxesConfirmed).toBe(1)
    expect(marek.printFailures.count).toBe(0)
    const dana = await w.call('reports:shift', { ...TODAY, operatorId: w.lead.id })
    expect(dana.units.total).toBe(1)
    expect(dana.units.buckets[10]).toMatchObject({ units: 1, previous: 0 })
    expect(dana.refusals.every((r) => r.count === 0 && r.last.length === 0)).toBe(true)
    expect(dana.orders.packed).toBe(0)
    expect(dana.printFailures.count).toBe(1)
  })

  it('a range of a week is counted per local day; yesterday alone holds yesterday', async () => {
    const w = await scriptedShift()
    const week = await w.call('reports:shift', { from: '2026-11-15T23:00:00.000Z', to: '2026-11-22T23:00:00.000Z' })
    expect(week.bucket).toBe('day')
    expect(week.units.buckets.map((b) => b.units)).toEqual([0, 0, 0, 0, 2, 6, 0])
    expect(week.units.buckets.every((b) => b.previous === null)).toBe(true)
    const yesterday = await w.call('reports:shift', { from: '2026-11-19T23:00:00.000Z', to: TODAY.from })
    expect(yesterday.units.total).toBe(2)
    expect(yesterday.refusals.every((r) => r.count === 0)).toBe(true)
  })

  it('the board is today on this station, for a shift lead only', async () => {
    const w = await scriptedShift()
    const board = await w.call('reports:board', {})
    expect(board).toEqual(await w.call('reports:shift', TODAY))
    await w.call('operators:signIn', MAREK)
    for (const channel of ['reports:board', 'reports:shift'] as const) {
      const error = await w.call(channel, channel === 'reports:board' ? {} : TODAY).then(
        () => null,
        (e: { code: string }) => e
      )
      expect(error?.code).toBe('shift_lead_only')
    }
    await w.call('operators:signIn', LEAD)
  })

  it('a refusal is kept in the refusal log only: no order, unit or event changes, and the log is append-only', async () => {
    const w = await scriptedShift()
    const before = snapshot(w.sqlite, { refusalLog: true })
    await w.call('operators:signIn', MAREK)
    const after = snapshot(w.sqlite, { refusalLog: true })
    expect(after).toEqual(before)
    w.time.set('2026-11-21T10:05:00Z')
    const answer = await w.call('scanning:scan', { orderId: w.ids[2], input: 'NOT-AN-IMEI' })
    expect(answer.outcome).toBe('invalid_serial')
    const changed = snapshot(w.sqlite, { refusalLog: true })
    for (const table of Object.keys(before)) {
      if (table !== 'scan_refusals') expect(changed[table], table).toEqual(before[table])
    }
    expect(changed.scan_refusals).toHaveLength(before.scan_refusals.length + 1)
    expect(changed.scan_refusals.at(-1)).toMatchObject({ class: 'invalid_serial', input: 'NOT-AN-IMEI', entry_method: 'scanned' })
    // Written without an fsync of its own, and the scans' full durability is back at once.
    expect(w.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(() => w.sqlite.prepare('delete from scan_refusals').run()).toThrow(/append-only/)
    expect(() => w.sqlite.prepare("update scan_refusals set message = 'x'").run()).toThrow(/append-only/)
  })

  it('a refused non-serialized scan is kept too: a barcode of no line, and a quantity over what is still pending', async () => {
    const w = await scriptedShift()
    w.time.set('2026-11-21T10:10:00Z')
    expect(importRecords(w, [orderRecord(10, [{ sku: 'CABLE-1M', quantity: 2, condition: 'new' }])]).failures).toEqual([])
    const cables = orderIdOf(w, 'OMS-10')
    const line = w.sqlite.prepare('select id from order_lines where order_id = ?').get(cables) as { id: number }
    expect((await w.call('scanning:addUnits', { orderId: w.ids[9], barcode: '4006381333931' })).outcome).toBe('wrong_item')
    expect((await w.call('scanning:addUnits', { orderId: cables, orderLineId: line.id, quantity: 3 })).outcome).toBe('over_scan')
    const f = await w.call('reports:shift', TODAY)
    expect(f.refusals.find((r) => r.class === 'wrong_item')).toMatchObject({ count: 2, last: [{ input: '4006381333931' }, {}] })
    expect(f.refusals.find((r) => r.class === 'over_scan')?.last[0]).toMatchObject({ input: `3 × line ${line.id}`, orderNumber: 'SO-10' })
  })

  it('refuses a range that ends before it starts, or is longer than a year, or an unknown operator', async () => {
    const w = await scriptedShift()
    const codeOf = (args: Parameters<typeof w.call<'reports:shift'>>[1]) =>
      w.call('reports:shift', args).then(
        () => 'ok',
        (e: { code: string; message: string }) => `${e.code}: ${e.message}`
      )
    expect(await codeOf({ from: TODAY.to, to: TODAY.from })).toMatch(/^invalid_arguments: .*end after it starts/)
    expect(await codeOf({ from: '2024-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' })).toMatch(/at most 367 days/)
    expect(await codeOf({ ...TODAY, operatorId: 9999 })).toBe('not_found: There is no operator 9999.')
  })
})
