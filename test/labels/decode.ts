// Real decoding for the label tests: the PDF rasterized by pdftoppm, every
// barcode on every page read back by zbarimg.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type Symbol = { type: string; data: string; page: number }

/** Every barcode on every page, in page order; `dpi` is the raster resolution. */
export function decodePdf(pdf: Buffer, dpi = 300, keepPngAs?: string): Symbol[] {
  const dir = mkdtempSync(join(tmpdir(), 'ps-decode-'))
  try {
    writeFileSync(join(dir, 'label.pdf'), pdf)
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', join(dir, 'label.pdf'), join(dir, 'page')])
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
    if (keepPngAs) pages.forEach((p, i) => execFileSync('cp', [join(dir, p), `${keepPngAs}-${i + 1}.png`]))
    return pages.flatMap((png, page) => decodePng(join(dir, png)).map((s) => ({ ...s, page: page + 1 })))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function decodePng(file: string): { type: string; data: string }[] {
  let xml: string
  try {
    xml = execFileSync('zbarimg', ['--xml', '-q', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch (error) {
    // zbarimg exits 4 when it finds nothing.
    if ((error as { status?: number }).status === 4) return []
    throw error
  }
  return [...xml.matchAll(/<symbol type='([^']+)'[^>]*><data(?: format='base64')?><!\[CDATA\[([\s\S]*?)\]\]><\/data>/g)].map((m) => ({
    type: m[1],
    data: m[2]
  }))
}

/** The values of the PDF's barcodes, sorted (what a scanner reads off the label, in any order). */
export const decodedValues = (pdf: Buffer): string[] =>
  decodePdf(pdf)
    .map((s) => s.data)
    .sort()

/** Runs a poppler tool on the PDF and answers what it printed: its text (`pdftotext`, as a reader extracts it) or its fonts. */
export function poppler(tool: 'pdffonts' | 'pdftotext', pdf: Buffer, options: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'ps-poppler-'))
  try {
    writeFileSync(join(dir, 'label.pdf'), pdf)
    return execFileSync(tool, [...options, join(dir, 'label.pdf'), ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
