// The label layouts both renderers draw from (shippingLabelLayout,
// boxLabelLayout): on every label size and for both media, every box stays
// on the label, and the shipping label's blocks follow each other down it.
import { describe, expect, it } from 'vitest'
import { boxLabelLayout, type PlacedSerials } from '../../src/main/core/labels/boxLabelLayout'
import type { BoxLabelData, ShippingLabelData } from '../../src/main/core/labels/labelData'
import { PDF_MEDIUM, ZPL_MEDIUM, type Box, type PageSize } from '../../src/main/core/labels/labelLayout'
import { shippingLabelLayout } from '../../src/main/core/labels/shippingLabelLayout'
import { LABEL_SIZES } from '../../src/main/core/labels/sizes'
import { imei } from '../core/helpers'
import { LONG_ADDRESS } from './fixtures'

const isBox = (v: unknown): v is Box =>
  typeof v === 'object' && v !== null && ['x', 'y', 'width', 'height'].every((k) => typeof (v as Record<string, unknown>)[k] === 'number')

/** Every box anywhere in a layout (texts' boxes, bars, the band). */
function boxesIn(value: unknown): Box[] {
  if (isBox(value)) return [value]
  if (typeof value !== 'object' || value === null) return []
  return Object.values(value).flatMap(boxesIn)
}

function expectOnLabel(boxes: Box[], size: PageSize) {
  expect(boxes.length).toBeGreaterThan(0)
  for (const b of boxes) {
    expect(b.x).toBeGreaterThanOrEqual(0)
    expect(b.y).toBeGreaterThanOrEqual(0)
    expect(b.x + b.width).toBeLessThanOrEqual(size.width + 0.01)
    expect(b.y + b.height).toBeLessThanOrEqual(size.height + 0.01)
  }
}

const { postal_code, ...address } = LONG_ADDRESS
const shipping: ShippingLabelData = {
  orderNumber: 'SO-7001',
  channel: 'Amazon',
  channelOrderId: '404-0000000-0007001',
  shipTo: { ...address, postalCode: postal_code },
  carrier: 'DHL Express',
  service: 'Worldwide',
  trackingNumber: 'JD014600006281230047',
  boxCount: 2,
  weightG: 2350
}

const box = (serials: number): BoxLabelData => ({
  orderNumber: 'SO-7002',
  channel: 'Amazon',
  channelOrderId: '404-0000000-0007002',
  boxId: 'box-1',
  boxNumber: 1,
  boxCount: 1,
  dimensionsMm: { length: 600, width: 400, height: 400 },
  weightG: 14250,
  operator: 'Marek Nowak',
  date: '2026-11-21T09:30:00.000Z',
  sscc: '106141410000000019',
  gs1PrefixLength: 7,
  serials: Array.from({ length: serials }, (_, i) => imei(`35391611${String(i).padStart(6, '0')}`)),
  unserialized: 0
})

const measure = (text: string, size: number) => text.length * size * 0.6

/** The lowest point of a label's serials: the last row of barcodes and their texts, or the QR code and its list. */
function serialsBottom(serials: PlacedSerials): number {
  if (serials.kind === 'linear')
    return Math.max(...serials.cells.flatMap((c) => [c.y + serials.block.barHeight, c.text.box.y + c.text.box.height]))
  const { block, y } = serials
  const rows = Math.max(...serials.listColumns.map((c) => c.serials.length))
  return Math.max(y + block.side, y + (rows - 1) * block.listSize * 1.2 + block.listSize)
}
const cases = Object.entries(LABEL_SIZES).flatMap(([name, size]) => [
  [name, 'pdf', size, PDF_MEDIUM] as const,
  [name, 'zpl', size, ZPL_MEDIUM] as const
])

describe('label layouts', () => {
  it.each(cases)(
    'shipping label on %s (%s): on the label, band, address, tracking and order top to bottom',
    (_name, _medium, size, medium) => {
      for (const trackingNumber of ['JD014600006281230047', null]) {
        const layout = shippingLabelLayout({ ...shipping, trackingNumber }, size, medium)
        expectOnLabel(boxesIn(layout), size)
        // 0.01 pt: the same edge computed along two paths may differ in the last bit.
        const bottom = (b: Box) => b.y + b.height - 0.01
        expect(bottom(layout.band)).toBeLessThanOrEqual(layout.address.caption.box.y)
        expect(bottom(layout.address.rest.box)).toBeLessThanOrEqual(layout.address.rule.y)
        expect(layout.address.rule.y).toBeLessThan(layout.tracking.caption.box.y)
        expect(bottom(layout.tracking.bars)).toBeLessThanOrEqual(layout.tracking.rule.y)
        if (layout.order) expect(layout.tracking.rule.y).toBeLessThan(layout.order.caption.box.y)
        expect(layout.order === null).toBe(layout.small)
      }
    }
  )

  it.each(cases)(
    'box label on %s (%s): every label of 1, 12 and 60 serials on the label, the SSCC on the first only',
    (_name, _medium, size, medium) => {
      for (const serials of [1, 12, 60]) {
        const pages = boxLabelLayout(box(serials), size, medium, measure)
        for (const page of pages) expectOnLabel(boxesIn(page), size)
        expect(pages.map((p) => p.sscc !== null)).toEqual(pages.map((_, i) => i === 0))
      }
    }
  )

  it.each(cases)("box label on %s (%s): the first label's serials stay above the SSCC rule", (_name, _medium, size, medium) => {
    for (const serials of [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 30, 60]) {
      const [first] = boxLabelLayout(box(serials), size, medium, measure)
      if (first.serials) expect(serialsBottom(first.serials)).toBeLessThanOrEqual(first.sscc!.rule.y)
    }
  })

  it('the two media differ only in caption size and punctuation', () => {
    const size = LABEL_SIZES['4x6in']
    const pdf = shippingLabelLayout(shipping, size, PDF_MEDIUM)
    const zpl = shippingLabelLayout(shipping, size, { ...PDF_MEDIUM, separator: ZPL_MEDIUM.separator, dash: ZPL_MEDIUM.dash })
    expect(boxesIn(zpl)).toEqual(boxesIn(pdf))
    expect(zpl.carrier.text).toBe('DHL EXPRESS / WORLDWIDE')
    expect(pdf.carrier.text).toBe('DHL EXPRESS · WORLDWIDE')
  })
})
