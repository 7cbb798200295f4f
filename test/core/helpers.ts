// Shared helpers for the core tests: a real station on a real SQLite file in a
// fresh temp dir, a clock the test moves, IMEIs with a valid check digit, and
// a snapshot of every row of every table to prove "no change".
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import type Database from 'better-sqlite3'
import { expect } from 'vitest'
import { StationError } from '../../src/main/core/errors'
import type { Clock } from '../../src/main/core/clock'
import { createOperator } from '../../src/main/core/operators/operators'
import { importRawFile, type ImportContext } from '../../src/main/core/orders/importOrders'
import { luhnCheckDigit } from '../../src/main/core/scanning/serial'
import { openStation, type Station } from '../../src/main/station'
import type { Operator } from '../../src/shared/operators'

export const START = Date.parse('2026-11-21T09:00:00Z')

const dirs: string[] = []
const open: Station[] = []

export function makeDataDir(): string {
  const dir = mkdtempSync(`${tmpdir()}/ps-test-`)
  dirs.push(dir)
  return dir
}

/** A clock whose time the test sets. */
export function testClock(start = START) {
  let nowMs = start
  const clock: Clock = () => new Date(nowMs)
  return {
    clock,
    set: (t: number | string) => {
      nowMs = typeof t === 'string' ? Date.parse(t) : t
    },
    advance: (ms: number) => {
      nowMs += ms
    }
  }
}

export type TestStation = ReturnType<typeof openTestStation>

export function openTestStation(dataDir = makeDataDir(), time = testClock()) {
  const station = openStation({ dataDir, clock: time.clock })
  open.push(station)
  const { sqlite, db } = station.connection
  const ctx: ImportContext = { db, clock: time.clock, operatorId: null }
  return {
    dataDir,
    station,
    handlers: station.handlers,
    sqlite,
    db,
    clock: time.clock,
    time,
    ctx,
    close: () => closeStation(station)
  }
}

function closeStation(station: Station) {
  const i = open.indexOf(station)
  if (i >= 0) {
    open.splice(i, 1)
    station.close()
  }
}

/** Call in afterEach: closes every station and removes every temp dir. */
export function cleanup() {
  for (const station of [...open]) closeStation(station)
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** A 15-digit IMEI: the 14 given digits plus their Luhn check digit. */
export function imei(first14: string): string {
  if (!/^\d{14}$/.test(first14)) throw new Error(`imei() needs 14 digits, got ${first14}`)
  return first14 + String(luhnCheckDigit(first14))
}

/** An IMEI with a wrong check digit. */
export function badImei(first14: string): string {
  return first14 + String((luhnCheckDigit(first14) + 1) % 10)
}

export type Snapshot = Record<string, unknown[]>

/**
 * Every row of every table (sqlite_master), in a stable order. The refusal log (scan_refusals) is left out unless
 * asked for: it records each refused scan for the shift report by design (core/reports/refusalLog.ts), and "a refusal
 * changes nothing" is about the station's data; test/reports/ checks the log itself.
 */
export function snapshot(sqlite: Database.Database, { refusalLog = false } = {}): Snapshot {
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]
  const out: Snapshot = {}
  for (const { name } of tables) {
    if (name === 'scan_refusals' && !refusalLog) continue
    const quoted = `"${name.replace(/"/g, '""')}"`
    out[name] = sqlite.prepare(`select * from ${quoted} order by rowid`).all()
  }
  return out
}

export const count = (sqlite: Database.Database, table: string, where = '1 = 1', ...params: unknown[]): number =>
  (sqlite.prepare(`select count(*) as n from "${table}" where ${where}`).get(...params) as { n: number }).n

// ---- seed data ----------------------------------------------------------

export const TAC_A = '35391611'
export const TAC_B = '35302611'

export const PRODUCTS = {
  phoneA: {
    sku: 'PHONE-A',
    name: 'Phone A 128GB',
    serialized: true,
    condition: 'used',
    serial_kind: 'imei',
    tacs: [TAC_A]
  },
  phoneB: {
    sku: 'PHONE-B',
    name: 'Phone B 64GB',
    serialized: true,
    condition: 'used',
    serial_kind: 'imei',
    tacs: [TAC_B]
  },
  tablet: {
    sku: 'TABLET-S',
    name: 'Tablet with serial',
    serialized: true,
    condition: 'used',
    serial_kind: 'serial',
    serial_pattern: '[A-Z0-9]{10,12}'
  },
  cable: {
    sku: 'CABLE-1M',
    name: 'USB-C cable',
    serialized: false,
    condition: 'new',
    serial_kind: 'none',
    barcode: '4006381333931'
  }
} as const

export const allProducts = () => Object.values(PRODUCTS).map((p) => structuredClone(p) as Record<string, unknown>)

export type LineInput = { line_id?: string; sku: string; quantity: number; product_name?: string; serialized?: boolean; condition?: string }

/** A ship-to address with every field the contract knows, Polish letters included. */
export const EVERY_SHIP_TO_FIELD = {
  name: 'Zofia Kowalska',
  company: 'Sklep ŁÓDŹ sp. z o.o.',
  street1: 'ul. Piotrkowska 1',
  street2: 'lok. 4',
  city: 'Łódź',
  postal_code: '90-001',
  region: 'łódzkie',
  country: 'PL',
  phone: '+48 600 000 000',
  email: 'zofia@example.com'
}

/** A valid order record (OMS field names), with overrides. */
export function orderRecord(n: number, lines: LineInput[] = [{ sku: 'PHONE-A', quantity: 2 }], overrides: Record<string, unknown> = {}) {
  return {
    oms_order_id: `OMS-${n}`,
    order_number: `SO-${n}`,
    channel: 'Amazon',
    channel_order_id: `404-0000000-${String(n).padStart(7, '0')}`,
    order_type: 'normal',
    ship_to: {
      name: 'Jonas Müller',
      street1: 'Lindenstraße 12',
      city: 'Berlin',
      postal_code: '10969',
      country: 'DE'
    },
    carrier: 'DHL',
    service: 'Parcel',
    priority: 0,
    created_at: '2026-11-20T08:15:00Z',
    lines: lines.map((l, i) => ({
      line_id: l.line_id ?? `L${i + 1}`,
      sku: l.sku,
      product_name: l.product_name ?? `Product ${l.sku}`,
      quantity: l.quantity,
      serialized: l.serialized ?? l.sku !== 'CABLE-1M',
      condition: l.condition ?? 'used'
    })),
    ...overrides
  } as Record<string, unknown>
}

export function importRecords(
  t: TestStation,
  orders: Record<string, unknown>[],
  products: unknown[] = allProducts(),
  source = 'test.json'
) {
  return importRawFile(t.ctx, { products, orders: orders.map((record) => ({ record })) }, source)
}

export function orderIdOf(t: TestStation, omsOrderId: string): number {
  const row = t.sqlite.prepare('select id from orders where oms_order_id = ?').get(omsOrderId) as { id: number } | undefined
  if (!row) throw new Error(`no order ${omsOrderId}`)
  return row.id
}

/** The first operator (a shift lead) and a plain operator. */
export function createOperators(t: TestStation): { lead: Operator; op: Operator } {
  const lead = createOperator(t.db, t.clock, { name: 'Dana Whitfield', badgeCode: 'OP-9001', role: 'shift_lead', pin: '1234' }, null)
  const op = createOperator(t.db, t.clock, { name: 'Marek Nowak', badgeCode: 'OP-1001', role: 'operator' }, lead)
  return { lead, op }
}

/** Runs fn and returns the StationError it throws; fails the test if it throws nothing or something else. */
export function catchError(fn: () => unknown): StationError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(StationError)
    return e as StationError
  }
  throw new Error('expected a StationError, nothing was thrown')
}
