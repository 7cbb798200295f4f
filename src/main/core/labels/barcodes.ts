// Barcodes as vectors: bwip-js encodes (Code 128, GS1-128, QR) and returns
// the bars or modules; we draw them as filled rectangles, so they stay crisp
// at any printer resolution. The encoders are loaded once per process (at import),
// and each encoding is kept in a small bounded LRU cache keyed by symbology,
// options and text: the preview and then the print of a label, and the
// layout's trials, encode a text once. Encodings are shared: read only.
import bwipjs from 'bwip-js/node'
import { LRUCache } from 'lru-cache'

export type LinearCode = { bcid: 'code128' | 'gs1-128'; text: string; sbs: readonly number[]; modules: number }
export type MatrixCode = { text: string; pixs: readonly number[]; cols: number; rows: number; eclevel: 'M' | 'L' }

/** Code 128 modules need 10 quiet modules each side. */
export const QUIET_MODULES = 10

/** A label's linear codes (order number, SSCC, up to a few dozen serials) and a few QR codes of a box's serials. */
const linearCache = new LRUCache<string, LinearCode>({ max: 512 })
const matrixCache = new LRUCache<string, MatrixCode>({ max: 16 })

/** How the encoders are called; a test may count the calls. */
export const encoder = {
  linear: (bcid: LinearCode['bcid'], text: string): number[] => (bwipjs.raw({ bcid, text }) as unknown as [{ sbs: number[] }])[0].sbs,
  qr: (text: string, eclevel: MatrixCode['eclevel']): { pixs: number[]; cols: number; rows: number } => {
    const [raw] = bwipjs.raw({ bcid: 'qrcode', text, eclevel } as never) as unknown as [{ pixs: number[]; pixx: number; pixy: number }]
    return { pixs: raw.pixs, cols: raw.pixx, rows: raw.pixy }
  }
}

export function linearCode(bcid: LinearCode['bcid'], text: string): LinearCode {
  const key = `${bcid}\u0000${text}`
  let code = linearCache.get(key)
  if (!code) {
    const sbs = encoder.linear(bcid, text)
    code = Object.freeze({ bcid, text, sbs: Object.freeze(sbs), modules: sbs.reduce((a, b) => a + b, 0) })
    linearCache.set(key, code)
  }
  return code
}

/** A QR code; the data is taken as is (newlines included). */
export function qrCode(text: string, eclevel: 'M' | 'L' = 'M'): MatrixCode {
  const key = `${eclevel}\u0000${text}`
  let code = matrixCache.get(key)
  if (!code) {
    const { pixs, cols, rows } = encoder.qr(text, eclevel)
    code = Object.freeze({ text, pixs: Object.freeze(pixs), cols, rows, eclevel })
    matrixCache.set(key, code)
  }
  return code
}

type Canvas = { rect(x: number, y: number, w: number, h: number): unknown; fill(color?: string): unknown }

/** Draws the bars from (x, y), `moduleWidth` points per module; the caller leaves the quiet zones. */
export function drawLinear(doc: Canvas, code: LinearCode, x: number, y: number, moduleWidth: number, height: number): void {
  let at = x
  code.sbs.forEach((width, i) => {
    if (i % 2 === 0) doc.rect(at, y, width * moduleWidth, height)
    at += width * moduleWidth
  })
  doc.fill('black')
}

/** Draws the dark modules, joined into runs per row. The caller leaves the 4-module quiet zone. */
export function drawMatrix(doc: Canvas, code: MatrixCode, x: number, y: number, moduleSize: number): void {
  for (let row = 0; row < code.rows; row++) {
    let run = -1
    for (let col = 0; col <= code.cols; col++) {
      const dark = col < code.cols && code.pixs[row * code.cols + col] === 1
      if (dark && run < 0) run = col
      if (!dark && run >= 0) {
        doc.rect(x + run * moduleSize, y + row * moduleSize, (col - run) * moduleSize, moduleSize)
        run = -1
      }
    }
  }
  doc.fill('black')
}
