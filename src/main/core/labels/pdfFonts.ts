// What a new PDF document's fonts start with, so that a label costs pdfkit
// only its own drawing. pdfkit makes, per document, a font object that
// lays text out (fontkit shaping) and, at doc.end(), embeds the subset of
// the glyphs the document used (fontkit re-encodes the TrueType tables: the
// larger half of a 1-unit box label's CPU time). Two things are therefore
// kept per process, per font:
// - the layout of each word that more than one document uses (behind
//   pdfkit's own per-document layout cache): a word lays out the same in
//   every document;
// - a fixed first set of glyphs (printable ASCII and the letters the label
//   catalogue prints) at fixed places in every document's subset, so that
//   labels whose texts use only those glyphs embed the same subset and its
//   encoding is taken from fonts.ts's cache instead of re-encoded.
// pdfkit has no option for either; both go through its per-document font
// object (`doc._font`: `layoutCache`, `subset`, `widths`, `unicode`), which is
// why this file is the one place that knows it. test/labels/fontReuse.test.ts
// checks the result on real PDFs (pdftotext, pdffonts, zbarimg).
import type * as fontkit from 'fontkit'
import { LRUCache } from 'lru-cache'
import type PDFDocument from 'pdfkit'
import { parsedFont, type FontName } from './fonts'

type Doc = InstanceType<typeof PDFDocument>

/** pdfkit's per-document embedded font (js/pdfkit.js EmbeddedFont), the parts used here. */
type EmbeddedFont = {
  font: fontkit.Font
  scale: number
  subset: { includeGlyph(glyphId: number): number }
  widths: number[]
  unicode: number[][]
  layoutCache?: LayoutCache
}

/**
 * Printable ASCII, then what the label catalogue (en, pl) and the label layouts print beyond it. A text
 * outside this set still works: its glyphs join the subset after these (and that subset is encoded once too).
 */
const FIRST_GLYPHS = ` !"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_\`abcdefghijklmnopqrstuvwxyz{|}~·×–—…ąćęłńóśźżĄĆĘŁŃÓŚŹŻ`

/** Words kept laid out per font: the words of the catalogue and of a station's usual data. */
const SHARED_WORDS = 1024
/** Words remembered (text only) as seen once, so that a second document sharing one keeps its layout. */
const SEEN_WORDS = 8192

type LayoutCache = Record<string, unknown>
type Prepared = { glyphs: fontkit.Glyph[]; shared: LRUCache<string, object>; seen: LRUCache<string, true> }
const prepared = new Map<FontName, Prepared>()

/**
 * A document's layout cache (pdfkit reads and writes it as `cache[text]`): its own words first, as pdfkit keeps
 * them, then the process's shared ones. A word joins the shared ones when a second document lays it out: a
 * label's own numbers (order number, SSCC, serials, date) stay with their document and die young with it, not
 * kept and promoted to the old generation for the garbage collector to sweep later.
 */
function layoutCache({ shared, seen }: Prepared): LayoutCache {
  return new Proxy(Object.create(null) as LayoutCache, {
    get: (own, key) => own[key as string] ?? (typeof key === 'string' ? shared.get(key) : undefined),
    set: (own, key, run: object) => {
      own[key as string] = run
      if (typeof key !== 'string') return true
      if (seen.has(key)) shared.set(key, run)
      else seen.set(key, true)
      return true
    }
  })
}

function preparedFor(name: FontName): Prepared {
  let entry = prepared.get(name)
  if (!entry) {
    const font = parsedFont(name)
    const glyphs = name === 'cjk' ? [] : [...FIRST_GLYPHS].map((char) => font.glyphForCodePoint(char.codePointAt(0) ?? 0))
    entry = { glyphs, shared: new LRUCache({ max: SHARED_WORDS }), seen: new LRUCache({ max: SEEN_WORDS }) }
    prepared.set(name, entry)
  }
  return entry
}

const isEmbeddedFont = (font: Partial<EmbeddedFont> | undefined): font is EmbeddedFont =>
  typeof font?.subset?.includeGlyph === 'function' &&
  Array.isArray(font.widths) &&
  Array.isArray(font.unicode) &&
  typeof font.scale === 'number'

/**
 * Selects the registered font `name` in `doc`, whose font object is then new, and gives it the shared layouts
 * and the first glyphs (as pdfkit's own `encode` enters a glyph: subset place, width, Unicode). Called once per
 * font per document, right after registering it. Glyphs entered but never drawn cost only their bytes in the
 * embedded subset; a font the document never draws with is not embedded at all.
 */
export function prepareFont(doc: Doc, name: FontName): Doc {
  doc.font(name)
  const embedded = (doc as unknown as { _font?: Partial<EmbeddedFont> })._font
  // Another pdfkit whose font object differs: its documents are made as pdfkit makes them, only slower.
  if (!isEmbeddedFont(embedded)) return doc
  const fontPrepared = preparedFor(name)
  if (embedded.layoutCache) embedded.layoutCache = layoutCache(fontPrepared)
  for (const glyph of fontPrepared.glyphs) {
    const id = embedded.subset.includeGlyph(glyph.id)
    embedded.widths[id] ??= glyph.advanceWidth * embedded.scale
    embedded.unicode[id] ??= glyph.codePoints
  }
  return doc
}
