// What every PDF the station makes starts with (labels/pdfText.ts newDocument):
// DejaVu registered and selected, and no pdfkit default font (Helvetica, whose
// metrics pdfkit would otherwise read and parse for every document). Checked
// on the real PDF with poppler's pdffonts and pdftotext. The parsed fonts are
// shared by every document of the process (labels/fonts.ts): what one
// document embeds must not blank letters out of the next one's text layer.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderBoxLabelPdf } from '../../src/main/core/labels/pdfBoxLabel'
import { LABEL_SIZES } from '../../src/main/core/labels/sizes'
import { buildSscc } from '../../src/main/core/labels/sscc'
import { finish, newDocument } from '../../src/main/core/labels/pdfText'
import { imei } from '../core/helpers'

/** Runs a poppler tool on the PDF; answers what it printed. */
function poppler(tool: 'pdffonts' | 'pdftotext', pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ps-fonts-'))
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf)
    return execFileSync(tool, tool === 'pdftotext' ? [join(dir, 'doc.pdf'), '-'] : [join(dir, 'doc.pdf')], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The font names pdffonts lists (its first column, below the two header lines), subset tags dropped. */
const fontNames = (pdf: Buffer) =>
  poppler('pdffonts', pdf)
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''))

describe('a new PDF document', () => {
  it('sets text in DejaVu before any font is chosen: Polish text reads back, and no Helvetica is in it', async () => {
    const doc = newDocument({ size: 'A6' })
    doc.addPage()
    doc.text('Zażółć gęślą jaźń', 20, 20)
    const pdf = await finish(doc)
    expect(fontNames(pdf)).toEqual(['DejaVuSans'])
    expect(poppler('pdftotext', pdf)).toContain('Zażółć gęślą jaźń')
  })

  it('a box label after a Polish one embeds DejaVu only and its text layer reads whole', async () => {
    // The first document embeds composite glyphs (ę, ś, ń, ó…): their parts must still map to their letters later.
    const polish = newDocument({ size: 'A6' })
    polish.addPage()
    polish.text('Zażółć gęślą jaźń, Łódź', 20, 20)
    await finish(polish)
    const { pdf } = await renderBoxLabelPdf(
      {
        orderNumber: 'SO-9001',
        channel: 'Amazon',
        channelOrderId: null,
        boxId: 'box-1',
        boxNumber: 1,
        boxCount: 1,
        dimensionsMm: null,
        weightG: null,
        operator: 'Łukasz Wiśniewski',
        date: '2026-11-21T09:30:00.000Z',
        sscc: buildSscc({ companyPrefix: '0614141', extensionDigit: 1 }, 9001),
        gs1PrefixLength: 7,
        serials: [imei('35391611900100')],
        unserialized: 0
      },
      LABEL_SIZES['4x6in']
    )
    expect(new Set(fontNames(pdf))).toEqual(new Set(['DejaVuSans', 'DejaVuSans-Bold']))
    const text = poppler('pdftotext', pdf)
    expect(text).toContain('Packed by Łukasz Wiśniewski')
    expect(text).toContain('Dimensions not recorded')
  })
})
