// The fonts the PDF labels embed (shipped in resources/fonts): each file is
// read from disk and parsed by fontkit once per process, on first use, and
// every new PDF document registers the parsed font. pdfkit takes a fontkit
// font as a font source as is (it only re-parses bytes), and keeps what is
// per document (the glyph subset it embeds, its layout cache) in its own
// per-document font object, so sharing the parsed font is safe — but for
// fontkit's glyph cache, see keepingCodePoints. What a document embeds (the
// subset of its glyphs, in the order it entered them) is encoded once per
// process per glyph list: see encodingOnce.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as fontkit from 'fontkit'
import { LRUCache } from 'lru-cache'
import { findAppFolder } from '../paths'

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', cjk: 'DroidSansFallbackFull.ttf' } as const
export type FontName = keyof typeof FONT_FILES

/** How a file is read and parsed; a test may count the calls. */
export const fontLoader = {
  read: (file: string): Buffer => readFileSync(file),
  parse: (data: Buffer): fontkit.Font => fontkit.create(data) as fontkit.Font,
  /** Runs fontkit's encoding of a document's glyph subset; called once per font and glyph list. */
  encodeSubset: (encode: () => Uint8Array): Uint8Array => encode()
}

/** fontkit's TrueType subset, the parts used here (fontkit's types do not list `glyphs`). */
type GlyphSubset = { glyphs: number[]; encode(): Uint8Array }

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
    font = encodingOnce(keepingCodePoints(fontLoader.parse(fontFile(name))))
    parsed.set(name, font)
  }
  return font
}

/**
 * fontkit keeps each glyph it hands out in the font, with the characters it was first asked for. Embedding a
 * subset asks for a composite glyph's parts (the "e" of "ę", the "s" of "ś") with none, so with the font shared
 * between documents, every later document mapped those letters to no text: its text layer (pdftotext, search,
 * copy) read "Pa k d by" for "Packed by" after any Polish text. This wrapper gives such a glyph the characters
 * of the first caller that names them. Written by hand: fontkit has no option for it.
 */
function keepingCodePoints(font: fontkit.Font): fontkit.Font {
  const getGlyph = font.getGlyph.bind(font)
  font.getGlyph = (glyphId, codePoints) => {
    const glyph = getGlyph(glyphId, codePoints)
    if (glyph && glyph.codePoints.length === 0 && codePoints && codePoints.length > 0) glyph.codePoints = codePoints
    return glyph
  }
  return font
}

/** Encoded subsets per font: a station's labels use a handful of glyph lists (pdfFonts.ts puts the common glyphs first). */
const SUBSETS_KEPT = 64

/**
 * Re-encoding a subset (fontkit decodes each glyph and writes every table again, about 2 ms each) gives the same
 * bytes for the same glyph list, so each font keeps the last encodings by glyph list. The bytes are shared: pdfkit
 * only copies (or deflates) them into the document. The key is taken before encoding (encoding appends composite
 * glyphs' parts, the same for the same list). Written by hand: fontkit has no option for it.
 */
function encodingOnce(font: fontkit.Font): fontkit.Font {
  const encodings = new LRUCache<string, Uint8Array>({ max: SUBSETS_KEPT })
  const createSubset = font.createSubset.bind(font)
  font.createSubset = () => {
    const subset = createSubset() as unknown as GlyphSubset
    const encode = subset.encode.bind(subset)
    subset.encode = () => {
      const key = subset.glyphs.join(',')
      let bytes = encodings.get(key)
      if (!bytes) {
        bytes = fontLoader.encodeSubset(encode)
        encodings.set(key, bytes)
      }
      return bytes
    }
    return subset as unknown as fontkit.Subset
  }
  return font
}
