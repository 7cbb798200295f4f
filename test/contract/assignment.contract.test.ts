// Per-station assignment against docs/oms-api.yaml, over real HTTP on
// 127.0.0.1: two stations pull, through a recording proxy, from a stand-in
// whose order file assigns orders to each of them; each imports only its
// share, and every request and answer that went over the wire keeps to the
// document (the assignment is the OMS's bookkeeping, never a field of the
// served Order, which is closed).
import { afterEach, describe, expect, it } from 'vitest'
import { pullOrders } from '../../src/main/core/sync/orderPull'
import { allProducts, openTestStation, orderRecord } from '../core/helpers'
import { createOmsClient } from '../../src/main/core/sync/omsClient'
import { cleanup as cleanupSync, stationIdOf, standIn } from '../sync/helpers'
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

describe('per-station assignment keeps to docs/oms-api.yaml', () => {
  it('two stations pull their own and the unassigned orders; every exchange validates', async () => {
    const a = openTestStation()
    const b = openTestStation()
    const [idA, idB] = [stationIdOf(a), stationIdOf(b)]
    const oms = await standIn({
      products: allProducts(),
      orders: [{ ...orderRecord(1), assigned_station_id: idA }, { ...orderRecord(2), assigned_station_id: idB }, orderRecord(3)],
      token: TOKEN
    })
    const proxy = await startRecordingProxy(oms.url)
    proxies.push(proxy)
    const client = (stationId: string) => createOmsClient({ baseUrl: proxy.url, stationId, token: TOKEN, timeoutMs: 2_000 })

    expect(await pullOrders(a.db, a.clock, client(idA))).toMatchObject({ imported: 2, failed: 0 })
    expect(await pullOrders(b.db, b.clock, client(idB))).toMatchObject({ imported: 2, failed: 0 })

    const served = (stationId: string) =>
      proxy.exchanges
        .filter((e) => e.url.startsWith(`/v1/stations/${stationId}/orders`) && e.status === 200)
        .flatMap((e) => (JSON.parse(e.responseBody) as { orders: { oms_order_id: string }[] }).orders.map((o) => o.oms_order_id))
    expect(served(idA)).toEqual(['OMS-1', 'OMS-3'])
    expect(served(idB)).toEqual(['OMS-2', 'OMS-3'])
    expect(offContract(proxy.exchanges)).toEqual([])
  })

  it('catches an Order that carries the assignment as a field', () => {
    const exchange: Exchange = {
      method: 'GET',
      url: '/v1/stations/ST-1/orders',
      headers: { 'x-station-id': 'ST-1', 'x-contract-version': '1.2.0' },
      body: '',
      status: 200,
      responseHeaders: { 'content-type': 'application/json', 'x-contract-version': '1.2.0' },
      responseBody: JSON.stringify({
        orders: [{ ...orderRecord(1), assigned_station_id: 'ST-1' }],
        next_cursor: '1',
        has_more: false
      })
    }
    expect(contract.checkResponse(exchange).join(' ')).toMatch(/assigned_station_id|additional/i)
  })
})
