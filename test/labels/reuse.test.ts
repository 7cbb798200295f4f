// What a process keeps between labels: each font file is read and parsed
// once, each barcode encoded once (a bounded cache); every later document
// still embeds the fonts and draws the barcodes it needs: labels rendered in
// a row each decode (zbarimg) and read (pdftotext) as their own, and the
// same label rendered again is the same PDF.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { encoder } from '../../src/main/core/labels/barcodes'
import { FONT_FILES, fontLoader } from '../../src/main/core/labels/fonts'
import type { BoxLabelData, ShippingLabelData } from '../../src/main/core/labels/labelData'
import { renderBoxLabelPdf } from '../../src/main/core/labels/pdfBoxLabel'
import { renderShippingLabelPdf } from '../../src/main/core/labels/pdfShippingLabel'
import { LABEL_SIZES } from '../../src/main/core/labels/sizes'
import { buildSscc, formatSscc } from '../../src/main/core/labels/sscc'
import { imei } from '../core/helpers'
import { decodedValues, poppler } from './decode'
import { LONG_ADDRESS } from './fixtures'

afterEach(() => {
  vi.restoreAllMocks()
})

const SIZE = LABEL_SIZES['4x6in']

const box = (n: number, units: number): BoxLabelData => ({
  orderNumber: `SO-${8000 + n}`,
  channel: 'Amazon',
  channelOrderId: `404-0000000-000${8000 + n}`,
  boxId: `box-${n}`,
  boxNumber: 1,
  boxCount: 1,
  dimensionsMm: { length: 400, width: 300, height: 200 },
  weightG: 2350,
  operator: 'Marek Nowak',
  date: '2026-11-21T09:30:00.000Z',
  sscc: buildSscc({ companyPrefix: '0614141', extensionDigit: 1 }, n),
  gs1PrefixLength: 7,
  serials: Array.from({ length: units }, (_, i) => imei(`3539161${n}${String(i).padStart(6, '0')}`)),
  unserialized: 0
})

const { postal_code, ...address } = LONG_ADDRESS
const shipping: ShippingLabelData = {
  orderNumber: 'SO-8009',
  channel: 'Amazon',
  channelOrderId: null,
  shipTo: { ...address, postalCode: postal_code },
  carrier: 'DHL Express',
  service: 'Worldwide',
  trackingNumber: 'JD014600006281238009',
  boxCount: 1,
  weightG: 2350
}

/** pdfkit stamps each document with the time it was made (and an /ID hashed from it); the rest must be the same bytes. */
const withoutDate = (pdf: Buffer) =>
  pdf
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, '')

describe('fonts and barcodes kept between labels', () => {
  it('labels rendered in a row each decode and read as their own; a font file is read once; a repeat encodes nothing', async () => {
    const reads = vi.spyOn(fontLoader, 'read')
    const parses = vi.spyOn(fontLoader, 'parse')
    const a = box(1, 1)
    const b = box(2, 60)
    const first = await renderBoxLabelPdf(a, SIZE)
    const second = await renderBoxLabelPdf(b, SIZE)
    const label = await renderShippingLabelPdf(shipping, SIZE)
    const encodes = [vi.spyOn(encoder, 'linear'), vi.spyOn(encoder, 'qr')]
    const again = await renderBoxLabelPdf(a, SIZE)

    expect(decodedValues(first.pdf)).toEqual([`00${a.sscc}`, a.orderNumber, ...a.serials].sort())
    expect(decodedValues(second.pdf)).toEqual([`00${b.sscc}`, b.orderNumber, b.serials.join('\n')].sort())
    expect(decodedValues(label.pdf)).toEqual([shipping.orderNumber, shipping.trackingNumber].sort())
    for (const [pdf, data] of [
      [first.pdf, a],
      [second.pdf, b]
    ] as const) {
      const text = poppler('pdftotext', pdf, ['-layout'])
      expect(text).toContain(data.orderNumber)
      expect(text).toContain(formatSscc(data.sscc, 7))
      expect(text).toContain('Packed by Marek Nowak')
    }
    expect(poppler('pdftotext', label.pdf, ['-layout'])).toContain('王小明')
    expect(poppler('pdftotext', label.pdf, ['-layout'])).toContain('Østergaard')

    // Each of the three font files was read and parsed once, over four documents.
    const files = reads.mock.calls.map(([file]) => file.split(/[\\/]/).pop())
    expect(files.sort()).toEqual(Object.values(FONT_FILES).sort())
    expect(parses).toHaveBeenCalledTimes(3)
    // The same label again: every barcode came from the cache, and the PDF is the same.
    for (const spy of encodes) expect(spy).not.toHaveBeenCalled()
    expect(withoutDate(again.pdf)).toBe(withoutDate(first.pdf))
  })
})
