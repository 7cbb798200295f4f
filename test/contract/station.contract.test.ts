// The station and the stand-in OMS against docs/oms-api.yaml, over real HTTP
// on 127.0.0.1: a recording proxy sits between the station's own sync (pull,
// cancellation check, event batches) and the stand-in, and every request and
// every answer that went over the wire is checked with ajv against the
// document. The station emits every event type it reports; a field the
// document does not allow, on either side, fails the test.
import { afterEach, describe, expect, it } from 'vitest'
import { isoNow } from '../../src/main/core/clock'
import { recordExportedEvent } from '../../src/main/core/events/eventLog'
import { exportedEvents } from '../../src/main/core/events/exported'
import { CONTRACT_VERSION } from '../../src/main/core/sync/omsWire'
import { setSetting } from '../../src/main/core/settings/settings'
import {
  allProducts,
  createOperators,
  imei,
  openTestStation,
  orderIdOf,
  orderRecord,
  TAC_A,
  TAC_B,
  type TestStation
} from '../core/helpers'
import { cleanup as cleanupSync, ok, stationIdOf, standIn } from '../sync/helpers'
import { OpenApiContract, type Exchange } from './openApiContract'
import { startRecordingProxy, type RecordingProxy } from './recordingProxy'

const contract = new OpenApiContract()
const TOKEN = 'station-token-1'
const LEAD = { badgeCode: 'OP-9001', pin: '1234' }
const A = (n: number) => imei(`${TAC_A}${String(n).padStart(6, '0')}`)
const B = (n: number) => imei(`${TAC_B}${String(n).padStart(6, '0')}`)

const proxies: RecordingProxy[] = []
afterEach(async () => {
  await cleanupSync()
  await Promise.all(proxies.splice(0).map((p) => p.close()))
})

/** A station pointed (through the recording proxy) at a stand-in holding `orders`, with its token, an operator signed in. */
async function stationAndOms(orders: Record<string, unknown>[]) {
  const oms = await standIn({ token: TOKEN, orders, products: allProducts() })
  const proxy = await startRecordingProxy(oms.url)
  proxies.push(proxy)
  const t = openTestStation()
  createOperators(t)
  setSetting(t.db, 'stationName', 'Stanowisko 1 Łódź')
  await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
  await ok(t, 'sync:saveSettings', {
    omsUrl: proxy.url,
    pullIntervalMinutes: 5,
    token: TOKEN,
    exportEnabled: false,
    exportFolder: null,
    approval: LEAD
  })
  await ok(t, 'sync:now')
  return { t, oms, proxy }
}

const operationOf = (e: Exchange) =>
  e.url.startsWith('/v1/events')
    ? 'postEvents'
    : e.url.startsWith('/v1/serial-ledger')
      ? 'pullSerialLedger'
      : e.url.includes('/status')
        ? 'orderStatus'
        : e.url.includes('/orders')
          ? 'pullOrders'
          : e.url

/** Every exchange's problems, by request: empty when both sides kept to the document. */
const offContract = (exchanges: Exchange[]) =>
  exchanges
    .map((e) => ({ call: `${e.method} ${e.url} → ${e.status}`, problems: [...contract.checkRequest(e), ...contract.checkResponse(e)] }))
    .filter((c) => c.problems.length > 0)

async function drained(t: TestStation) {
  for (let i = 0; i < 20; i++) {
    const result = await ok<{ sent: { rejected: number } | null }>(t, 'sync:now')
    const status = await ok<{ waiting: number; lastError: string | null }>(t, 'sync:status')
    if (status.waiting === 0) return result
    if (i === 19) throw new Error(`events still waiting: ${JSON.stringify(status)}`)
  }
}

describe('the station and the stand-in keep to docs/oms-api.yaml', () => {
  it('every request of every kind, with every event type the station reports, and every answer', async () => {
    const { t, oms, proxy } = await stationAndOms([
      orderRecord(1, [{ sku: 'PHONE-A', quantity: 2 }]),
      orderRecord(2, [{ sku: 'PHONE-B', quantity: 1 }]),
      orderRecord(3, [{ sku: 'PHONE-A', quantity: 1 }]),
      orderRecord(4, [{ sku: 'PHONE-A', quantity: 1 }]),
      orderRecord(5, [{ sku: 'PHONE-A', quantity: 1 }], { oms_status: 'held' }),
      orderRecord(6, [{ sku: 'PHONE-A', quantity: 1 }])
    ])
    const id = (n: number) => orderIdOf(t, `OMS-${n}`)
    const scan = (n: number, input: string) => ok(t, 'scanning:scan', { orderId: id(n), input, entryMethod: 'scanned' })
    const save = (n: number) => ok(t, 'packing:save', { orderId: id(n) })
    const boxes = async (n: number) =>
      (await ok<{ boxes: { id: string; units: { id: string }[] }[] }>(t, 'orders:get', { orderId: id(n) })).boxes

    // SO-1: boxed, reopened, a unit removed and another scanned, confirmed, packed (after the OMS's status check), shipped, returned.
    await scan(1, A(1))
    await scan(1, A(2))
    await save(1)
    await save(1)
    const [box] = await boxes(1)
    await ok(t, 'packing:reopenBox', { orderId: id(1), boxId: box!.id })
    await ok(t, 'packing:removeUnit', { orderId: id(1), unitId: box!.units[0]!.id, reason: 'screen cracked', approval: LEAD })
    await scan(1, A(3))
    await save(1)
    await save(1)
    await ok(t, 'packing:confirm', { orderId: id(1) })
    await ok(t, 'shipping:ship', { orderId: id(1), carrier: 'DHL', service: 'Parcel', trackingNumber: '00340434161234567890' })
    await ok(t, 'returns:record', { orderId: id(1), serials: [A(2), A(3)] })

    // SO-2: a box voided with a shift lead's approval.
    await scan(2, B(1))
    await save(2)
    await save(2)
    await ok(t, 'packing:voidBox', { orderId: id(2), boxId: (await boxes(2))[0]!.id, reason: 'box damaged', approval: LEAD })

    // SO-3: held and released by a shift lead.
    await ok(t, 'orders:hold', { orderId: id(3), reason: 'customer called', approval: LEAD })
    await ok(t, 'orders:release', { orderId: id(3), reason: 'sorted out', approval: LEAD })

    // SO-4: cancelled in the OMS after packing; Packing Confirmation's status check finds it, the unit is unpacked.
    await scan(4, A(4))
    await save(4)
    await save(4)
    oms.store.setStatus('OMS-4', 'cancelled')
    await expect(ok(t, 'packing:confirm', { orderId: id(4) })).rejects.toThrow(/cancelled_in_oms/)
    await ok(t, 'packing:unpack', { orderId: id(4), serial: A(4) })

    // SO-5 came held by the OMS; the OMS releases it, and holds SO-6: the next pull brings both.
    oms.store.setStatus('OMS-5', 'released')
    oms.store.setStatus('OMS-6', 'held')
    await drained(t)

    const received = [...oms.store.received.values()].map((r) => r.event)
    expect(new Set(received.map((e) => e.type))).toEqual(new Set(Object.keys(exportedEvents)))
    expect(oms.store.tally.rejected).toBe(0)
    expect(received.filter((e) => e.omsOrderId === 'OMS-6').map((e) => [e.type, (e.payload as { omsStatus?: string }).omsStatus])).toEqual([
      ['order.on_hold', 'held']
    ])
    // One more pull: the serial ledger now holds this station's serials, live and released (removed, voided, unpacked).
    await ok(t, 'sync:now')
    const ledgerStates = proxy.exchanges
      .filter((e) => operationOf(e) === 'pullSerialLedger')
      .flatMap((e) => (JSON.parse(e.responseBody) as { entries: { state: string }[] }).entries.map((entry) => entry.state))
    expect(new Set(ledgerStates)).toEqual(new Set(['live', 'released']))
    const stationId = stationIdOf(t)
    expect(new Set(proxy.exchanges.map(operationOf))).toEqual(new Set(['pullOrders', 'orderStatus', 'postEvents', 'pullSerialLedger']))
    for (const e of proxy.exchanges) {
      expect(e.headers['x-station-id']).toBe(stationId)
      expect(e.headers['x-station-name']).toBe('Stanowisko%201%20%C5%81%C3%B3d%C5%BA')
      expect(e.headers['x-contract-version']).toBe(CONTRACT_VERSION)
      expect(e.responseHeaders['x-contract-version']).toBe(CONTRACT_VERSION)
    }
    expect(offContract(proxy.exchanges)).toEqual([])
  })

  it('catches the station sending a field the document does not allow', async () => {
    const { t, proxy } = await stationAndOms([orderRecord(1)])
    t.db.transaction((tx) => {
      const at = isoNow(t.clock)
      recordExportedEvent(tx, {
        at,
        type: 'order.in_progress',
        operatorId: null,
        orderId: id1(t),
        payload: { omsOrderId: 'OMS-1', orderNumber: 'SO-1', from: 'ready', to: 'in_progress', at, operatorId: null, mood: 'happy' }
      })
    })
    await drained(t)
    expect(offContract(proxy.exchanges)).toEqual([
      {
        call: expect.stringMatching(/^POST \/v1\/events → 200$/),
        problems: [expect.stringMatching(/^body\/events\/0\/payload must NOT have unevaluated properties .*"mood"/)]
      }
    ])
  })

  it('catches the stand-in answering with a field the document does not allow', async () => {
    const { t, oms, proxy } = await stationAndOms([orderRecord(1)])
    oms.store.putOrder({ ...orderRecord(2), warehouse_zone: 'B' } as never)
    await ok(t, 'sync:now')
    expect(offContract(proxy.exchanges)).toEqual([
      {
        call: expect.stringMatching(/^GET \/v1\/stations\/.*\/orders\?limit=100&cursor=1 → 200$/),
        problems: [expect.stringMatching(/^answer\/orders\/0 must NOT have additional properties .*"warehouse_zone"/)]
      }
    ])
  })
})

const id1 = (t: TestStation) => orderIdOf(t, 'OMS-1')
