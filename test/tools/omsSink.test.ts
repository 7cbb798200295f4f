// The outbox benchmark's acknowledging OMS (bench/paths/omsSink.ts) must stay on
// the contract the station speaks, or the benchmark would time refused posts:
// the station's own OMS client talks to it over loopback here.
import { afterEach, describe, expect, it } from 'vitest'
import { startSink } from '../../bench/paths/omsSink'
import { createOmsClient } from '../../src/main/core/sync/omsClient'
import { CONTRACT_VERSION, VERSION_HEADER, type WireEvent } from '../../src/main/core/sync/omsWire'

const event = (id: string): WireEvent => ({
  id,
  type: 'box.confirmed',
  stationId: 'ST-1',
  operator: { id: 1, name: 'Ada' },
  at: '2026-11-30T10:00:00.000Z',
  omsOrderId: 'OMS-1',
  payload: { units: [{ serial: '490154203237518' }] }
})

let close: (() => Promise<void>) | null = null
afterEach(async () => {
  await close?.()
  close = null
})

async function sinkClient() {
  const sink = await startSink(0)
  close = sink.close
  return { sink, client: createOmsClient({ baseUrl: sink.url, stationId: 'ST-1', token: null, timeoutMs: 5_000 }) }
}

describe('the acknowledging OMS of the outbox benchmark', () => {
  it('answers every event of a batch accepted, through the station client', async () => {
    const { sink, client } = await sinkClient()
    const answer = await client.postEvents([event('e-1'), event('e-2'), event('e-3')])
    expect(answer.results).toEqual([
      { id: 'e-1', status: 'accepted' },
      { id: 'e-2', status: 'accepted' },
      { id: 'e-3', status: 'accepted' }
    ])
    expect(sink.counts).toEqual({ batches: 1, events: 3 })
  })

  it('answers the order pull and the serial ledger with empty pages the station accepts', async () => {
    const { client } = await sinkClient()
    expect(await client.pullOrders(null)).toEqual({ orders: [], products: [], next_cursor: '0', has_more: false })
    expect(await client.pullSerialLedger(null)).toEqual({ entries: [], next_cursor: '0', has_more: false })
  })

  it('answers what it does not serve 404, which the station reads as no such OMS feature', async () => {
    const { sink, client } = await sinkClient()
    await expect(client.orderStatus('OMS-1')).resolves.toBeNull()
    const other = await fetch(`${sink.url}/v1/claims`, { method: 'POST', body: '{}' })
    expect(other.status).toBe(404)
    expect(other.headers.get(VERSION_HEADER)).toBe(CONTRACT_VERSION)
  })
})
