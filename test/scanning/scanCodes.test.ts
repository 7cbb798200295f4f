// Box codes through the real scan path (scanUnit on a SQLite file): a
// labelled QR into a dual-IMEI line, GS1 codes with their GTIN checked
// against the catalogue, refusals that name the part and change nothing,
// and the code's other parts kept with the unit and shown in IMEI history.
import { afterEach, describe, expect, it } from 'vitest'
import { serialHistory } from '../../src/main/core/history/serialHistory'
import { scanUnit, type ScanCommit } from '../../src/main/core/scanning/scanUnit'
import {
  allProducts,
  cleanup,
  count,
  createOperators,
  imei,
  importRecords,
  openTestStation,
  orderIdOf,
  orderRecord,
  snapshot,
  TAC_A,
  TAC_B,
  type TestStation
} from '../core/helpers'

afterEach(cleanup)

const NO_AFFIXES = { prefixes: [], suffixes: [] }
const GS = '\u001d'
const GTIN_A = '09501101530003'
const GTIN_B = '04006381333931'
const TAC_DUAL = '35209900'
const D1 = imei(`${TAC_DUAL}000011`)
const D2 = imei(`${TAC_DUAL}000012`)
const A1 = imei(`${TAC_A}000001`)
const A2 = imei(`${TAC_A}000002`)
const B1 = imei(`${TAC_B}000001`)

type World = TestStation & {
  ids: { single: number; dual: number; tablet: number }
  scan: (orderId: number, input: string) => ScanCommit
  unitRow: (serial: string) => { serial: string; serial2: string | null; code_parts: string | null }
}

function world(): World {
  const t = openTestStation()
  const { op } = createOperators(t)
  const products = allProducts().map((p) =>
    p.sku === 'PHONE-A' ? { ...p, gtin: GTIN_A } : p.sku === 'PHONE-B' ? { ...p, gtin: '4006381333931' } : p
  )
  products.push({
    sku: 'PHONE-DUAL',
    name: 'Phone Dual SIM',
    serialized: true,
    condition: 'used',
    serial_kind: 'imei',
    imeis_per_unit: 2,
    tacs: [TAC_DUAL]
  })
  const summary = importRecords(
    t,
    [
      orderRecord(1, [{ sku: 'PHONE-A', quantity: 2 }]),
      orderRecord(2, [{ sku: 'PHONE-DUAL', quantity: 1 }]),
      orderRecord(3, [{ sku: 'TABLET-S', quantity: 1 }])
    ],
    products
  )
  expect(summary.failures).toEqual([])
  return {
    ...t,
    ids: { single: orderIdOf(t, 'OMS-1'), dual: orderIdOf(t, 'OMS-2'), tablet: orderIdOf(t, 'OMS-3') },
    scan: (orderId, input) => scanUnit(t.db, t.clock, NO_AFFIXES, { orderId, input, operatorId: op.id }),
    unitRow: (serial) => t.sqlite.prepare('select serial, serial2, code_parts from scanned_units where serial = ?').get(serial) as never
  }
}

/** Refused with this outcome and message, and the database is byte-for-byte what it was. */
function expectRefused(w: World, orderId: number, input: string, outcome: ScanCommit['outcome'], message: string | RegExp) {
  const before = snapshot(w.sqlite)
  const r = w.scan(orderId, input)
  expect(r.outcome).toBe(outcome)
  if (typeof message === 'string') expect(r.message).toBe(message)
  else expect(r.message).toMatch(message)
  expect(r.units).toBe(0)
  expect(snapshot(w.sqlite)).toEqual(before)
}

describe('labelled box codes', () => {
  it('a Samsung-style QR on a dual-IMEI line is one unit with both IMEIs, its S/N kept with it', () => {
    const w = world()
    const r = w.scan(w.ids.dual, `IMEI1:${D1},IMEI2:${D2},S/N:R58M12ABCDE`)
    expect(r).toMatchObject({ outcome: 'accepted', units: 1, message: `OK ${D1} + ${D2}` })
    expect(w.unitRow(D1)).toEqual({ serial: D1, serial2: D2, code_parts: JSON.stringify([{ name: 'S/N', value: 'R58M12ABCDE' }]) })
  })

  it.each([
    ['IMEI and S/N', (a: string) => `IMEI:${a},S/N:R58M1`],
    ['"IMEI 1:" with a space', (a: string) => `IMEI 1: ${a}`],
    ['lower case', (a: string) => `imei1:${a}`],
    ['typed with dashes', (a: string) => `${a.slice(0, 2)}-${a.slice(2, 8)}-${a.slice(8, 14)}-${a[14]}`]
  ])('%s on a single-IMEI line is one unit', (_name, code) => {
    const w = world()
    expect(w.scan(w.ids.single, code(A1))).toMatchObject({ outcome: 'accepted', units: 1, serial: A1 })
    expect(count(w.sqlite, 'scanned_units')).toBe(1)
  })

  it('a bad check digit in IMEI 2 is refused by its name, and nothing is written', () => {
    const w = world()
    const bad = D2.slice(0, 14) + String((Number(D2[14]) + 1) % 10)
    expectRefused(
      w,
      w.ids.dual,
      `IMEI1:${D1},IMEI2:${bad},S/N:R58M1`,
      'invalid_serial',
      `IMEI 2 ${bad}: IMEI check digit is wrong (ends in ${bad[14]}, should be ${D2[14]}): rescan`
    )
  })

  it('IMEI 1 and IMEI 2 of one device on a line that takes one IMEI per unit are refused', () => {
    const w = world()
    expectRefused(w, w.ids.single, `IMEI1:${A1},IMEI2:${A2}`, 'wrong_item', /^This code holds IMEI 1 and IMEI 2 of one device, but/)
  })

  it('a part without a label is refused before any serial is checked', () => {
    const w = world()
    expectRefused(w, w.ids.dual, `IMEI1:${D1},${D2}`, 'invalid_serial', /has no label/)
  })

  it('a format character inside a labelled code is refused, not stripped', () => {
    const w = world()
    expectRefused(
      w,
      w.ids.dual,
      `IMEI1:${D1},IMEI2:\u202e${D2}`,
      'invalid_serial',
      'Scan contains U+202E (a hidden text-direction character): rescan the label'
    )
  })
})

describe('GS1 element strings', () => {
  it('a GS1 DataMatrix: AI 21 is the serial; GTIN and lot are kept with the unit', () => {
    const w = world()
    const r = w.scan(w.ids.single, `]d201${GTIN_A}21${A1}${GS}10LOT42`)
    expect(r).toMatchObject({ outcome: 'accepted', units: 1, serial: A1 })
    expect(JSON.parse(w.unitRow(A1).code_parts!)).toEqual([
      { name: 'GTIN', value: GTIN_A },
      { name: 'Lot (10)', value: 'LOT42' }
    ])
  })

  it('without AIM identifier and in the bracketed form', () => {
    const w = world()
    expect(w.scan(w.ids.single, `01${GTIN_A}21${A1}`)).toMatchObject({ outcome: 'accepted', serial: A1 })
    expect(w.scan(w.ids.single, `(01)${GTIN_A}(21)${A2}`)).toMatchObject({ outcome: 'accepted', serial: A2 })
  })

  it('a GTIN with a wrong check digit is refused and names the GTIN', () => {
    const w = world()
    expectRefused(w, w.ids.single, `]d201${GTIN_A.slice(0, 13)}421${A1}`, 'invalid_serial', /^GTIN 09501101530004: check digit should be 3/)
  })

  it('a GTIN of another product in the catalogue is a wrong product, like a wrong TAC', () => {
    const w = world()
    expectRefused(
      w,
      w.ids.single,
      `(01)${GTIN_B}(21)${A1}`,
      'wrong_item',
      `Wrong product: GTIN ${GTIN_B} is Phone B 64GB, not Product PHONE-A`
    )
  })

  it('a GTIN the catalogue does not know is taken; the TAC still decides the model', () => {
    const w = world()
    expect(w.scan(w.ids.single, `(01)95012345678903(21)${A1}`)).toMatchObject({ outcome: 'accepted' })
    expectRefused(w, w.ids.single, `(01)95012345678903(21)${B1}`, 'wrong_item', /^Serial \(21\): Wrong model/)
  })

  it('a bad IMEI in the serial (21) is refused by its name', () => {
    const w = world()
    expectRefused(
      w,
      w.ids.single,
      `]d201${GTIN_A}21${A1.slice(0, 14)}`,
      'invalid_serial',
      /^Serial \(21\) \d{14}: 14-digit IMEI without check digit/
    )
  })

  it('a serial number product reads its serial from AI 21', () => {
    const w = world()
    expect(w.scan(w.ids.tablet, `]C1019501234567890321DMPXK2ABCD12`)).toMatchObject({ outcome: 'accepted', serial: 'DMPXK2ABCD12' })
  })
})

describe('IMEI history shows the code the unit came from', () => {
  it('the S/N, GTIN and lot are in the scanned entry; a whole box code finds the device', () => {
    const w = world()
    w.scan(w.ids.dual, `IMEI1:${D1},IMEI2:${D2},S/N:R58M12ABCDE`)
    w.scan(w.ids.single, `]d201${GTIN_A}21${A1}${GS}10LOT42`)
    const dual = serialHistory(w.db, NO_AFFIXES, D2)
    expect(dual.serials).toEqual([D2, D1])
    expect(dual.entries[0]).toMatchObject({
      kind: 'scanned',
      detail: `${D1} / ${D2} scanned into order SO-2 (code also held S/N R58M12ABCDE)`
    })
    expect(serialHistory(w.db, NO_AFFIXES, A1).entries[0].detail).toBe(
      `${A1} scanned into order SO-1 (code also held GTIN ${GTIN_A}, Lot (10) LOT42)`
    )
    // The box's QR scanned into the search looks up its first IMEI.
    expect(serialHistory(w.db, NO_AFFIXES, `IMEI1:${D1},IMEI2:${D2},S/N:R58M12ABCDE`).serial).toBe(D1)
  })
})

describe('product GTIN in the import', () => {
  it('a product takes a GTIN-13 (stored as 14 digits); a bad GTIN fails the product with the reason', () => {
    const t = openTestStation()
    const products = [
      { ...allProducts()[0], gtin: '4006381333931' },
      { ...allProducts()[1], gtin: '4006381333932' }
    ]
    const summary = importRecords(t, [], products)
    expect(summary.productsUpserted).toBe(1)
    expect(summary.failures).toEqual([
      { omsOrderId: null, reason: expect.stringContaining('gtin is not a GTIN (8, 12, 13 or 14 digits with a valid check digit)') }
    ])
    expect(t.sqlite.prepare('select sku, gtin from products order by sku').all()).toEqual([{ sku: 'PHONE-A', gtin: '04006381333931' }])
  })
})
