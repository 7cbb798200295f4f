// The serial ledger on the scan path (issue 13): the question "is this IMEI
// live at another station?" is one probe of the partial index of live
// serials, whatever the ledger holds; the conflicts list reads the ledger by
// serial too. Checked on the statements the real handlers prepare and run,
// with EXPLAIN QUERY PLAN, in the style of test/core/queryPlans.test.ts.
import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { storeLedgerEntries } from '../../src/main/core/sync/serialLedger'
import { cleanup, createOperators, imei, importRecords, openTestStation, orderIdOf, orderRecord, TAC_A } from '../core/helpers'
import { ok } from '../sync/helpers'

type Run = { sql: string; params: unknown[] }
let capturing: Run[] | null = null
const original = Database.prototype.prepare

beforeAll(() => {
  Database.prototype.prepare = function (this: Database.Database, source: string) {
    const statement = original.call(this, source)
    for (const method of ['all', 'get'] as const) {
      const run = statement[method] as (...args: unknown[]) => unknown
      Object.defineProperty(statement, method, {
        value: (...params: unknown[]) => {
          capturing?.push({ sql: source, params })
          return run.apply(statement, params)
        }
      })
    }
    return statement
  } as typeof original
})
afterAll(() => {
  Database.prototype.prepare = original
})
afterEach(cleanup)

describe('query plans of the serial ledger', () => {
  it('a scan asks the ledger with one probe of serial_ledger_live; the conflicts list reads it by serial', async () => {
    const t = openTestStation()
    createOperators(t)
    importRecords(t, [orderRecord(1, [{ sku: 'PHONE-A', quantity: 2 }])])
    await ok(t, 'operators:signIn', { badgeCode: 'OP-9001', pin: '1234' })
    // A ledger that has seen a lot: live and released entries of many serials at other stations.
    const entries = Array.from({ length: 2_000 }, (_, i) => ({
      serial: imei(`${TAC_A}${String(500_000 + i).padStart(6, '0')}`),
      oms_order_id: `OMS-${i}`,
      order_number: `SO-${i}`,
      station_id: `ST-${i % 7}`,
      station_name: `Station ${i % 7}`,
      committed_at: '2026-11-21T08:00:00.000Z',
      state: i % 3 === 0 ? ('released' as const) : ('live' as const),
      released_at: i % 3 === 0 ? '2026-11-21T08:10:00.000Z' : null
    }))
    // A box of this station's that the OMS rejected for a serial the ledger has live elsewhere: a conflict to list.
    const mine = imei(`${TAC_A}000001`)
    const orderId = orderIdOf(t, 'OMS-1')
    await ok(t, 'scanning:scan', { orderId, input: mine })
    await ok(t, 'packing:save', { orderId })
    await ok(t, 'packing:save', { orderId })
    const ledger = [...entries, { ...entries[1]!, serial: mine, station_name: 'Station 1' }]
    t.db.transaction((tx) => storeLedgerEntries(tx, 'ST-SELF', ledger, '2026-11-21T09:00:00.000Z'))
    t.sqlite
      .prepare("update outbox set rejected_at = ?, reject_reason = ? where type = 'box.confirmed'")
      .run('2026-11-21T09:01:00.000Z', `IMEI ${mine} is already packed at Station 1 (ST-1) in order SO-1`)
    t.sqlite.exec('analyze')

    const runs: Run[] = (capturing = [])
    try {
      await ok(t, 'scanning:scan', { orderId, input: entries[1]!.serial })
      await ok(t, 'scanning:scan', { orderId, input: imei(`${TAC_A}000002`) })
      expect(await ok(t, 'ledger:conflicts')).toMatchObject([{ serial: mine, elsewhere: { stationName: 'Station 1', live: true } }])
    } finally {
      capturing = null
    }
    const plans = new Map(
      runs
        .filter((r) => /serial_ledger/.test(r.sql))
        .map((r) => [
          r.sql,
          (original.call(t.sqlite, `EXPLAIN QUERY PLAN ${r.sql}`).all(r.params) as { detail: string }[]).map((p) => p.detail)
        ])
    )
    const scanLookup = [...plans].find(([sql]) => /"live" = 1/.test(sql))
    expect(scanLookup?.[1]).toEqual(['SEARCH serial_ledger USING INDEX serial_ledger_live (serial=?)'])
    expect(plans.size).toBe(2)
    for (const [sql, plan] of plans) {
      expect(
        plan.filter((step) => /^SCAN serial_ledger/.test(step)),
        sql
      ).toEqual([])
    }
  })
})
