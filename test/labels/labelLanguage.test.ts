// SPEC §10: box labels, shipping labels and packing slips print in the station's language (the catalogue's
// `labels` namespace): on a Polish station the words are Polish, with their letters (ą ć ę ł ń ó ś ź ż) read
// back from the PDF by pdftotext and present in the ZPL, while every barcode still says exactly what it said.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Language } from '../../src/shared/i18n/languages'
import { getPrintSettings } from '../../src/main/core/labels/printSettings'
import { renderLabelPdf, renderLabelZpl } from '../../src/main/core/labels/render'
import { PDF_MEDIUM } from '../../src/main/core/labels/labelLayout'
import { shippingLabelLayout } from '../../src/main/core/labels/shippingLabelLayout'
import { LABEL_SIZES } from '../../src/main/core/labels/sizes'
import { labelWords } from '../../src/main/core/labels/words'
import { setSetting } from '../../src/main/core/settings/settings'
import { cleanup } from '../core/helpers'
import { decodePdf } from './decode'
import { labelStation, type LabelStation } from './fixtures'

afterEach(cleanup)

const PNG_DIR = process.env.LABEL_PNG_DIR // set it to keep the PNGs for a look

function station(language?: Language): LabelStation {
  const t = labelStation()
  if (language) setSetting(t.db, 'language', language)
  return t
}

/** The PDF's text as pdftotext reads it, runs of blanks as one space (pdftotext's layout spacing varies). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ps-text-'))
  try {
    writeFileSync(join(dir, 'label.pdf'), pdf)
    return execFileSync('pdftotext', ['-raw', join(dir, 'label.pdf'), '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The texts of a ZPL label as the printer prints them: ^FH escapes (UTF-8 bytes) and ^FB line breaks undone. */
function zplTexts(zpl: string): string[] {
  return [...zpl.matchAll(/\^A0N[^^]*\^FB[^^]*\^FH(?:\^FR)?\^FD(.*?)\^FS/gs)].map((m) =>
    Buffer.from(
      m[1]
        .replace(/\\&/g, '_0A')
        .replace(/_([0-9A-F]{2})|[^_]+/g, (part, hex?: string) => (hex ? String.fromCharCode(parseInt(hex, 16)) : part)),
      'latin1'
    ).toString('utf8')
  )
}

const sscc = (t: LabelStation, boxId: string) =>
  (t.sqlite.prepare('select sscc from boxes where id = ?').get(boxId) as { sscc: string }).sscc

describe('labels on a Polish station', () => {
  it('box label: the words in Polish with their letters, the date and weight the Polish way, the barcodes unchanged', async () => {
    const t = station('pl')
    const label = await renderLabelPdf(t.db, t.clock, { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne }, getPrintSettings(t.db))
    const text = pdfText(label.pdf)
    for (const word of ['ZAMÓWIENIE', 'KARTON', '1 z 1', 'Spakował(a) Marek Nowak', 'NUMERY SERYJNE · 1', '400 × 300 × 200 mm', '2,35 kg'])
      expect(text).toContain(word)
    // The station's zone, whichever it is: 09:30 UTC is on the 21st everywhere.
    expect(text).toMatch(/21\.11\.2026, \d{2}:\d{2} \S+/)
    expect(text).not.toMatch(/ORDER|Packed by|SERIALS/)
    expect(label.title).toBe('Etykieta kartonu · SO-7001 · karton 1 z 1')
    const symbols = decodePdf(label.pdf, 300, PNG_DIR && `${PNG_DIR}/pl-box-1`)
    expect(symbols.map((s) => s.data).sort()).toEqual([`00${sscc(t, t.boxOne)}`, 'SO-7001', ...t.serialsOne].sort())
  })

  it('a 4×2 box label whose serials go on further labels says so in Polish, and every IMEI still decodes', async () => {
    const t = station('pl')
    const settings = { ...getPrintSettings(t.db), labelSize: '4x2in' as const }
    const label = await renderLabelPdf(t.db, t.clock, { kind: 'box_label', orderId: t.bigOrderId, boxId: t.boxSixty }, settings)
    expect(label.pages).toBeGreaterThan(2)
    const text = pdfText(label.pdf)
    expect(text).toContain('NA NASTĘPNYCH ETYKIETACH')
    expect(text).toContain(`ETYKIETA 1 Z ${label.pages}`)
    expect(text).toContain(`Ciąg dalszy numerów seryjnych · etykieta 2 z ${label.pages}`)
    expect(text).toContain('ZAMÓWIENIE SO-7002 · KARTON 1 Z 1')
    expect(text).toContain('14,25 kg')
    const serials = decodePdf(label.pdf, 300, PNG_DIR && `${PNG_DIR}/pl-box-60-4x2`)
      .filter((s) => s.type === 'QR-Code' || /^\d{15}$/.test(s.data))
      .flatMap((s) => s.data.split('\n'))
    expect(serials).toEqual(t.serialsSixty)
  })

  it('shipping label: the captions and the parcel count in Polish; the tracking and order numbers decode', async () => {
    const t = station('pl')
    const label = await renderLabelPdf(t.db, t.clock, { kind: 'shipping_label', orderId: t.orderId }, getPrintSettings(t.db))
    const text = pdfText(label.pdf)
    for (const word of ['ODBIORCA', 'NUMER PRZESYŁKI', 'ZAMÓWIENIE', '1 karton · 2,35 kg', 'Łukasiewicz', '王小明'])
      expect(text).toContain(word)
    expect(text).not.toMatch(/SHIP TO|TRACKING NUMBER/)
    expect(label.title).toBe('Etykieta wysyłkowa · SO-7001')
    const symbols = decodePdf(label.pdf, 300, PNG_DIR && `${PNG_DIR}/pl-shipping`)
    expect(symbols.map((s) => s.data).sort()).toEqual(['JD014600006281230047', 'SO-7001'])
  })

  it('shipping label without a tracking number: the message in Polish', async () => {
    const t = station('pl')
    t.sqlite.prepare('update orders set tracking_number = null where id = ?').run(t.orderId)
    const label = await renderLabelPdf(t.db, t.clock, { kind: 'shipping_label', orderId: t.orderId }, getPrintSettings(t.db))
    expect(pdfText(label.pdf).replace(/\s+/g, ' ')).toContain(
      'Brak numeru przesyłki: wpisz go w kroku wysyłki, potem wydrukuj tę etykietę.'
    )
  })

  it('packing slip: headings, columns, boxes and page numbers in Polish; the order number decodes on every page', async () => {
    const t = station('pl')
    const slip = await renderLabelPdf(t.db, t.clock, { kind: 'packing_slip', orderId: t.bigOrderId }, getPrintSettings(t.db))
    const text = pdfText(slip.pdf)
    for (const word of [
      'LISTA PAKOWA',
      'Zamówienie SO-7002',
      'Kanał',
      'Id zamówienia w OMS',
      'Przewoźnik',
      'ODBIORCA',
      'Poz.',
      'Produkt',
      'Zamówiono',
      'Spakowano',
      'Razem: spakowano 60 z 60',
      'Kartony · 1',
      'Karton 1 z 1 · 60 sztuk',
      '60 × Product PHONE-A (PHONE-A)',
      `strona ${slip.pages} z ${slip.pages}`
    ])
      expect(text).toContain(word)
    expect(text).toMatch(/Data \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/)
    expect(text).not.toMatch(/PACKING SLIP|Ordered|Boxes ·|page \d of/)
    expect(slip.title).toBe('Lista pakowa · SO-7002')
    const symbols = decodePdf(slip.pdf, 200, PNG_DIR && `${PNG_DIR}/pl-slip`)
    expect(symbols.filter((s) => s.data === 'SO-7002').map((s) => s.page)).toEqual(Array.from({ length: slip.pages }, (_, i) => i + 1))
  })

  it('ZPL: UTF-8 (^CI28) carries the Polish words; the barcodes are the same fields as on an English station', () => {
    const pl = station('pl')
    const en = station()
    const settings = getPrintSettings(pl.db)
    const box = (t: LabelStation) => renderLabelZpl(t.db, { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne }, settings, 203).zpl
    const shipping = (t: LabelStation) => renderLabelZpl(t.db, { kind: 'shipping_label', orderId: t.orderId }, settings, 300).zpl
    const barcodes = (zpl: string) => [...zpl.matchAll(/\^B[CQ]N[^^]*(?:\^FH)?\^FD(.*?)\^FS/gs)].map((m) => m[1])
    const plBox = box(pl)
    const plShipping = shipping(pl)
    expect(plBox).toMatch(/^\^XA\n\^CI28\n/)
    expect(zplTexts(plBox)).toEqual(
      expect.arrayContaining(['ZAMÓWIENIE', 'KARTON', '1 z 1', expect.stringMatching(/^Spakował\(a\) Marek Nowak \/ 21\.11\.2026, /)])
    )
    expect(zplTexts(plBox).join('\n')).toContain('400 × 300 × 200 mm / 2,35 kg')
    expect(zplTexts(plShipping)).toEqual(expect.arrayContaining(['ODBIORCA', 'NUMER PRZESYŁKI', 'ZAMÓWIENIE', '1 karton / 2,35 kg']))
    // Polish letters never go raw: each is its UTF-8 bytes as ^FH escapes (ł = C5 82).
    expect(plBox).toContain('Spakowa_C5_82(a)')
    expect(plBox).not.toMatch(/[^\x20-\x7e\n]/)
    // The SSCCs differ per station (each assigns its own); everything else a scanner reads is the same.
    const withoutSscc = (codes: string[]) => codes.map((c) => c.replace(/^>;>800\d{18}$/, 'SSCC'))
    expect(withoutSscc(barcodes(plBox))).toEqual(withoutSscc(barcodes(box(en))))
    expect(barcodes(plBox)).toContain(`>;>800${sscc(pl, pl.boxOne)}`)
    expect(barcodes(plShipping)).toEqual(barcodes(shipping(en)))
    expect(barcodes(plShipping)).toContain('JD014600006281230047')
  })

  it('counts boxes with the Polish plural forms (1 karton, 2 kartony, 5 kartonów, 22 kartony)', () => {
    const data = {
      orderNumber: 'SO-1',
      channel: 'Web',
      channelOrderId: null,
      shipTo: { name: 'Zofia Żółć', street1: 'ul. Długa 1', city: 'Gdańsk', postalCode: '80-001', country: 'PL' },
      carrier: 'InPost',
      service: 'Kurier',
      trackingNumber: '6200000000000000000001',
      weightG: null
    }
    const parcels = (boxCount: number, language: Language) =>
      shippingLabelLayout({ ...data, boxCount }, LABEL_SIZES['4x6in'], PDF_MEDIUM, language).parcels.text
    expect([1, 2, 5, 22].map((n) => parcels(n, 'pl'))).toEqual(['1 karton', '2 kartony', '5 kartonów', '22 kartony'])
    expect([1, 2, 5].map((n) => parcels(n, 'en'))).toEqual(['1 box', '2 boxes', '5 boxes'])
  })
})

describe('labels on an English station', () => {
  it('say what they always said: English words, the sortable date, the decimal point', async () => {
    const t = station()
    const label = await renderLabelPdf(t.db, t.clock, { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne }, getPrintSettings(t.db))
    const text = pdfText(label.pdf)
    expect(text).toContain('ORDER')
    expect(text).toContain('400 × 300 × 200 mm · 2.35 kg')
    expect(text).toMatch(/Packed by Marek Nowak · 2026-11-2\d \d{2}:\d{2} \S+/)
    expect(label.title).toBe('Box label · SO-7001 · box 1 of 1')
  })
})

describe('the labels’ words', () => {
  it('are made once per language and kept (a label on the packing path does not build a translator)', () => {
    expect(labelWords('pl')).toBe(labelWords('pl'))
    expect(labelWords('en')).toBe(labelWords())
    expect(labelWords('pl').box.order).toBe('ZAMÓWIENIE')
    expect(labelWords('en').box.order).toBe('ORDER')
  })
})
