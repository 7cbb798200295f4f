// Order claims against docs/oms-api.yaml over real HTTP on 127.0.0.1: two
// stations, each behind a recording proxy, claim, renew, are refused (409),
// take over, release and meet an order packed elsewhere (409 already_packed)
// through the station's own claim calls; every request
// and every answer that went over the wire is checked with ajv against the
// document, and each claim answer the document lists occurs.
import { afterEach, describe, expect, it } from 'vitest'
import { renewClaims } from '../../src/main/core/sync/claimLease'
import { imei, TAC_A } from '../core/helpers'
import { LEAD_APPROVAL, orderOf, station, warehouse } from '../claims/helpers'
import { cleanup as cleanupSync, ok } from '../sync/helpers'
import { OpenApiContract, type Exchange } from './openApiContract'
import { startRecordingProxy, type RecordingProxy } from './recordingProxy'

const contract = new OpenApiContract()
const TOKEN = 'station-token-1'
const proxies: RecordingProxy[] = []
afterEach(async () => {
  await cleanupSync()
  await Promise.all(proxies.splice(0).map((p) => p.close()))
})

const offContract = (exchanges: Exchange[]) =>
  exchanges
    .map((e) => ({ call: `${e.method} ${e.url} → ${e.status}`, problems: [...contract.checkRequest(e), ...contract.checkResponse(e)] }))
    .filter((c) => c.problems.length > 0)

describe('order claims keep to docs/oms-api.yaml', () => {
  it('claim, renewal, 409 by name, takeover, release, and an order the OMS does not know', async () => {
    const { oms } = await warehouse(2, TOKEN)
    const proxy = await startRecordingProxy(oms.url)
    proxies.push(proxy)
    const a = await station('Stanowisko 1 Łódź', proxy.url, TOKEN)
    const b = await station('Bench 7', proxy.url, TOKEN)

    await ok(a, 'claims:open', { orderId: orderOf(a) })
    await renewClaims(a.deps)
    await ok(b, 'claims:open', { orderId: orderOf(b) })
    await ok(b, 'claims:takeOver', { orderId: orderOf(b), approval: LEAD_APPROVAL })
    await renewClaims(a.deps)
    await ok(b, 'claims:open', { orderId: orderOf(b, 2) })
    await ok(b, 'claims:release', { orderId: orderOf(b, 2) })
    oms.store.db.prepare("DELETE FROM orders WHERE oms_order_id = 'OMS-2'").run()
    await ok(a, 'claims:open', { orderId: orderOf(a, 2) })

    const claims = proxy.exchanges.filter((e) => e.url.includes('/claim'))
    expect(new Set(claims.map((e) => `${e.method} ${e.status}`))).toEqual(new Set(['PUT 200', 'PUT 409', 'PUT 404', 'DELETE 200']))
    expect(offContract(proxy.exchanges)).toEqual([])
    expect(claims.every((e) => e.headers['x-contract-version'] === '1.2.0')).toBe(true)
  })

  it('an order another station packed: 409 already_packed to a claim, and the second packing rejected', async () => {
    const { oms } = await warehouse(1, TOKEN)
    const proxy = await startRecordingProxy(oms.url)
    proxies.push(proxy)
    const a = await station('Station 3', proxy.url, TOKEN)
    const b = await station('Bench 7', proxy.url, TOKEN)
    const orderId = orderOf(a)
    await ok(a, 'claims:open', { orderId })
    for (const body of ['000001', '000002']) await ok(a, 'scanning:scan', { orderId, input: imei(TAC_A + body) })
    await ok(a, 'packing:save', { orderId })
    await ok(a, 'packing:save', { orderId })
    await ok(a, 'packing:confirm', { orderId })
    await ok(a, 'sync:now')
    expect(await ok(b, 'claims:open', { orderId: orderOf(b) })).toMatchObject({ outcome: 'already_packed' })
    // B's packing arrives anyway (an event written while offline): rejected, naming A.
    const [packed] = [...oms.store.received.values()].filter((r) => r.event.type === 'order.packed')
    const again = oms.store.receive([{ ...packed!.event, id: 'B-again', stationId: b.id }])
    expect(again).toEqual([{ id: 'B-again', status: 'rejected', reason: expect.stringContaining(`already packed at Station 3 (${a.id})`) }])

    const refusals = proxy.exchanges.filter((e) => e.url.includes('/claim') && e.status === 409)
    expect(refusals.map((e) => (JSON.parse(e.responseBody) as { code: string }).code)).toEqual(['already_packed'])
    expect(offContract(proxy.exchanges)).toEqual([])
  })

  it('catches a claim answer with a field the document does not allow', () => {
    const exchange: Exchange = {
      method: 'PUT',
      url: '/v1/orders/OMS-1/claim',
      headers: { 'x-station-id': 'ST-1', 'x-contract-version': '1.2.0', 'content-type': 'application/json' },
      body: JSON.stringify({ stationName: 'Station 3', leaseSeconds: 120, takeover: false }),
      status: 409,
      responseHeaders: { 'content-type': 'application/json', 'x-contract-version': '1.2.0' },
      responseBody: JSON.stringify({
        code: 'claimed_elsewhere',
        error: 'taken',
        holder: { stationId: 'ST-2', stationName: null, since: '2026-11-21T09:00:00.000Z', expiresAt: '2026-11-21T09:02:00.000Z', extra: 1 }
      })
    }
    expect(contract.checkResponse(exchange).join(' ')).toMatch(/extra|additional/i)
  })
})
