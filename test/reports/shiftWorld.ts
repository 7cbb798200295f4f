// A scripted shift on a fake clock, for the report tests: yesterday's scans,
// today's scans with known gaps and a break, one of each refusal, a box and a
// packing confirmed, a print job that failed, and a cancelled order with a
// unit still in it. The tests know every figure it must give.
import { afterAll, beforeAll, expect } from 'vitest'
import { refreshStationTimeZone } from '../../src/shared/localTime'
import type { ArgsOf, Channel, ResultOf } from '../../src/shared/contract'
import { dispatch } from '../../src/main/core/dispatch'
import { StationError } from '../../src/main/core/errors'
import { setSetting } from '../../src/main/core/settings/settings'
import { applyOmsStatus } from '../../src/main/core/sync/applyOmsStatus'
import { createJob, updateJob } from '../../src/main/printing/jobs'
import {
  badImei,
  createOperators,
  imei,
  importRecords,
  openTestStation,
  orderIdOf,
  orderRecord,
  TAC_A,
  TAC_B,
  testClock
} from '../core/helpers'

export const A = (n: number) => imei(`${TAC_A}${String(n).padStart(6, '0')}`)
export const B = (n: number) => imei(`${TAC_B}${String(n).padStart(6, '0')}`)
export const LEAD = { badgeCode: 'OP-9001', pin: '1234' }
export const MAREK = { badgeCode: 'OP-1001' }

/** The day of the shift, in the tests' zone (Europe/Warsaw, UTC+1 in November): 2026-11-21 local. */
export const TODAY = { from: '2026-11-20T23:00:00.000Z', to: '2026-11-21T23:00:00.000Z' }

export async function scriptedShift() {
  const time = testClock(Date.parse('2026-11-20T08:10:00Z'))
  const t = openTestStation(undefined, time)
  const { lead, op } = createOperators(t)
  const summary = importRecords(t, [
    orderRecord(1, [{ sku: 'PHONE-A', quantity: 2 }]),
    orderRecord(2, [{ sku: 'PHONE-A', quantity: 1 }]),
    orderRecord(3, [{ sku: 'PHONE-A', quantity: 1 }]),
    orderRecord(4, [{ sku: 'PHONE-A', quantity: 1 }], { oms_status: 'cancelled' }),
    orderRecord(5, [{ sku: 'PHONE-A', quantity: 2 }]),
    orderRecord(6, [{ sku: 'PHONE-A', quantity: 1 }]),
    orderRecord(7, [{ sku: 'PHONE-A', quantity: 1 }], { oms_status: 'held' }),
    orderRecord(8, [{ sku: 'PHONE-A', quantity: 1 }]),
    orderRecord(9, [{ sku: 'PHONE-A', quantity: 1 }])
  ])
  expect(summary.failures).toEqual([])
  const ids = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [n, orderIdOf(t, `OMS-${n}`)])) as Record<number, number>

  async function call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
    const envelope = await dispatch(t.handlers, channel, args, () => undefined)
    if (!envelope.ok) throw new StationError(envelope.error.code, envelope.error.message)
    return envelope.value as ResultOf<C>
  }
  const scan = async (orderId: number, input: string, at: string, entryMethod: 'scanned' | 'typed' = 'scanned') => {
    time.set(at)
    return (await call('scanning:scan', { orderId, input, entryMethod })).outcome
  }

  // Yesterday, 09:10 local: Marek scans two units (the same hour today is compared with these).
  await call('operators:signIn', MAREK)
  expect(await scan(ids[5], A(10), '2026-11-20T08:10:00Z')).toBe('accepted')
  expect(await scan(ids[5], A(11), '2026-11-20T08:10:40Z')).toBe('accepted')

  // Today, 09:00 local: order 1 packed (30 s between its scans), its box confirmed.
  expect(await scan(ids[1], A(1), '2026-11-21T08:00:00Z')).toBe('accepted')
  expect(await scan(ids[1], A(2), '2026-11-21T08:00:30Z')).toBe('accepted')
  await call('packing:save', { orderId: ids[1] })
  await call('packing:save', { orderId: ids[1] })
  await call('packing:confirm', { orderId: ids[1] })
  // One refusal of each class, in the order the list shows them newest first.
  expect(await scan(ids[2], badImei(`${TAC_A}000020`), '2026-11-21T08:01:00Z')).toBe('invalid_serial')
  expect(await scan(ids[2], A(1), '2026-11-21T08:02:00Z')).toBe('duplicate')
  expect(await scan(ids[2], B(1), '2026-11-21T08:02:20Z')).toBe('wrong_item')
  expect(await scan(ids[2], A(3), '2026-11-21T08:03:00Z')).toBe('accepted') // 150 s after A(2)
  expect(await scan(ids[2], A(4), '2026-11-21T08:03:10Z')).toBe('over_scan')
  expect(await scan(ids[4], A(4), '2026-11-21T08:03:20Z')).toBe('order_not_open')
  expect(await scan(ids[4], A(4), '2026-11-21T08:03:30Z')).toBe('order_not_open')
  setSetting(t.db, 'handEntryPolicy', 'refused')
  expect(await scan(ids[3], A(5), '2026-11-21T08:04:00Z', 'typed')).toBe('hand_entry_refused')
  // A break, then order 3 at 09:15 local (12 minutes after A(3): not counted in seconds per unit), and 5 minutes
  // later (exactly the longest gap still counted as work) order 6.
  expect(await scan(ids[3], A(5), '2026-11-21T08:15:00Z')).toBe('accepted')
  // Order 6 gets a unit, then the OMS cancels it: a unit to unpack.
  expect(await scan(ids[6], A(6), '2026-11-21T08:20:00Z')).toBe('accepted')
  applyOmsStatus(t.db, t.clock, ids[6], 'cancelled')

  // Dana, the shift lead, scans one unit at 10:30 local and her box label fails to print.
  await call('operators:signIn', LEAD)
  expect(await scan(ids[8], A(12), '2026-11-21T09:30:00Z')).toBe('accepted')
  time.set('2026-11-21T09:31:00Z')
  const job = createJob(t.db, t.clock, {
    kind: 'box_label',
    format: 'pdf',
    orderId: ids[1],
    boxId: null,
    printer: 'Zebra-1',
    createdBy: lead.id
  })
  updateJob(t.db, t.clock, job, { status: 'failed', error: 'Media empty or jammed' })
  createJob(t.db, t.clock, { kind: 'packing_slip', format: 'pdf', orderId: ids[1], boxId: null, printer: 'Laser', createdBy: lead.id })
  time.set('2026-11-21T10:00:00Z')
  return { ...t, lead, op, ids, call }
}

/** The file's tests run in Warsaw time (the scripted shift's station), and the time zone is put back after them. */
export function inWarsawTime(): void {
  const savedTz = process.env.TZ
  beforeAll(() => {
    process.env.TZ = 'Europe/Warsaw'
    refreshStationTimeZone()
  })
  afterAll(() => {
    if (savedTz === undefined) delete process.env.TZ
    else process.env.TZ = savedTz
    refreshStationTimeZone()
  })
}
