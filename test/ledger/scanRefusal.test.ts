// Scan time (SPEC §5, §7): an IMEI the pulled serial ledger has live at
// another station is refused, naming that station and its order, and the
// refusal changes nothing; once released there, it scans here.
import { afterEach, describe, expect, it } from 'vitest'
import { storeLedgerEntries } from '../../src/main/core/sync/serialLedger'
import type { LedgerEntry } from '../../src/main/core/sync/ledgerWire'
import { cleanup, createOperators, imei, importRecords, openTestStation, orderIdOf, orderRecord, snapshot, TAC_A } from '../core/helpers'
import { ok, stationIdOf } from '../sync/helpers'

afterEach(cleanup)

const X = imei(`${TAC_A}000101`)
const Y = imei(`${TAC_A}000102`)

const entry = (serial: string, overrides: Partial<LedgerEntry> = {}): LedgerEntry => ({
  serial,
  oms_order_id: 'OMS-9001',
  order_number: 'SO-9001',
  station_id: 'ST-OTHER03',
  station_name: 'Station 3',
  committed_at: '2026-11-21T08:00:00.000Z',
  state: 'live',
  released_at: null,
  ...overrides
})

async function station() {
  const t = openTestStation()
  createOperators(t)
  importRecords(t, [orderRecord(1, [{ sku: 'PHONE-A', quantity: 2 }])])
  await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
  const orderId = orderIdOf(t, 'OMS-1')
  const scan = (input: string) =>
    ok<{ outcome: string; message: string; units: number }>(t, 'scanning:scan', { orderId, input, entryMethod: 'scanned' })
  const store = (...entries: LedgerEntry[]) =>
    t.db.transaction((tx) => storeLedgerEntries(tx, stationIdOf(t), entries, '2026-11-21T09:00:00.000Z'))
  return { t, scan, store }
}

describe('a serial live at another station', () => {
  it('is refused at scan time, naming the station and the order, and nothing changes', async () => {
    const { t, scan, store } = await station()
    store(entry(X))
    const before = snapshot(t.sqlite)
    const answer = await scan(X)
    expect(answer).toMatchObject({ outcome: 'duplicate', message: `Duplicate: ${X} is in order SO-9001 at Station 3`, units: 0 })
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it('is named by its station id when the OMS knows no name', async () => {
    const { scan, store } = await station()
    store(entry(X, { station_name: null }))
    expect((await scan(X)).message).toBe(`Duplicate: ${X} is in order SO-9001 at ST-OTHER03`)
  })

  it('scans here once released there, and a page stored twice changes nothing', async () => {
    const { t, scan, store } = await station()
    store(entry(X))
    store(entry(X, { state: 'released', released_at: '2026-11-21T08:30:00.000Z' }))
    store(entry(X, { state: 'released', released_at: '2026-11-21T08:30:00.000Z' }))
    expect(t.sqlite.prepare('select serial, live, released_at from serial_ledger').all()).toEqual([
      { serial: X, live: 0, released_at: '2026-11-21T08:30:00.000Z' }
    ])
    expect(await scan(X)).toMatchObject({ outcome: 'accepted', units: 1 })
  })

  it("keeps no entry of this station's own (its units are its own history), and other serials scan", async () => {
    const { t, scan, store } = await station()
    expect(store(entry(X, { station_id: stationIdOf(t) }), entry(Y, { station_id: 'ST-OTHER04' }))).toBe(1)
    expect(await scan(X)).toMatchObject({ outcome: 'accepted' })
    expect(await scan(Y)).toMatchObject({ outcome: 'duplicate', message: `Duplicate: ${Y} is in order SO-9001 at Station 3` })
  })
})
