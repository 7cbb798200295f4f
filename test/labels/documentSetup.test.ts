// What every PDF the station makes starts with (labels/pdfText.ts newDocument):
// DejaVu registered and selected, and no pdfkit default font (Helvetica, whose
// metrics pdfkit would otherwise read and parse for every document). Checked
// on the real PDF with poppler's pdffonts and pdftotext.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { finish, newDocument } from '../../src/main/core/labels/pdfText'

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
})
