// Barcodes as vectors: bwip-js encodes (Code 128, GS1-128, QR) and returns
// the bars or modules; we draw them as filled rectangles, so they stay crisp
// at any printer resolution.
import bwipjs from 'bwip-js/node'

export type LinearCode = { bcid: 'code128' | 'gs1-128'; text: string; sbs: number[]; modules: number }
export type MatrixCode = { text: string; pixs: number[]; cols: number; rows: number; eclevel: 'M' | 'L' }

/** Code 128 modules need 10 quiet modules each side. */
export const QUIET_MODULES = 10

export function linearCode(bcid: LinearCode['bcid'], text: string): LinearCode {
  const [raw] = bwipjs.raw({ bcid, text }) as unknown as [{ sbs: number[] }]
  return { bcid, text, sbs: raw.sbs, modules: raw.sbs.reduce((a, b) => a + b, 0) }
}

/** A QR code; the data is taken as is (newlines included). */
export function qrCode(text: string, eclevel: 'M' | 'L' = 'M'): MatrixCode {
  const [raw] = bwipjs.raw({ bcid: 'qrcode', text, eclevel } as never) as unknown as [{ pixs: number[]; pixx: number; pixy: number }]
  return { text, pixs: raw.pixs, cols: raw.pixx, rows: raw.pixy, eclevel }
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
