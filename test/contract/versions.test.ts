// Every request names its station and contract version; the stand-in checks
// both, as a real OMS would, and the station does what docs/oms-api.yaml
// ("Versions") says with a newer OMS: a newer minor version is read as usual
// (unknown fields ignored), a newer major version is not acted on.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createOmsClient, OmsError } from '../../src/main/core/sync/omsClient'
import { CONTRACT_VERSION } from '../../src/main/core/sync/omsWire'
import { createOperators, openTestStation, orderRecord, allProducts } from '../core/helpers'
import { cleanup, ok, outboxRows, pointAt, standIn, stationIdOf, writeEvents } from '../sync/helpers'
import { OpenApiContract, type Exchange } from './openApiContract'

const contract = new OpenApiContract()
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await cleanup()
  await Promise.all(closers.splice(0).map((close) => close()))
})

/** A raw request to the stand-in, recorded as an exchange (for the contract checker). */
async function call(url: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Exchange> {
  const response = await fetch(url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  return {
    method: body === undefined ? 'GET' : 'POST',
    url: path,
    headers,
    body: body === undefined ? '' : JSON.stringify(body),
    status: response.status,
    responseHeaders: Object.fromEntries(response.headers),
    responseBody: await response.text()
  }
}

describe('the stand-in checks the station and the version', () => {
  const good = { 'x-station-id': 'ST-1', 'x-contract-version': CONTRACT_VERSION }

  it('refuses, with 400 and a code, what names no station, another station, or another major version', async () => {
    const oms = await standIn({ orders: [orderRecord(1)], products: allProducts() })
    const refusals: [Record<string, string>, string, unknown, string][] = [
      [{ 'x-contract-version': CONTRACT_VERSION }, '/v1/stations/ST-1/orders', undefined, 'missing_station_id'],
      [{ 'x-station-id': 'ST-1' }, '/v1/orders/OMS-1/status', undefined, 'missing_contract_version'],
      [{ ...good, 'x-contract-version': '2.0.0' }, '/v1/orders/OMS-1/status', undefined, 'unsupported_version'],
      [good, '/v1/stations/ST-2/orders', undefined, 'station_mismatch'],
      [good, '/v1/events', { stationId: 'ST-2', events: [] }, 'station_mismatch']
    ]
    for (const [headers, path, body, code] of refusals) {
      const exchange = await call(oms.url, path, headers, body)
      expect(exchange.status, `${path} ${JSON.stringify(headers)}`).toBe(400)
      expect(JSON.parse(exchange.responseBody)).toMatchObject({ code, error: expect.any(String) })
      expect(exchange.responseHeaders['x-contract-version']).toBe(CONTRACT_VERSION)
      // The refusal itself keeps to the document.
      expect(contract.checkResponse(exchange)).toEqual([])
    }
    expect(oms.store.received.size).toBe(0)

    const pulled = await call(oms.url, '/v1/stations/ST-1/orders?limit=10', good)
    expect(pulled.status).toBe(200)
    expect(contract.checkResponse(pulled)).toEqual([])
  })
})

describe('the station and a newer OMS', () => {
  it('a newer major version: nothing is acted on, the events stay, and the status says to update the station', async () => {
    const oms = await standIn({ contractVersion: '2.0.0' })
    const t = openTestStation()
    createOperators(t)
    await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
    const ids = writeEvents(t, [null], 3)
    pointAt(t, oms.url)
    await ok(t, 'sync:now')
    const status = await ok<{ lastError: string | null; waiting: number }>(t, 'sync:status')
    expect(status.lastError).toContain(
      `The OMS answers in contract version 2.0.0; this station speaks ${CONTRACT_VERSION}: update the station.`
    )
    expect(status.waiting).toBe(ids.length)
    expect(outboxRows(t).every((r) => r.sent_at === null && r.rejected_at === null)).toBe(true)
    expect(oms.store.received.size).toBe(0)
  })

  it('a newer minor version with a field the station does not know: read as usual, the field ignored', async () => {
    const seen: Record<string, string | string[] | undefined>[] = []
    const server = createServer((req, res) => {
      seen.push(req.headers)
      res.writeHead(200, { 'content-type': 'application/json', 'x-contract-version': '1.9.0' })
      res.end(JSON.stringify({ oms_order_id: 'OMS-1', status: 'cancelled', updated_at: '2026-11-21T09:00:00Z', cancelled_by: 'customer' }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const client = createOmsClient({ baseUrl: url, stationId: 'ST-9', token: null, timeoutMs: 2_000 })
    expect(await client.orderStatus('OMS-1')).toEqual({ oms_order_id: 'OMS-1', status: 'cancelled', updated_at: '2026-11-21T09:00:00Z' })
    expect(seen[0]).toMatchObject({ 'x-station-id': 'ST-9', 'x-contract-version': CONTRACT_VERSION })
  })

  it("a batch carrying another station's events is refused (the header names the station)", async () => {
    const oms = await standIn()
    const t = openTestStation()
    pointAt(t, oms.url)
    const error = await createOmsClient({ baseUrl: oms.url, stationId: 'ST-OTHER', token: null, timeoutMs: 2_000 })
      .postEvents([
        {
          id: 'e1',
          type: 'order.ready',
          stationId: stationIdOf(t),
          operator: null,
          at: '2026-11-21T09:00:00Z',
          omsOrderId: null,
          payload: {}
        }
      ])
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OmsError)
    expect((error as OmsError).message).toMatch(/400.*station_mismatch/)
  })
})
