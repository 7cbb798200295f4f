// The contract checker itself can fail: a deliberately wrong request or answer
// is refused, with the reason, and the document's examples pass.
import { describe, expect, it } from 'vitest'
import { CONTRACT_VERSION } from '../../src/main/core/sync/omsWire'
import { OpenApiContract, type Exchange } from './openApiContract'

const contract = new OpenApiContract()

const unit = { unitId: 'ST-1-u1', lineId: 'L1', sku: 'PHONE-A', serial: '353916112044813', serial2: null, entryMethod: 'scanned' }
const boxConfirmed = {
  id: '0193a1c2-7d4e-7f00-8a00-000000000001',
  type: 'box.confirmed',
  stationId: 'ST-1A2B3C4D',
  operator: { id: 2, name: 'Marek Nowak' },
  at: '2026-11-21T09:00:00.000Z',
  omsOrderId: 'OMS-1',
  payload: {
    omsOrderId: 'OMS-1',
    orderNumber: 'SO-1',
    boxId: 'ST-1-b1',
    boxNumber: 1,
    sscc: null,
    presetName: null,
    dimensionsMm: null,
    weightG: null,
    units: [unit]
  }
}
const statusChange = {
  ...boxConfirmed,
  id: '0193a1c2-7d4e-7f00-8a00-000000000002',
  type: 'order.in_progress',
  payload: { omsOrderId: 'OMS-1', orderNumber: 'SO-1', from: 'ready', to: 'in_progress', at: '2026-11-21T09:00:00.000Z', operatorId: 2 }
}

const post = (body: unknown, headers: Record<string, string> = {}): Exchange => ({
  method: 'POST',
  url: '/v1/events',
  headers: {
    authorization: 'Bearer t',
    'x-station-id': 'ST-1A2B3C4D',
    'x-contract-version': CONTRACT_VERSION,
    'content-type': 'application/json',
    ...headers
  },
  body: JSON.stringify(body),
  status: 200,
  responseHeaders: { 'x-contract-version': CONTRACT_VERSION },
  responseBody: JSON.stringify({ results: [{ id: boxConfirmed.id, status: 'accepted' }] })
})

describe('the contract checker', () => {
  it('speaks the version the station sends', () => {
    expect(contract.version).toBe(CONTRACT_VERSION)
  })

  it('passes a well-formed batch and its answer', () => {
    const exchange = post({ stationId: 'ST-1A2B3C4D', events: [boxConfirmed, statusChange] })
    expect(contract.checkRequest(exchange)).toEqual([])
    expect(contract.checkResponse(exchange)).toEqual([])
  })

  it('chooses the payload schema by `type`: a box.confirmed payload under order.packed is refused', () => {
    const wrong = { ...boxConfirmed, type: 'order.packed' }
    expect(contract.checkRequest(post({ stationId: 'ST-1A2B3C4D', events: [wrong] })).join('\n')).toMatch(
      /\/events\/0\/payload must have required property 'from'/
    )
  })

  it('refuses a field the document does not allow, in the envelope, the payload or a unit', () => {
    const extra = (event: unknown) => contract.checkRequest(post({ stationId: 'ST-1A2B3C4D', events: [event] })).join('\n')
    expect(extra({ ...boxConfirmed, note: 'hi' })).toMatch(/must NOT have unevaluated properties .*"note"/)
    expect(extra({ ...boxConfirmed, payload: { ...boxConfirmed.payload, colour: 'red' } })).toMatch(/additional properties .*"colour"/)
    expect(extra({ ...statusChange, payload: { ...statusChange.payload, sneaky: 1 } })).toMatch(/unevaluated properties .*"sneaky"/)
    expect(extra({ ...boxConfirmed, payload: { ...boxConfirmed.payload, units: [{ ...unit, imei3: 'x' }] } })).toMatch(/"imei3"/)
  })

  it('refuses an unknown event type, a missing station header, a wrong version text, a missing token', () => {
    const body = { stationId: 'ST-1A2B3C4D', events: [boxConfirmed] }
    expect(contract.checkRequest(post({ stationId: 'ST-1A2B3C4D', events: [{ ...boxConfirmed, type: 'box.painted' }] })).join()).toMatch(
      /body\/events\/0 value of tag "type" must be in oneOf/
    )
    const noStation = post(body)
    delete noStation.headers['x-station-id']
    expect(contract.checkRequest(noStation)).toContain('header parameter X-Station-Id is missing')
    expect(contract.checkRequest(post(body, { 'x-contract-version': 'v1' })).join()).toMatch(/X-Contract-Version must match pattern/)
    const noToken = post(body)
    delete noToken.headers.authorization
    expect(contract.checkRequest(noToken)).toContain('the bearer token is missing')
  })

  it('refuses an off-contract answer: a result without its reason, an unknown status, a status the document does not list', () => {
    const answered = (results: unknown, status = 200) => ({
      ...post({ stationId: 'ST-1A2B3C4D', events: [boxConfirmed] }),
      status,
      responseBody: JSON.stringify({ results })
    })
    expect(contract.checkResponse(answered([{ id: 'a', status: 'rejected' }])).join()).toMatch(/must have required property 'reason'/)
    expect(contract.checkResponse(answered([{ id: 'a', status: 'deferred' }])).join()).toMatch(/status/)
    expect(contract.checkResponse(answered([], 302))).toEqual(['status 302 is not an answer the document lists for postEvents'])
    expect(contract.checkResponse({ ...answered([]), responseHeaders: { 'x-contract-version': 'latest' } }).join()).toMatch(
      /X-Contract-Version must match pattern/
    )
  })

  it('checks a pull: path, query and answer', () => {
    const pull: Exchange = {
      method: 'GET',
      url: '/v1/stations/ST-1A2B3C4D/orders?limit=100&since=yesterday',
      headers: { authorization: 'Bearer t', 'x-station-id': 'ST-1A2B3C4D', 'x-contract-version': CONTRACT_VERSION },
      body: '',
      status: 200,
      responseHeaders: {},
      responseBody: JSON.stringify({ orders: [], next_cursor: '', has_more: 'no' })
    }
    expect(contract.checkRequest(pull)).toEqual(['query parameter since is not in the document'])
    expect(contract.checkResponse(pull).join('\n')).toMatch(
      /next_cursor must NOT have fewer than 1 characters[\s\S]*has_more must be boolean/
    )
  })

  it('refuses a discriminator mapping that disagrees with its branches', () => {
    const text = contract.documentText.replace('order.ready: ', 'order.readied: ')
    expect(() => new OpenApiContract(text)).toThrow(/order.readied/)
  })
})
