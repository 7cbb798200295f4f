// The fonts the PDF labels embed (shipped in resources/fonts): each file is
// read from disk and parsed by fontkit once per process, on first use, and
// every new PDF document registers the parsed font. pdfkit takes a fontkit
// font as a font source as is (it only re-parses bytes), and keeps what is
// per document (the glyph subset it embeds, its layout cache) in its own
// per-document font object, so sharing the parsed font is safe.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as fontkit from 'fontkit'
import { findAppFolder } from '../paths'

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', cjk: 'DroidSansFallbackFull.ttf' } as const
export type FontName = keyof typeof FONT_FILES

/** How a file is read and parsed; a test may count the calls. */
export const fontLoader = {
  read: (file: string): Buffer => readFileSync(file),
  parse: (data: Buffer): fontkit.Font => fontkit.create(data) as fontkit.Font
}

const files = new Map<FontName, Buffer>()
const parsed = new Map<FontName, fontkit.Font>()

/** The font file's bytes, read once. */
export function fontFile(name: FontName): Buffer {
  let data = files.get(name)
  if (!data) {
    const folder = findAppFolder('resources', join('fonts', FONT_FILES.regular))
    data = fontLoader.read(join(folder, 'fonts', FONT_FILES[name]))
    files.set(name, data)
  }
  return data
}

/** The parsed font, parsed once; what `doc.registerFont` is given. */
export function parsedFont(name: FontName): fontkit.Font {
  let font = parsed.get(name)
  if (!font) {
    font = fontLoader.parse(fontFile(name))
    parsed.set(name, font)
  }
  return font
}
