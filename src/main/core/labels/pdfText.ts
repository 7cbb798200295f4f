// Text on a label that never overflows: it wraps, then shrinks down to a
// minimum size, and only as a last resort is cut with an ellipsis. Fonts are
// shipped in resources/fonts; a text with CJK characters is set in the CJK
// fallback font (which has the Latin glyphs too).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import { findAppFolder } from '../paths'

export type Doc = InstanceType<typeof PDFDocument>
export type Box = { x: number; y: number; width: number; height: number }
export type TextStyle = { size: number; minSize?: number; bold?: boolean; align?: 'left' | 'center' | 'right'; color?: string }

const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', cjk: 'DroidSansFallbackFull.ttf' } as const
type FontName = keyof typeof FONT_FILES
const loaded = new Map<FontName, Buffer>()

function fontData(name: FontName): Buffer {
  let data = loaded.get(name)
  if (!data) {
    const folder = findAppFolder('resources', join('fonts', FONT_FILES.regular))
    data = readFileSync(join(folder, 'fonts', FONT_FILES[name]))
    loaded.set(name, data)
  }
  return data
}

/** Han, kana, hangul, CJK punctuation and full-width forms. */
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{3ffff}]/u

export const hasCjk = (text: string): boolean => CJK.test(text)

/** A new PDF with our fonts registered lazily: the 4 MB CJK font is only parsed when a text needs it. */
export function newDocument(options: ConstructorParameters<typeof PDFDocument>[0]): Doc {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, ...options })
  doc.registerFont('regular', fontData('regular'))
  doc.registerFont('bold', fontData('bold'))
  return doc
}

const cjkRegistered = new WeakSet<Doc>()

/** Selects the font for this text and size. */
export function useFont(doc: Doc, text: string, size: number, bold = false): Doc {
  if (hasCjk(text)) {
    if (!cjkRegistered.has(doc)) {
      doc.registerFont('cjk', fontData('cjk'))
      cjkRegistered.add(doc)
    }
    return doc.font('cjk').fontSize(size)
  }
  return doc.font(bold ? 'bold' : 'regular').fontSize(size)
}

/**
 * Writes `text` inside `box`: wrapped to the box's width, at the largest size
 * from `style.size` down to `style.minSize` at which it fits the box's
 * height. Returns the height used.
 */
export function fitText(doc: Doc, text: string, box: Box, style: TextStyle): number {
  const min = style.minSize ?? style.size
  const options = { width: box.width, align: style.align ?? 'left', lineGap: 0 } as const
  let size = style.size
  for (; size > min; size = Math.max(min, size - 0.5)) {
    useFont(doc, text, size, style.bold)
    if (doc.heightOfString(text, options) <= box.height + 0.01) break
  }
  useFont(doc, text, size, style.bold)
  const height = Math.min(doc.heightOfString(text, options), box.height)
  doc.fillColor(style.color ?? 'black').text(text, box.x, box.y, { ...options, height: box.height, ellipsis: true })
  return height
}

/**
 * One line, never wrapped: shrinks until it fits the width (down to
 * `minSize`), then is cut with an ellipsis. Returns the size used.
 */
export function fitLine(doc: Doc, text: string, box: Box, style: TextStyle): number {
  const min = style.minSize ?? style.size
  let size = Math.min(style.size, box.height)
  for (; size > min; size = Math.max(min, size - 0.5)) {
    useFont(doc, text, size, style.bold)
    if (doc.widthOfString(text) <= box.width) break
  }
  useFont(doc, text, size, style.bold)
  let shown = text
  while (shown.length > 1 && doc.widthOfString(shown) > box.width) shown = `${shown.slice(0, -2)}…`
  const width = doc.widthOfString(shown)
  const x = style.align === 'right' ? box.x + box.width - width : style.align === 'center' ? box.x + (box.width - width) / 2 : box.x
  doc.fillColor(style.color ?? 'black').text(shown, x, box.y, { lineBreak: false })
  return size
}

/** The PDF bytes once the document is ended. */
export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.end()
  })
}
