// planScan on its own: no database, no writes. The lines and the two
// look-ups are plain values, so every SPEC §5 rule can be read off a table.
import { describe, expect, it } from 'vitest'
import { planScan, type LiveUnit, type ScanLine, type ScanLookups, type ScanRequest } from '../../src/main/core/scanning/scanPlan'
import { imei, TAC_A, TAC_B } from './helpers'

const line = (id: number, over: Partial<ScanLine> = {}): ScanLine => ({
  id,
  sku: 'PHONE-A',
  productName: 'Phone A',
  quantity: 2,
  scannedQuantity: 0,
  serialized: true,
  serialKind: 'imei',
  serialPattern: null,
  imeisPerUnit: 1,
  ...over
})

const A1 = imei(`${TAC_A}000001`)
const A2 = imei(`${TAC_A}000002`)
const A3 = imei(`${TAC_A}000003`)
const B1 = imei(`${TAC_B}000001`)

function lookups(live: Record<string, LiveUnit> = {}): ScanLookups & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    modelsOfTac: (tac) =>
      tac === TAC_A ? [{ sku: 'PHONE-A', name: 'Phone A' }] : tac === TAC_B ? [{ sku: 'PHONE-B', name: 'Phone B' }] : [],
    liveUnit: (serial) => (asked.push(serial), live[serial])
  }
}

const request = (parts: string[], lines: ScanLine[], over: Partial<ScanRequest> = {}): ScanRequest => ({
  order: { id: 7, orderNumber: 'SO-7' },
  lines,
  parts,
  ...over
})

describe('planScan', () => {
  it('plans one unit per serial of a multi-serial code, spilling to the next line with room', () => {
    const first = line(1, { quantity: 1 })
    const second = line(2, { quantity: 1 })
    const plan = planScan(request([A1, A2], [first, second]), lookups())
    expect(plan).toEqual({
      kind: 'commit',
      units: [
        { line: first, serial: A1, serial2: null },
        { line: second, serial: A2, serial2: null }
      ]
    })
  })

  it('counts what the code itself takes: a third serial for a line of two is an over-scan, named by its part', () => {
    const plan = planScan(request([A1, A2, A3], [line(1)]), lookups())
    expect(plan).toMatchObject({
      kind: 'answer',
      answer: { outcome: 'over_scan', message: 'Code part 3 of 3: Over-scan: Phone A is complete (2 of 2 scanned)' }
    })
  })

  it('refuses a serial twice in one code, and one already live elsewhere (where it is)', () => {
    expect(planScan(request([A1, A1], [line(1)]), lookups())).toMatchObject({
      answer: { outcome: 'duplicate', message: `Code part 2 of 2: Duplicate: ${A1} is twice in this scan` }
    })
    const elsewhere = lookups({ [A1]: { orderId: 9, orderNumber: 'SO-9', status: 'in_progress', boxNumber: 2 } })
    expect(planScan(request([A1], [line(1)]), elsewhere)).toMatchObject({
      answer: { outcome: 'duplicate', message: `Already scanned: ${A1} is in order SO-9, box 2` }
    })
  })

  it('refuses the wrong model by its TAC before asking whether the serial is live', () => {
    const l = lookups()
    expect(planScan(request([B1], [line(1)]), l)).toMatchObject({
      answer: { outcome: 'wrong_item', message: `Wrong model: ${B1} is Phone B, not Phone A` }
    })
    expect(l.asked).toEqual([])
  })

  it('a dual-IMEI line: one IMEI waits for the second; both in one code make one unit', () => {
    const dual = line(1, { imeisPerUnit: 2 })
    expect(planScan(request([A1], [dual]), lookups())).toMatchObject({
      kind: 'answer',
      answer: { outcome: 'awaiting_imei2', units: 0, awaiting: { firstImei: A1, orderLineId: 1, productName: 'Phone A' } }
    })
    expect(planScan(request([A1, A2], [dual]), lookups())).toEqual({ kind: 'commit', units: [{ line: dual, serial: A1, serial2: A2 }] })
    expect(planScan(request([A2], [dual], { firstImei: A1 }), lookups())).toEqual({
      kind: 'commit',
      units: [{ line: dual, serial: A1, serial2: A2 }]
    })
  })

  it('answers without a line to scan into, and refuses (throws) a chosen line that is not the order’s', () => {
    expect(planScan(request([A1], [line(1, { serialized: false })]), lookups())).toMatchObject({
      answer: { outcome: 'wrong_item', message: 'Order SO-7 has no serialized line to scan into' }
    })
    expect(() => planScan(request([A1], [line(1)], { orderLineId: 5 }), lookups())).toThrow(
      'Line 5 is not a serialized line of order SO-7.'
    )
  })
})
