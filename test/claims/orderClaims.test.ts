// Order claims end to end (SPEC §7): two stations, one stand-in OMS over real
// HTTP on 127.0.0.1. Opening an order for scanning claims it; the other
// station is refused by name with nothing changed; a lease runs out when it
// is not renewed; confirmation and sign-out give the claim back; a shift lead
// takes over with an approval, and nobody else can.
import { afterEach, describe, expect, it } from 'vitest'
import type { ClaimAnswer } from '../../src/shared/claims'
import { formatLocalTime } from '../../src/shared/localTime'
import { LEASE_SECONDS, renewClaims } from '../../src/main/core/sync/claimLease'
import { createOmsClient } from '../../src/main/core/sync/omsClient'
import { pullOrders } from '../../src/main/core/sync/orderPull'
import { imei, TAC_A } from '../core/helpers'
import { cleanup, ok, refused } from '../sync/helpers'
import { claimState, eventsOf, LEAD_APPROVAL, OPERATOR_BADGE, orderOf, station, warehouse } from './helpers'

afterEach(cleanup)

const open = (s: Parameters<typeof ok>[0], orderId: number) => ok<ClaimAnswer>(s, 'claims:open', { orderId })

describe('order claims', () => {
  it('refuses station B, naming station A and since when, while A holds the order; nothing changes at B', async () => {
    const { oms } = await warehouse()
    const a = await station('Station 3', oms.url)
    const b = await station('Bench 7', oms.url)

    const claimed = await open(a, orderOf(a))
    expect(claimed).toMatchObject({ outcome: 'claimed', holder: { stationId: a.id, stationName: 'Station 3' } })
    expect(eventsOf(a, 'order.claimed')).toEqual([{ operator_id: a.opId, order_id: orderOf(a), reason: null }])

    const before = claimState(b)
    const answer = await open(b, orderOf(b))
    expect(answer.outcome).toBe('held_elsewhere')
    expect(answer.holder).toMatchObject({ stationId: a.id, stationName: 'Station 3', since: claimed.holder!.since })
    expect(answer.message).toBe(
      `Order SO-1 is being packed at Station 3 since ${formatLocalTime(claimed.holder!.since, { timeOnly: true })}. A shift lead can take it over.`
    )
    expect(claimState(b)).toEqual(before)
    expect(oms.claims.list()).toMatchObject([{ omsOrderId: 'OMS-1', stationId: a.id }])
    // A scan that reaches B's core anyway (a device scan) is refused by the same words, and changes nothing.
    const scan = await refused(b, 'scanning:scan', { orderId: orderOf(b), input: imei(TAC_A + '000001') })
    expect(scan).toMatchObject({ code: 'claimed_elsewhere', message: answer.message, key: 'refusals:sync.heldElsewhere' })
    expect(claimState(b)).toEqual(before)

    // The other order is free for B.
    expect((await open(b, orderOf(b, 2))).outcome).toBe('claimed')
  })

  it('lets the lease run out when A stops renewing, and keeps it while A renews', async () => {
    const { oms, omsTime } = await warehouse()
    const a = await station('Station 3', oms.url)
    const b = await station('Bench 7', oms.url)
    await open(a, orderOf(a))

    // A renews halfway through: past the first lease's end, B is still refused.
    omsTime.advance((LEASE_SECONDS / 2) * 1000)
    expect(await renewClaims(a.deps)).toMatchObject({ renewed: 1, lost: 0 })
    omsTime.advance((LEASE_SECONDS / 2 + 10) * 1000)
    expect((await open(b, orderOf(b))).outcome).toBe('held_elsewhere')

    // A stops renewing (its PC is off): after the lease, B claims it.
    omsTime.advance(LEASE_SECONDS * 1000)
    expect(await open(b, orderOf(b))).toMatchObject({ outcome: 'claimed', holder: { stationId: b.id } })

    // A comes back: its renewal finds B there, and A's scans of the order are refused by B's name, nothing changed.
    expect(await renewClaims(a.deps)).toMatchObject({ lost: 1 })
    const before = claimState(a)
    const refusal = await refused(a, 'scanning:scan', { orderId: orderOf(a), input: imei(TAC_A + '000001') })
    expect(refusal).toMatchObject({ code: 'claimed_elsewhere' })
    expect(refusal.message).toContain('being packed at Bench 7 since')
    expect(claimState(a)).toEqual(before)
  })

  it('gives the claim back at Packing Confirmation and at sign-out', async () => {
    const { oms } = await warehouse()
    const a = await station('Station 3', oms.url)
    const b = await station('Bench 7', oms.url)
    const orderId = orderOf(a)
    await open(a, orderId)
    await open(a, orderOf(a, 2))
    for (const body of ['000001', '000002']) await ok(a, 'scanning:scan', { orderId, input: imei(TAC_A + body) })
    await ok(a, 'packing:save', { orderId })
    await ok(a, 'packing:save', { orderId })
    await ok(a, 'packing:confirm', { orderId })
    await renewClaims(a.deps) // the release is told to the OMS in the background; a round makes sure it arrived
    expect(oms.claims.list().map((c) => c.omsOrderId)).toEqual(['OMS-2'])
    expect(eventsOf(a, 'order.claim_released')).toEqual([{ operator_id: a.opId, order_id: orderId, reason: 'packing confirmed' }])
    expect((await open(b, orderOf(b))).outcome).toBe('claimed')

    await ok(a, 'operators:signOut', {})
    await renewClaims(a.deps)
    expect(oms.claims.list().map((c) => c.omsOrderId)).toEqual(['OMS-1'])
    expect(eventsOf(a, 'order.claim_released').at(-1)).toEqual({ operator_id: null, order_id: orderOf(a, 2), reason: 'sign-out' })
    expect(a.sqlite.prepare('select count(*) as n from order_claims').get()).toEqual({ n: 0 })
  })

  it('gives the claim back when the OMS cancels the order', async () => {
    const { oms } = await warehouse()
    const a = await station('Station 3', oms.url)
    await open(a, orderOf(a))
    oms.store.setStatus('OMS-1', 'cancelled')
    await pullOrders(a.db, a.clock, createOmsClient({ baseUrl: oms.url, stationId: a.id, token: null, timeoutMs: 2_000 }))
    expect(await renewClaims(a.deps)).toMatchObject({ renewed: 0, released: 1 })
    expect(oms.claims.list()).toEqual([])
    expect(eventsOf(a, 'order.claim_released')).toEqual([{ operator_id: null, order_id: orderOf(a), reason: 'order cancelled' }])
  })

  it('lets a shift lead take an order over with an approval, and refuses it without one or with an operator’s badge', async () => {
    const { oms } = await warehouse()
    const a = await station('Station 3', oms.url)
    const b = await station('Bench 7', oms.url)
    await open(a, orderOf(a))
    expect((await open(b, orderOf(b))).outcome).toBe('held_elsewhere')

    const before = claimState(b)
    expect((await refused(b, 'claims:takeOver', { orderId: orderOf(b) })).code).toBe('invalid_arguments')
    expect((await refused(b, 'claims:takeOver', { orderId: orderOf(b), approval: OPERATOR_BADGE })).code).toBe('shift_lead_only')
    expect((await refused(b, 'claims:takeOver', { orderId: orderOf(b), approval: { ...LEAD_APPROVAL, pin: '9999' } })).code).toBe(
      'wrong_pin'
    )
    expect(claimState(b)).toEqual(before)
    expect(oms.claims.list()).toMatchObject([{ stationId: a.id }])

    const taken = await ok<ClaimAnswer>(b, 'claims:takeOver', { orderId: orderOf(b), approval: LEAD_APPROVAL })
    expect(taken).toMatchObject({
      outcome: 'claimed',
      holder: { stationId: b.id },
      takenFrom: { stationId: a.id, stationName: 'Station 3' }
    })
    expect(taken.message).toBe('Order SO-1 was taken over from Station 3: it is packed here now.')
    expect(eventsOf(b, 'order.claim_taken_over')).toEqual([
      { operator_id: b.leadId, order_id: orderOf(b), reason: 'taken over from Station 3' }
    ])
    expect(oms.claims.list()).toMatchObject([{ stationId: b.id, stationName: 'Bench 7' }])

    // A hears it at its next renewal: its scans of the order are refused, naming B.
    expect(await renewClaims(a.deps)).toMatchObject({ lost: 1 })
    expect(eventsOf(a, 'order.claim_lost')).toEqual([{ operator_id: null, order_id: orderOf(a), reason: 'claimed by Bench 7' }])
    expect((await refused(a, 'scanning:scan', { orderId: orderOf(a), input: imei(TAC_A + '000001') })).message).toContain('Bench 7')
    // And B scans.
    await ok(b, 'scanning:scan', { orderId: orderOf(b), input: imei(TAC_A + '000001') })
  })
})

describe('order claims while the OMS does not answer', () => {
  it('starts offline only orders assigned here by default; others wait, changing nothing; claims them when the OMS is back', async () => {
    const { oms } = await warehouse(3)
    const a = await station('Station 3', oms.url)
    await ok(a, 'assignments:assign', { orderIds: [orderOf(a)], packing: a.opId, approval: LEAD_APPROVAL })
    const url = oms.url
    await oms.close()

    expect((await open(a, orderOf(a))).outcome).toBe('offline')
    expect(eventsOf(a, 'order.claimed_offline')).toHaveLength(1)
    const before = claimState(a)
    const waiting = await open(a, orderOf(a, 2))
    expect(waiting.outcome).toBe('wait_for_oms')
    expect(waiting.message).toContain('Order SO-2 cannot be claimed: The OMS cannot be reached')
    expect(claimState(a)).toEqual(before)

    // A shift lead lets any order start offline (the trade-off: two stations could start the same one).
    expect(await ok(a, 'claims:saveSettings', { offlineStart: 'any', approval: LEAD_APPROVAL })).toEqual({ offlineStart: 'any' })
    expect((await open(a, orderOf(a, 2))).outcome).toBe('offline')
    await ok(a, 'claims:saveSettings', { offlineStart: 'none', approval: LEAD_APPROVAL })
    expect((await open(a, orderOf(a, 3))).outcome).toBe('wait_for_oms')

    // The OMS is back (same address, a fresh stand-in): the next round claims what started offline.
    const back = await warehouse(3)
    await ok(a, 'sync:saveSettings', {
      omsUrl: back.oms.url,
      pullIntervalMinutes: 5,
      exportEnabled: false,
      exportFolder: null,
      approval: LEAD_APPROVAL
    })
    expect(url).not.toBe(back.oms.url)
    expect(await renewClaims(a.deps)).toMatchObject({ renewed: 2, unreachable: false })
    expect(back.oms.claims.list().map((c) => [c.omsOrderId, c.stationId])).toEqual([
      ['OMS-1', a.id],
      ['OMS-2', a.id]
    ])
  })

  it('opens every order with no OMS address, claiming nothing', async () => {
    const { oms } = await warehouse()
    const a = await station('Station 3', oms.url)
    await ok(a, 'sync:saveSettings', {
      omsUrl: null,
      pullIntervalMinutes: 5,
      exportEnabled: false,
      exportFolder: null,
      approval: LEAD_APPROVAL
    })
    expect((await open(a, orderOf(a))).outcome).toBe('no_oms')
    expect(a.sqlite.prepare('select count(*) as n from order_claims').get()).toEqual({ n: 0 })
    expect(oms.claims.list()).toEqual([])
  })
})
