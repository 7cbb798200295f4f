// Text on a label that never overflows: it wraps, then shrinks down to a
// minimum size, and only as a last resort is cut with an ellipsis. Fonts are
// shipped in resources/fonts; a text with CJK characters is set in the CJK
// fallback font (which has the Latin glyphs too). Each font is parsed once
// per process (fonts.ts) and registered on every new document.
import PDFDocument from 'pdfkit'
import { parsedFont, type FontName } from './fonts'
import { prepareFont } from './pdfFonts'

export type Doc = InstanceType<typeof PDFDocument>
export type Box = { x: number; y: number; width: number; height: number }
export type TextStyle = { size: number; minSize?: number; bold?: boolean; align?: 'left' | 'center' | 'right'; color?: string }

/** pdfkit takes a parsed fontkit font as a source (its types only list bytes and paths). */
const fontSource = (name: FontName) => parsedFont(name) as unknown as Buffer

/** Han, kana, hangul, CJK punctuation and full-width forms. */
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{3ffff}]/u
const TOKENS =
  /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{3ffff}]|\s+|[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3ffff}]+/gu

export const hasCjk = (text: string): boolean => CJK.test(text)

/** pdfkit's constructor takes `font: null` for "no default font" (its types only list a name). */
const NO_DEFAULT_FONT = null as unknown as string

/**
 * A new PDF with our fonts registered and DejaVu regular selected; the 4 MB CJK font only when a text needs it.
 * pdfkit would otherwise load its default Helvetica for every document (it reads and parses Helvetica's AFM
 * metrics each time: a tenth of a 1-unit box label's CPU time) only for us to replace it before any text.
 * Each font starts with the process's word layouts and common glyphs (pdfFonts.ts).
 */
export function newDocument(options: ConstructorParameters<typeof PDFDocument>[0]): Doc {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, font: NO_DEFAULT_FONT, ...options })
  doc.registerFont('regular', fontSource('regular'))
  doc.registerFont('bold', fontSource('bold'))
  prepareFont(doc, 'bold')
  return prepareFont(doc, 'regular')
}

const cjkRegistered = new WeakSet<Doc>()

/** Selects the font for a run of text: the CJK font for CJK characters, DejaVu for the rest. */
export function useFont(doc: Doc, text: string, size: number, bold = false): Doc {
  if (hasCjk(text)) {
    if (!cjkRegistered.has(doc)) {
      doc.registerFont('cjk', fontSource('cjk'))
      prepareFont(doc, 'cjk')
      cjkRegistered.add(doc)
    }
    return doc.font('cjk').fontSize(size)
  }
  return doc.font(bold ? 'bold' : 'regular').fontSize(size)
}

/** Runs of CJK and non-CJK characters: each is set in its own font on one baseline. */
function runs(text: string): string[] {
  return (
    text.match(
      /([\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{3ffff}])+|[^\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3ffff}]+/gu
    ) ?? []
  )
}

/** Width of a line in points, each run in its font. */
export function textWidth(doc: Doc, text: string, size: number, bold = false): number {
  return runs(text).reduce((w, run) => w + useFont(doc, run, size, bold).widthOfString(run), 0)
}

const LINE = 1.17
const ASCENT = 0.93

/** Writes one line with its top at y (no wrapping). */
function drawLine(doc: Doc, line: string, x: number, y: number, size: number, style: TextStyle, width: number): void {
  const w = textWidth(doc, line, size, style.bold)
  let at = style.align === 'right' ? x + width - w : style.align === 'center' ? x + (width - w) / 2 : x
  doc.fillColor(style.color ?? 'black')
  for (const run of runs(line)) {
    useFont(doc, run, size, style.bold).text(run, at, y + size * ASCENT, { lineBreak: false, baseline: 'alphabetic' })
    at += doc.widthOfString(run)
  }
}

/** Greedy word wrap; a word wider than the line is broken between characters; CJK breaks anywhere. */
export function wrap(doc: Doc, text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const token of paragraph.match(TOKENS) ?? []) {
      if (textWidth(doc, line + token, size, bold) <= width) {
        line += token
        continue
      }
      if (line.trim()) lines.push(line.trimEnd())
      line = /^\s+$/.test(token) ? '' : token
      while (textWidth(doc, line, size, bold) > width && line.length > 1) {
        let cut = line.length - 1
        while (cut > 1 && textWidth(doc, line.slice(0, cut), size, bold) > width) cut--
        lines.push(line.slice(0, cut))
        line = line.slice(cut)
      }
    }
    if (line.trim() || lines.length === 0) lines.push(line.trimEnd())
  }
  return lines
}

/** Cuts a line to the width with an ellipsis. */
function ellipsize(doc: Doc, line: string, width: number, size: number, bold?: boolean): string {
  let shown = line
  while (shown.length > 1 && textWidth(doc, shown, size, bold) > width) shown = `${shown.slice(0, -2)}…`
  return shown
}

/**
 * Writes `text` inside `box`: wrapped to the box's width, at the largest size
 * from `style.size` down to `style.minSize` at which it fits the box's
 * height; at the minimum size what still does not fit is cut with an
 * ellipsis. Returns the height used.
 */
export function fitText(doc: Doc, text: string, box: Box, style: TextStyle): number {
  const min = style.minSize ?? style.size
  let size = style.size
  let lines = wrap(doc, text, box.width, size, style.bold)
  while (size > min && lines.length * size * LINE > box.height + 0.01) {
    size = Math.max(min, size - 0.5)
    lines = wrap(doc, text, box.width, size, style.bold)
  }
  const room = Math.max(1, Math.floor((box.height + 0.01) / (size * LINE)))
  if (lines.length > room) {
    lines = lines.slice(0, room)
    lines[room - 1] = ellipsize(doc, `${lines[room - 1]}…`, box.width, size, style.bold)
  }
  lines.forEach((line, i) => drawLine(doc, line, box.x, box.y + i * size * LINE, size, style, box.width))
  return lines.length * size * LINE
}

/**
 * One line, never wrapped: shrinks until it fits the width (down to
 * `minSize`), then is cut with an ellipsis. Returns the size used.
 */
export function fitLine(doc: Doc, text: string, box: Box, style: TextStyle): number {
  const min = style.minSize ?? style.size
  let size = Math.min(style.size, box.height)
  while (size > min && textWidth(doc, text, size, style.bold) > box.width) size = Math.max(min, size - 0.5)
  drawLine(doc, ellipsize(doc, text, box.width, size, style.bold), box.x, box.y, size, style, box.width)
  return size
}

/**
 * How a label ends: its font subsets are not deflated. Deflating a 20 KB subset (pdfFonts.ts's common glyphs)
 * costs about 0.45 ms of CPU per font per label to save some 6 KB (28 %) of a PDF that goes to a local printer.
 */
export const LABEL_FINISH = { deflateFonts: false } as const

/**
 * The PDF bytes once the document is ended. `deflateFonts: false` writes what pdfkit makes at the end (the
 * embedded font subsets and their Unicode maps) uncompressed; the pages' drawing stays compressed.
 */
export function finish(doc: Doc, { deflateFonts = true }: { deflateFonts?: boolean } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    if (!deflateFonts) doc.compress = false
    doc.end()
  })
}
