// What a label's fonts take from the process (labels/pdfFonts.ts, fonts.ts):
// every document's font subset starts with the same common glyphs, so new
// boxes in a row embed a subset fontkit encoded once; a word more than one
// document uses is laid out once; a label's own numbers are laid out in its
// own document. Each PDF still decodes (zbarimg) and reads (pdftotext) as its
// own, in Polish too, and a letter outside the common glyphs still embeds.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fontLoader, parsedFont } from '../../src/main/core/labels/fonts'
import type { BoxLabelData } from '../../src/main/core/labels/labelData'
import { renderBoxLabelPdf } from '../../src/main/core/labels/pdfBoxLabel'
import { LABEL_SIZES } from '../../src/main/core/labels/sizes'
import { buildSscc, formatSscc } from '../../src/main/core/labels/sscc'
import { imei } from '../core/helpers'
import { decodedValues, poppler } from './decode'

afterEach(() => {
  vi.restoreAllMocks()
})

const SIZE = LABEL_SIZES['4x6in']

const box = (n: number, operator = 'Marek Nowak'): BoxLabelData => ({
  orderNumber: `SO-${73_000 + n * 7919}`,
  channel: 'Allegro',
  channelOrderId: `ALG-${n}${n}${n}`,
  boxId: `box-${n}`,
  boxNumber: 1,
  boxCount: 2,
  dimensionsMm: { length: 300 + n, width: 200, height: 100 },
  weightG: 1000 + 37 * n,
  operator,
  date: '2026-11-21T09:30:00.000Z',
  sscc: buildSscc({ companyPrefix: '0614141', extensionDigit: 1 }, 5000 + n),
  gs1PrefixLength: 7,
  serials: [imei(`35391612${String(n).padStart(6, '0')}`)],
  unserialized: 0
})

/** The texts fontkit was asked to lay out in the regular and bold fonts while `render` ran. */
async function laidOut(render: () => Promise<unknown>): Promise<string[]> {
  const spies = [vi.spyOn(parsedFont('regular'), 'layout'), vi.spyOn(parsedFont('bold'), 'layout')]
  await render()
  const texts = spies.flatMap((spy) => spy.mock.calls.map(([text]) => String(text)))
  for (const spy of spies) spy.mockRestore()
  return texts
}

describe('fonts a label takes from the process', () => {
  it('new boxes in a row embed subsets encoded once, and each decodes and reads as its own', async () => {
    await renderBoxLabelPdf(box(1), SIZE)
    const encodes = vi.spyOn(fontLoader, 'encodeSubset')
    const labels = [box(2), box(3), box(4, 'Łukasz Wiśniewski')]
    const pdfs: Buffer[] = []
    for (const data of labels) pdfs.push((await renderBoxLabelPdf(data, SIZE)).pdf)

    expect(encodes).not.toHaveBeenCalled()
    labels.forEach((data, i) => {
      expect(decodedValues(pdfs[i])).toEqual([`00${data.sscc}`, data.orderNumber, ...data.serials].sort())
      const text = poppler('pdftotext', pdfs[i])
      expect(text).toContain(data.orderNumber)
      expect(text).toContain(formatSscc(data.sscc, 7))
      expect(text).toContain(`Packed by ${data.operator}`)
      expect(text).toContain(data.serials[0])
    })
    // Both fonts embedded as subsets with their Unicode maps.
    const fonts = poppler('pdffonts', pdfs[2]).split('\n').slice(2).filter(Boolean)
    expect(fonts.map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold'])
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+yes\b/)
  })

  it('a letter outside the common glyphs embeds and reads back; its glyph list is encoded once', async () => {
    const encodes = vi.spyOn(fontLoader, 'encodeSubset')
    const first = await renderBoxLabelPdf(box(11, 'Zoë Ærøskøbing'), SIZE)
    const calls = encodes.mock.calls.length
    expect(calls).toBeGreaterThan(0)
    const second = await renderBoxLabelPdf(box(12, 'Zoë Ærøskøbing'), SIZE)
    expect(encodes).toHaveBeenCalledTimes(calls)
    for (const [pdf, n] of [
      [first.pdf, 11],
      [second.pdf, 12]
    ] as const) {
      const text = poppler('pdftotext', pdf)
      expect(text).toContain('Packed by Zoë Ærøskøbing')
      expect(text).toContain(box(n).orderNumber)
    }
  })

  it('a word two documents use is laid out once more, never again; a label’s own numbers in its own document only', async () => {
    await renderBoxLabelPdf(box(21), SIZE)
    await renderBoxLabelPdf(box(22), SIZE)
    const data = box(23)
    const texts = await laidOut(() => renderBoxLabelPdf(data, SIZE))
    expect(texts.some((text) => text.includes('Packed'))).toBe(false)
    expect(texts.some((text) => text.includes(data.orderNumber))).toBe(true)
    // The same label again (its print after the preview): its own words, seen once before, join the shared ones…
    const again = await laidOut(() => renderBoxLabelPdf(data, SIZE))
    expect(again.some((text) => text.includes('Packed'))).toBe(false)
    expect(again.some((text) => text.includes(data.orderNumber))).toBe(true)
    // …so a third time lays out nothing, and still reads and decodes whole.
    let pdf: Buffer = Buffer.alloc(0)
    expect(await laidOut(async () => (pdf = (await renderBoxLabelPdf(data, SIZE)).pdf))).toEqual([])
    expect(decodedValues(pdf)).toEqual([`00${data.sscc}`, data.orderNumber, ...data.serials].sort())
    expect(poppler('pdftotext', pdf)).toContain(data.orderNumber)
  })

  it('writes the font subsets uncompressed and the page drawing deflated', async () => {
    const { pdf } = await renderBoxLabelPdf(box(31), SIZE)
    const raw = pdf.toString('latin1')
    const fontFiles = [...raw.matchAll(/\/FontFile2 (\d+) 0 R/g)].map(([, id]) => id)
    expect(fontFiles).toHaveLength(2)
    for (const id of fontFiles) {
      const object = raw.slice(raw.indexOf(`\n${id} 0 obj`), raw.indexOf('stream', raw.indexOf(`\n${id} 0 obj`)))
      expect(object).not.toContain('/Filter')
    }
    const contents = raw.match(/\/Contents (\d+) 0 R/)?.[1]
    const page = raw.slice(raw.indexOf(`\n${contents} 0 obj`), raw.indexOf('stream', raw.indexOf(`\n${contents} 0 obj`)))
    expect(page).toContain('/Filter /FlateDecode')
  })
})
