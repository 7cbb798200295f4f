// Every label kind rendered to PDF, rasterized (pdftoppm) and read back
// (zbarimg): what the barcodes say must be exactly what was packed.
import { afterEach, describe, expect, it } from 'vitest'
import { LabelSize, type LabelSize as LabelSizeName } from '../../src/shared/labels'
import { getPrintSettings, savePrintSettings } from '../../src/main/core/labels/printSettings'
import { renderLabelPdf } from '../../src/main/core/labels/render'
import { isValidSscc } from '../../src/main/core/labels/sscc'
import { cleanup } from '../core/helpers'
import { decodePdf } from './decode'
import { labelStation, type LabelStation } from './fixtures'

afterEach(cleanup)

const PNG_DIR = process.env.LABEL_PNG_DIR // set it to keep the PNGs for a look

async function render(
  t: LabelStation,
  kind: 'box_label' | 'shipping_label' | 'packing_slip',
  orderId: number,
  boxId?: string,
  size?: LabelSizeName
) {
  const settings = { ...getPrintSettings(t.db), ...(size ? { labelSize: size } : {}) }
  return renderLabelPdf(t.db, t.clock, { kind, orderId, boxId }, settings)
}

const boxSscc = (t: LabelStation, boxId: string) =>
  (t.sqlite.prepare('select sscc from boxes where id = ?').get(boxId) as { sscc: string }).sscc
/** QR codes carry several serials, newline-separated (the scan screen's multi-serial format). */
const serialsIn = (symbols: { type: string; data: string }[]) =>
  symbols.filter((s) => s.type === 'QR-Code' || /^\d{15}$/.test(s.data)).flatMap((s) => s.data.split(/[\n,;\x1d]/))

describe('box label', () => {
  it('a box with one unit: the SSCC, the IMEI and the order number decode to what was packed', async () => {
    const t = labelStation()
    const label = await render(t, 'box_label', t.orderId, t.boxOne)
    const symbols = decodePdf(label.pdf, 300, PNG_DIR && `${PNG_DIR}/box-1`)
    const sscc = boxSscc(t, t.boxOne)
    expect(isValidSscc(sscc)).toBe(true)
    expect(label.sscc).toBe(sscc)
    expect(symbols.map((s) => s.data).sort()).toEqual([`00${sscc}`, 'SO-7001', ...t.serialsOne].sort())
    expect(symbols.every((s) => s.type === 'CODE-128')).toBe(true)
    expect(label.pages).toBe(1)
  })

  it('a box with 60 units: one QR code holds every IMEI, in the order they were packed', async () => {
    const t = labelStation()
    const label = await render(t, 'box_label', t.bigOrderId, t.boxSixty)
    const symbols = decodePdf(label.pdf, 300, PNG_DIR && `${PNG_DIR}/box-60`)
    expect(label.pages).toBe(1)
    const qr = symbols.filter((s) => s.type === 'QR-Code')
    expect(qr).toHaveLength(1)
    expect(qr[0].data.split('\n')).toEqual(t.serialsSixty)
    expect(
      symbols
        .filter((s) => s.type === 'CODE-128')
        .map((s) => s.data)
        .sort()
    ).toEqual([`00${boxSscc(t, t.boxSixty)}`, 'SO-7002'].sort())
  })

  it.each(['4x2in', '100x150mm'] as const)(
    'on %s labels the 60 IMEIs continue over further labels and still all decode, once each',
    async (size) => {
      const t = labelStation()
      const label = await render(t, 'box_label', t.bigOrderId, t.boxSixty, size)
      const symbols = decodePdf(label.pdf, 300, PNG_DIR && `${PNG_DIR}/box-60-${size}`)
      if (size === '4x2in') expect(label.pages).toBeGreaterThan(1)
      expect(serialsIn(symbols)).toEqual(t.serialsSixty)
      // The SSCC is printed once, on the first label.
      expect(symbols.filter((s) => s.data === `00${boxSscc(t, t.boxSixty)}`).map((s) => s.page)).toEqual([1])
    }
  )

  it('reprinting gives the same SSCC; another box gets the next one', async () => {
    const t = labelStation()
    const first = await render(t, 'box_label', t.orderId, t.boxOne)
    const again = await render(t, 'box_label', t.orderId, t.boxOne)
    const other = await render(t, 'box_label', t.bigOrderId, t.boxSixty)
    expect(again.sscc).toBe(first.sscc)
    expect(other.sscc).not.toBe(first.sscc)
    expect(Number(other.sscc!.slice(8, 17))).toBe(Number(first.sscc!.slice(8, 17)) + 1)
  })
})

describe('shipping label', () => {
  it('a long foreign address (ü é ø ł, a Chinese name): the tracking number and the order number decode', async () => {
    const t = labelStation()
    for (const size of LabelSize.options) {
      const label = await render(t, 'shipping_label', t.orderId, undefined, size)
      const symbols = decodePdf(label.pdf, 300, PNG_DIR && `${PNG_DIR}/shipping-${size}`)
      expect(symbols.map((s) => s.data)).toContain('JD014600006281230047')
      if (size !== '4x2in') expect(symbols.map((s) => s.data).sort()).toEqual(['JD014600006281230047', 'SO-7001'])
    }
  })

  it('writes the address in the shipped fonts, CJK included, with nothing lost from the text', async () => {
    const t = labelStation()
    const label = await render(t, 'shipping_label', t.orderId)
    const pdf = label.pdf.toString('latin1')
    expect(pdf).toMatch(/DejaVuSans/)
    expect(pdf).toMatch(/DroidSansFallback/)
  })
})

describe('packing slip', () => {
  it('carries the order number as a barcode on every page', async () => {
    const t = labelStation()
    for (const paper of ['A4', 'Letter'] as const) {
      savePrintSettings(t.db, { ...getPrintSettings(t.db), slipPaper: paper })
      const slip = await render(t, 'packing_slip', t.bigOrderId)
      const symbols = decodePdf(slip.pdf, 200, PNG_DIR && `${PNG_DIR}/slip-${paper}`)
      expect(symbols.filter((s) => s.data === 'SO-7002').map((s) => s.page)).toEqual(Array.from({ length: slip.pages }, (_, i) => i + 1))
    }
  })
})
