// An order the OMS accepted as packed at one station is never packed again at
// another (SPEC §7): two stations, one stand-in OMS over real HTTP on
// 127.0.0.1. Online, the second station's opening is refused for good, naming
// the station that packed it and when, with nothing changed there; both
// offline at once, both pack it, and the OMS rejects the second packing, which
// reaches that station's shift lead as rejected events naming the first.
import { afterEach, describe, expect, it } from 'vitest'
import type { ClaimAnswer } from '../../src/shared/claims'
import type { RejectedEventsPage } from '../../src/shared/sync'
import { formatLocalTime } from '../../src/shared/localTime'
import { imei, TAC_A } from '../core/helpers'
import { cleanup, ok, refused } from '../sync/helpers'
import { claimState, LEAD_APPROVAL, orderOf, station, warehouse, type ClaimStation } from './helpers'

afterEach(cleanup)

const open = (s: ClaimStation, orderId: number) => ok<ClaimAnswer>(s, 'claims:open', { orderId })

/** Scans the order's two units, boxes them and confirms the packing. */
async function packOrder(s: ClaimStation, orderId: number, first: string, second: string): Promise<void> {
  for (const body of [first, second]) await ok(s, 'scanning:scan', { orderId, input: imei(TAC_A + body) })
  await ok(s, 'packing:save', { orderId })
  await ok(s, 'packing:save', { orderId })
  await ok(s, 'packing:confirm', { orderId })
}

const packedEvents = (events: { event: { type: string; omsOrderId?: string | null; stationId: string } }[], omsOrderId: string) =>
  events.filter((r) => r.event.type === 'order.packed' && r.event.omsOrderId === omsOrderId).map((r) => r.event.stationId)

describe('an order packed at another station', () => {
  it('refuses opening it at B once A packed it, naming A and when; nothing changes at B, and no takeover', async () => {
    const { oms } = await warehouse()
    const a = await station('Station 3', oms.url)
    const b = await station('Bench 7', oms.url)
    await open(a, orderOf(a))
    await packOrder(a, orderOf(a), '000001', '000002')
    await ok(a, 'sync:now')
    const packed = [...oms.store.received.values()].find((r) => r.event.type === 'order.packed')!.event
    expect(packed).toMatchObject({ omsOrderId: 'OMS-1', stationId: a.id })

    const before = claimState(b)
    const answer = await open(b, orderOf(b))
    expect(answer.outcome).toBe('already_packed')
    expect(answer.holder).toMatchObject({ stationId: a.id, stationName: 'Station 3', since: packed.at })
    expect(answer.message).toBe(
      `Order SO-1 was already packed at Station 3 at ${formatLocalTime(packed.at, { timeOnly: true })}. It cannot be packed again here.`
    )
    expect(claimState(b)).toEqual(before)
    expect(oms.claims.list()).toEqual([])

    // A shift lead cannot take it over either: refused in the same words, nothing changed.
    const takeOver = await refused(b, 'claims:takeOver', { orderId: orderOf(b), approval: LEAD_APPROVAL })
    expect(takeOver).toMatchObject({ code: 'already_packed', message: answer.message, key: 'refusals:sync.alreadyPacked' })
    expect(oms.claims.list()).toEqual([])

    // A, which packed it, may still claim it (e.g. to reopen a box); the other order is free for B.
    expect((await open(a, orderOf(a))).outcome).toBe('claimed')
    expect((await open(b, orderOf(b, 2))).outcome).toBe('claimed')
  })

  it('both offline, both pack it: the OMS accepts the first packing only and B’s shift lead sees the rejection naming A', async () => {
    const { oms } = await warehouse()
    const a = await station('Station 3', oms.url)
    const b = await station('Bench 7', oms.url)
    for (const s of [a, b]) await ok(s, 'claims:saveSettings', { offlineStart: 'any', approval: LEAD_APPROVAL })
    oms.setFailure({ errorRate: 1 })
    for (const s of [a, b]) expect((await open(s, orderOf(s))).outcome).toBe('offline')
    await packOrder(a, orderOf(a), '000001', '000002')
    await packOrder(b, orderOf(b), '000011', '000012')

    oms.setFailure({ errorRate: 0 })
    await ok(a, 'sync:now')
    await ok(b, 'sync:now')

    expect(packedEvents([...oms.store.received.values()], 'OMS-1')).toEqual([a.id])
    const boxedUnits = [...oms.store.received.values()]
      .filter((r) => r.event.type === 'box.confirmed' && r.event.omsOrderId === 'OMS-1')
      .map((r) => r.event.stationId)
    expect(new Set(boxedUnits)).toEqual(new Set([a.id]))

    // The shift leads look at the Sync screen's rejected events.
    for (const s of [a, b]) {
      await ok(s, 'operators:signOut', {})
      await ok(s, 'operators:signIn', { operatorId: s.leadId, pin: LEAD_APPROVAL.pin })
    }
    expect((await ok<RejectedEventsPage>(a, 'sync:rejectedEvents')).rejected).toEqual([])
    const { rejected } = await ok<RejectedEventsPage>(b, 'sync:rejectedEvents')
    expect(rejected.map((r) => r.type)).toContain('order.packed')
    expect(rejected.map((r) => r.type)).toContain('box.confirmed')
    for (const r of rejected) {
      expect(r).toMatchObject({ orderNumber: 'SO-1', omsOrderId: 'OMS-1' })
      expect(r.reason).toContain(`Order OMS-1 was already packed at Station 3 (${a.id})`)
    }
  })
})
