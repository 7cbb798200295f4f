// The stand-in OMS's serial ledger (tools/oms-dev/ledger.ts), over real HTTP:
// which accepted events make a serial live and which release it, the
// rejection of a box holding a serial live at another station (and not of
// one released there), station names from X-Station-Name, and the ledger
// and its cursor surviving a restart on the same file.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createOmsClient } from '../../src/main/core/sync/omsClient'
import type { WireEvent } from '../../src/main/core/sync/omsWire'
import { makeDataDir } from '../core/helpers'
import { cleanup, standIn } from '../sync/helpers'

afterEach(cleanup)

const unit = (serial: string, serial2: string | null = null) => ({
  unitId: `U-${serial}`,
  lineId: 'L1',
  sku: 'PHONE-A',
  serial,
  serial2,
  entryMethod: 'scanned'
})
const order = (n: number) => ({ omsOrderId: `OMS-${n}`, orderNumber: `SO-${n}` })
const lead = { id: 1, name: 'Dana Whitfield' }

let seq = 0
function event(stationId: string, type: string, n: number, payload: Record<string, unknown>): WireEvent {
  seq++
  return {
    id: `${stationId}-${String(seq).padStart(8, '0')}`,
    type,
    stationId,
    operator: null,
    at: `2026-11-21T09:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    omsOrderId: `OMS-${n}`,
    payload: { ...order(n), ...payload }
  }
}
const box = (station: string, n: number, units: ReturnType<typeof unit>[]) =>
  event(station, 'box.confirmed', n, {
    boxId: `B-${seq}`,
    boxNumber: 1,
    sscc: null,
    presetName: null,
    dimensionsMm: null,
    weightG: null,
    units
  })

const client = (url: string, stationId: string, stationName: string | null = null) =>
  createOmsClient({ baseUrl: url, stationId, stationName, token: null, timeoutMs: 2_000 })

/** Every entry from the start, as `serial@station:order=state`. */
async function ledger(url: string): Promise<string[]> {
  const page = await client(url, 'ST-READER').pullSerialLedger(null, 1000)
  return page!.entries.map((e) => `${e.serial}@${e.station_name ?? e.station_id}:${e.order_number}=${e.state}`)
}

describe('the stand-in serial ledger', () => {
  it('a confirmed box makes serials live; a removed unit, an unpacked one, a voided box and a cancelled order release them', async () => {
    const oms = await standIn()
    const a = client(oms.url, 'ST-A', 'Station A')
    const answer = await a.postEvents([
      box('ST-A', 1, [unit('111111111111111', '111111111111112'), unit('222222222222222')]),
      box('ST-A', 2, [unit('333333333333333')]),
      box('ST-A', 3, [unit('444444444444444'), unit('555555555555555')]),
      box('ST-A', 4, [unit('666666666666666')])
    ])
    expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted'])
    await a.postEvents([
      event('ST-A', 'unit.removed', 1, { boxId: 'B-1', boxNumber: 1, reason: 'cracked', approvedBy: lead, unit: unit('222222222222222') }),
      event('ST-A', 'order.unpacked_after_cancel', 2, { boxId: 'B-2', boxNumber: 1, unit: unit('333333333333333') }),
      event('ST-A', 'box.voided', 3, { boxId: 'B-3', boxNumber: 1, reason: 'damaged', approvedBy: lead, units: [unit('444444444444444')] }),
      event('ST-A', 'order.cancelled', 4, { from: 'in_progress', to: 'cancelled', at: '2026-11-21T09:30:00.000Z', operatorId: null })
    ])
    // Another station's release does not touch A's entries.
    await client(oms.url, 'ST-B').postEvents([
      event('ST-B', 'unit.removed', 3, { boxId: null, boxNumber: null, reason: 'x', approvedBy: lead, unit: unit('555555555555555') })
    ])
    expect((await ledger(oms.url)).sort()).toEqual(
      [
        '111111111111111@Station A:SO-1=live',
        '111111111111112@Station A:SO-1=live',
        '222222222222222@Station A:SO-1=released',
        '333333333333333@Station A:SO-2=released',
        '444444444444444@Station A:SO-3=released',
        '555555555555555@Station A:SO-3=live',
        '666666666666666@Station A:SO-4=released'
      ].sort()
    )
  })

  it('rejects a box holding a serial live at another station, naming it; takes it once released there', async () => {
    const oms = await standIn()
    await client(oms.url, 'ST-A', 'Station A').postEvents([box('ST-A', 1, [unit('777777777777777')])])
    const b = client(oms.url, 'ST-B', 'Station B')
    const first = box('ST-B', 2, [unit('888888888888888'), unit('777777777777777')])
    expect((await b.postEvents([first])).results).toEqual([
      { id: first.id, status: 'rejected', reason: 'IMEI 777777777777777 is already packed at Station A (ST-A) in order SO-1' }
    ])
    // Nothing of the rejected box entered the ledger.
    expect(await ledger(oms.url)).toEqual(['777777777777777@Station A:SO-1=live'])
    // The same station boxing it again in its own order is no conflict.
    expect((await client(oms.url, 'ST-A').postEvents([box('ST-A', 1, [unit('777777777777777')])])).results[0]!.status).toBe('accepted')

    await client(oms.url, 'ST-A').postEvents([
      event('ST-A', 'unit.removed', 1, {
        boxId: null,
        boxNumber: null,
        reason: 'wrong device',
        approvedBy: lead,
        unit: unit('777777777777777')
      })
    ])
    expect((await b.postEvents([first])).results[0]!.status).toBe('accepted')
    expect(await ledger(oms.url)).toEqual([
      '777777777777777@Station A:SO-1=released',
      '888888888888888@Station B:SO-2=live',
      '777777777777777@Station B:SO-2=live'
    ])
  })

  it('keeps the ledger, its cursor and the names across a restart on the same file', async () => {
    const file = join(makeDataDir(), 'oms.db')
    const before = await standIn({ db: file })
    await client(before.url, 'ST-A', 'Stanowisko Łódź').postEvents([box('ST-A', 1, [unit('999999999999999')])])
    const cursor = (await client(before.url, 'ST-R').pullSerialLedger(null))!.next_cursor
    await before.close()

    const after = await standIn({ db: file })
    expect(await ledger(after.url)).toEqual(['999999999999999@Stanowisko Łódź:SO-1=live'])
    await client(after.url, 'ST-A').postEvents([box('ST-A', 2, [unit('123456789012347')])])
    const next = await client(after.url, 'ST-R').pullSerialLedger(cursor)
    expect(next!.entries.map((e) => e.serial)).toEqual(['123456789012347'])
    expect(Number(next!.next_cursor)).toBeGreaterThan(Number(cursor))
  })
})
