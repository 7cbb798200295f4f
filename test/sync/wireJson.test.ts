// The POST /events body written as text must be exactly what JSON.stringify
// writes for the same batch: the OMS parses one or the other alike.
import { describe, expect, it } from 'vitest'
import type { WireEvent } from '../../src/main/core/sync/omsWire'
import { eventBatchJson, JsonText } from '../../src/main/core/sync/wireJson'

const payload = {
  omsOrderId: 'OMS-1',
  units: [{ serial: '356789012345678', serial2: null, note: 'Müller "quoted" \\ \n\u2028 😀' }],
  n: 1.5
}

const events: WireEvent[] = [
  {
    id: '0193a1c2-7d4e-7f00-8a00-000000000001',
    type: 'box.confirmed',
    stationId: 'ST-1',
    operator: { id: 7, name: 'Dana "DW" Whitfield' },
    at: '2026-11-21T09:00:00.000Z',
    omsOrderId: 'OMS-1',
    payload
  },
  { id: 'e2', type: 'order.packed', stationId: 'ST-1', operator: null, at: '2026-11-21T09:00:01.000Z', omsOrderId: null, payload: null },
  { id: 'e3', type: 'station.x', stationId: 'ST-1', operator: null, at: '2026-11-21T09:00:02.000Z', omsOrderId: null, payload: [1, 'two'] }
]

describe('the POST /events body', () => {
  it('is what JSON.stringify writes, with payloads given as objects', () => {
    expect(eventBatchJson('ST-1', events)).toBe(JSON.stringify({ stationId: 'ST-1', events }))
  })

  it('is the same with payloads given as the JSON text the outbox stores', () => {
    const asText = events.map((e) => ({ ...e, payload: new JsonText(JSON.stringify(e.payload)) }))
    expect(eventBatchJson('ST-1', asText)).toBe(JSON.stringify({ stationId: 'ST-1', events }))
    // Anything else that serializes the event sees the parsed payload.
    expect(JSON.stringify(asText[0])).toBe(JSON.stringify(events[0]))
  })
})
