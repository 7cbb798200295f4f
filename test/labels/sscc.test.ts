// SSCC-18: check digits against published examples, and a counter that never
// hands out a serial reference twice, across restarts too.
import { afterEach, describe, expect, it } from 'vitest'
import { getPrintSettings, savePrintSettings } from '../../src/main/core/labels/printSettings'
import { assignSscc, assignSsccIfConfigured, buildSscc, formatSscc, gs1CheckDigit, isValidSscc } from '../../src/main/core/labels/sscc'
import {
  catchError,
  cleanup,
  createOperators,
  importRecords,
  openTestStation,
  orderIdOf,
  orderRecord,
  snapshot,
  testClock
} from '../core/helpers'
import { addConfirmedBox, serialRun } from './fixtures'

afterEach(cleanup)

describe('GS1 check digit', () => {
  it.each([
    // Infor WMS SSCC example: 1 0614141 192837465 → 7.
    ['10614141192837465', 7],
    // Zebra ZPL II Programming Guide, ^BC UCC-128 example: (00) 1 2345123 451234512 0.
    ['12345123451234512', 0],
    // GS1 General Specifications, SSCC example (00) 1 0614141 123456789 7 (company prefix 0614141).
    ['10614141123456789', 7],
    // GTIN-13 from the GS1 check digit calculator: 629104150021 → 3.
    ['629104150021', 3]
  ])('%s → %i', (digits, check) => {
    expect(gs1CheckDigit(digits)).toBe(check)
  })

  it('builds, validates and prints an SSCC', () => {
    const sscc = buildSscc({ companyPrefix: '0614141', extensionDigit: 1 }, 123456789)
    expect(sscc).toBe('106141411234567897')
    expect(isValidSscc(sscc)).toBe(true)
    expect(isValidSscc('106141411234567890')).toBe(false)
    expect(formatSscc(sscc)).toBe('(00) 1 0614141 123456789 7')
    // A 10-digit prefix leaves 6 digits of serial reference, zero-padded.
    expect(buildSscc({ companyPrefix: '4012345678', extensionDigit: 0 }, 42)).toBe('04012345678000042' + gs1CheckDigit('04012345678000042'))
    expect(() => buildSscc({ companyPrefix: '4012345678', extensionDigit: 0 }, 1_000_000)).toThrow(/does not fit/)
  })
})

function stationWithBoxes(dataDir?: string) {
  const t = openTestStation(dataDir, testClock())
  return t
}

describe('assignSscc', () => {
  it('refuses, changing nothing, while the GS1 numbers are not set; assignSsccIfConfigured gives null', () => {
    const t = stationWithBoxes()
    const { op } = createOperators(t)
    importRecords(t, [orderRecord(1, [{ sku: 'PHONE-A', quantity: 2 }])])
    const box = addConfirmedBox(t, orderIdOf(t, 'OMS-1'), serialRun(1, 1), op.id)
    const before = snapshot(t.sqlite)
    const error = catchError(() => assignSscc(t.db, box))
    expect(error.code).toBe('gs1_not_set')
    expect(error.message).toMatch(/GS1 company prefix is not set/)
    expect(assignSsccIfConfigured(t.db, box)).toBeNull()
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it('allocates references in order, is idempotent per box, and never reuses one after a restart', () => {
    const first = stationWithBoxes()
    const { op } = createOperators(first)
    importRecords(first, [orderRecord(1, [{ sku: 'PHONE-A', quantity: 5 }])])
    const orderId = orderIdOf(first, 'OMS-1')
    savePrintSettings(first.db, { ...getPrintSettings(first.db), gs1: { companyPrefix: '0614141', extensionDigit: 3 } })
    const a = addConfirmedBox(first, orderId, serialRun(1, 1), op.id)
    const b = addConfirmedBox(first, orderId, serialRun(1, 2), op.id)
    const ssccA = assignSscc(first.db, a)
    expect(assignSscc(first.db, a)).toBe(ssccA)
    const ssccB = assignSscc(first.db, b)
    expect([ssccA, ssccB]).toEqual([
      buildSscc({ companyPrefix: '0614141', extensionDigit: 3 }, 1),
      buildSscc({ companyPrefix: '0614141', extensionDigit: 3 }, 2)
    ])

    // A box that got no SSCC is voided (its reference is not returned to the pool); restart.
    const c = addConfirmedBox(first, orderId, serialRun(1, 3), op.id)
    assignSscc(first.db, c)
    first.sqlite.prepare("update boxes set status = 'voided' where id = ?").run(c)
    const dataDir = first.dataDir
    first.close()

    const second = stationWithBoxes(dataDir)
    const d = addConfirmedBox(second, orderId, serialRun(1, 4), op.id)
    const ssccD = assignSscc(second.db, d)
    expect(ssccD).toBe(buildSscc({ companyPrefix: '0614141', extensionDigit: 3 }, 4))
    const all = (second.sqlite.prepare('select sscc from boxes where sscc is not null').all() as { sscc: string }[]).map((r) => r.sscc)
    expect(new Set(all).size).toBe(all.length)
    expect(all.every(isValidSscc)).toBe(true)
  })

  it('works inside a caller’s transaction (as the box confirmation will call it) and rolls back with it', () => {
    const t = stationWithBoxes()
    const { op } = createOperators(t)
    importRecords(t, [orderRecord(1, [{ sku: 'PHONE-A', quantity: 2 }])])
    savePrintSettings(t.db, { ...getPrintSettings(t.db), gs1: { companyPrefix: '0614141', extensionDigit: 1 } })
    const box = addConfirmedBox(t, orderIdOf(t, 'OMS-1'), serialRun(1, 1), op.id)
    expect(() =>
      t.db.transaction((tx) => {
        expect(isValidSscc(assignSscc(tx, box))).toBe(true)
        throw new Error('confirmation failed later')
      })
    ).toThrow('confirmation failed later')
    expect(t.sqlite.prepare('select sscc from boxes where id = ?').get(box)).toEqual({ sscc: null })
    const sscc = t.db.transaction((tx) => assignSscc(tx, box), { behavior: 'immediate' })
    expect(sscc).toBe(buildSscc({ companyPrefix: '0614141', extensionDigit: 1 }, 1))
  })

  it('keeps to the station’s serial range and refuses when it is used up', () => {
    const t = stationWithBoxes()
    const { op } = createOperators(t)
    importRecords(t, [orderRecord(1, [{ sku: 'PHONE-A', quantity: 3 }])])
    const orderId = orderIdOf(t, 'OMS-1')
    savePrintSettings(t.db, {
      ...getPrintSettings(t.db),
      gs1: { companyPrefix: '0614141', extensionDigit: 1, firstSerial: 500, lastSerial: 501 }
    })
    const boxes = [1, 2, 3].map((i) => addConfirmedBox(t, orderId, serialRun(1, i), op.id))
    expect(assignSscc(t.db, boxes[0])).toBe(buildSscc({ companyPrefix: '0614141', extensionDigit: 1 }, 500))
    expect(assignSscc(t.db, boxes[1])).toBe(buildSscc({ companyPrefix: '0614141', extensionDigit: 1 }, 501))
    const error = catchError(() => assignSscc(t.db, boxes[2]))
    expect(error.code).toBe('sscc_exhausted')
    expect(t.sqlite.prepare('select sscc from boxes where id = ?').get(boxes[2])).toEqual({ sscc: null })
  })
})
