// ZPL structure: one ^XA…^XZ per label, the page size in dots for 203 and
// 300 dpi, the SSCC as GS1-128 (start C, FNC1, AI 00), the serials in the
// QR code's segments, every text in UTF-8 through ^FH, every field inside
// the label.
import { afterEach, describe, expect, it } from 'vitest'
import { getPrintSettings } from '../../src/main/core/labels/printSettings'
import { renderLabelZpl } from '../../src/main/core/labels/render'
import { zplEscape } from '../../src/main/core/labels/zpl'
import { catchError, cleanup } from '../core/helpers'
import { labelStation } from './fixtures'

afterEach(cleanup)

/** Undoes ^FH escaping (and ^FB's \\& line breaks): the text as the printer prints it. */
const unescape = (field: string) =>
  decodeURIComponent(
    field
      .replace(/%/g, '%25')
      .replace(/\\&/g, '_0A')
      .replace(/_([0-9A-F]{2})/g, '%$1')
  )

type Field = { x: number; y: number; command: string; data: string }
function labels(zpl: string) {
  return zpl
    .split('^XZ')
    .filter((s) => s.includes('^XA'))
    .map((block) => {
      const width = Number(/\^PW(\d+)/.exec(block)![1])
      const length = Number(/\^LL(\d+)/.exec(block)![1])
      const fields: Field[] = [...block.matchAll(/\^FO(\d+),(\d+)(.*?)(?:\^FD(.*?))?\^FS/gs)].map((m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
        command: m[3],
        data: m[4] ?? ''
      }))
      return { block, width, length, fields }
    })
}
const texts = (fields: Field[]) => fields.filter((f) => f.command.includes('^A0N')).map((f) => unescape(f.data))

describe('ZPL', () => {
  it.each([
    [203, 812, 1218],
    [300, 1200, 1800]
  ] as const)('box label at %i dpi: page size, SSCC, serials, text', (dpi, width, length) => {
    const t = labelStation()
    const settings = getPrintSettings(t.db)
    const { zpl, pages, sscc } = renderLabelZpl(t.db, { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne }, settings, dpi)
    expect(pages).toBe(1)
    const [label] = labels(zpl)
    expect(label.block).toMatch(/^\^XA\n\^CI28\n/)
    expect([label.width, label.length]).toEqual([width, length])
    const sscc128 = label.fields.filter((f) => f.command.includes('^BC') && f.data.startsWith('>;>8'))
    expect(sscc128.map((f) => f.data)).toEqual([`>;>800${sscc}`])
    const code128 = label.fields.filter((f) => f.command.includes('^BCN') && !f.data.startsWith('>;'))
    expect(code128.map((f) => f.data).sort()).toEqual(['SO-7001', ...t.serialsOne].sort())
    expect(texts(label.fields)).toEqual(
      expect.arrayContaining(['SO-7001', '1 of 1', `(00) ${sscc![0]} ${sscc!.slice(1, 8)} ${sscc!.slice(8, 17)} ${sscc![17]}`])
    )
    for (const f of label.fields) {
      expect(f.x).toBeLessThan(width)
      expect(f.y).toBeLessThan(length)
    }
  })

  it('60 serials: one QR code whose numeric segments, joined by newline bytes, are the IMEIs', () => {
    const t = labelStation()
    const { zpl } = renderLabelZpl(t.db, { kind: 'box_label', orderId: t.bigOrderId, boxId: t.boxSixty }, getPrintSettings(t.db), 203)
    const qr = labels(zpl).flatMap((l) => l.fields.filter((f) => f.command.includes('^BQN,2,')))
    expect(qr).toHaveLength(1)
    expect(qr[0].command).toContain('^FH')
    const [mode, ...segments] = qr[0].data.split(',')
    expect(mode).toMatch(/^[ML]M$/)
    const serials = segments.filter((s) => s.startsWith('N')).map((s) => s.slice(1))
    const separators = segments.filter((s) => s.startsWith('B'))
    expect(serials).toEqual(t.serialsSixty)
    expect(new Set(separators)).toEqual(new Set(['B0001_0A']))
    expect(separators).toHaveLength(59)
  })

  it('shipping label: tracking number, order number and the foreign address in UTF-8', () => {
    const t = labelStation()
    const { zpl } = renderLabelZpl(t.db, { kind: 'shipping_label', orderId: t.orderId }, getPrintSettings(t.db), 300)
    const [label] = labels(zpl)
    const codes = label.fields.filter((f) => f.command.includes('^BCN')).map((f) => f.data)
    expect(codes.sort()).toEqual(['JD014600006281230047', 'SO-7001'])
    const all = texts(label.fields).join('\n')
    for (const part of ['王小明', 'Østergaard', 'Łukasiewicz', 'Müller', 'Église', 'Ærøskøbing', 'JD014600006281230047'])
      expect(all).toContain(part)
    // Nothing but printable ASCII goes to the printer: the rest is escaped.
    expect(zpl).toMatch(/^[\x20-\x7e\n]*$/)
  })

  it('escapes the ZPL control characters so data cannot end a field or inject a command', () => {
    expect(zplEscape('A^XZ~JA_1\\&')).toBe('A_5EXZ_7EJA_5F1_5C&')
    expect(zplEscape('ü')).toBe('_C3_BC')
  })

  it('a packing slip has no ZPL form: the refusal says to choose a PDF printer', () => {
    const t = labelStation()
    const error = catchError(() => renderLabelZpl(t.db, { kind: 'packing_slip', orderId: t.orderId }, getPrintSettings(t.db), 203))
    expect(error.message).toMatch(/A4\/Letter/)
  })
})
