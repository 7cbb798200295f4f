// How a box's serials fill the space a label has for them: one Code 128
// barcode per serial while they fit, otherwise one QR code holding them all
// (newline-separated: the multi-serial format the scan screen splits) with
// the list beside it in small print. What does not fit goes on the next
// label. Pure geometry in points, shared by the PDF and ZPL renderers.
import { linearCode, qrCode, QUIET_MODULES, type LinearCode, type MatrixCode } from './barcodes'

export type Area = { width: number; height: number }
/** Text width in points of `text` at `size` (the renderer's font metrics). */
export type MeasureText = (text: string, size: number) => number

export type LinearBlock = {
  kind: 'linear'
  codes: LinearCode[]
  columns: number
  moduleWidth: number
  barHeight: number
  textSize: number
  rowHeight: number
  columnWidth: number
}
export type QrBlock = {
  kind: 'qr'
  serials: string[]
  code: MatrixCode
  moduleSize: number
  side: number
  listSize: number
  listColumns: number
  listColumnWidth: number
}
export type SerialBlock = LinearBlock | QrBlock

export const SERIAL_SEPARATOR = '\n'

export const LINEAR = { minModule: 0.75, maxModule: 1, barHeight: 26, textSize: 7, gap: 5 }
export const QR = { minModule: 1.5, maxModule: 3, quiet: 4, listMax: 7, listMin: 4.5, gap: 6, maxWidthShare: 0.58 }

/** Encodes the serials as Code 128 barcodes laid out in columns; null if not all of them fit. */
function linearBlock(serials: string[], area: Area, measure: MeasureText): LinearBlock | null {
  if (serials.length === 0) return null
  // Columns only get wider with each serial: if the first serial's column already leaves too few cells, the rest are not encoded.
  if (serials.length > 1 && !linearCells(serials.slice(0, 1), serials.length, area, measure)) return null
  return linearCells(serials, serials.length, area, measure)
}

/** The block of `serials` with room for `count` cells, or null. */
function linearCells(serials: string[], count: number, area: Area, measure: MeasureText): LinearBlock | null {
  const codes = serials.map((s) => linearCode('code128', s))
  const widest = Math.max(...codes.map((c) => c.modules)) + 2 * QUIET_MODULES
  const moduleWidth = Math.min(LINEAR.maxModule, area.width / widest)
  if (moduleWidth < LINEAR.minModule) return null
  const textWidth = Math.max(...serials.map((s) => measure(s, LINEAR.textSize)))
  const columnWidth = Math.max(widest * moduleWidth, textWidth)
  const columns = Math.max(1, Math.floor((area.width + LINEAR.gap) / (columnWidth + LINEAR.gap)))
  const rowHeight = LINEAR.barHeight + LINEAR.textSize * 1.3 + LINEAR.gap
  const rows = Math.floor((area.height + LINEAR.gap) / rowHeight)
  if (rows * columns < count) return null
  return { kind: 'linear', codes, columns, moduleWidth, barHeight: LINEAR.barHeight, textSize: LINEAR.textSize, rowHeight, columnWidth }
}

/** One QR code for all the serials plus their list; null if it cannot be read at this size or the list does not fit. */
function qrBlock(serials: string[], area: Area, measure: MeasureText): QrBlock | null {
  // Error correction M (15 %) where it fits, else L (7 %) rather than a second label.
  const side = Math.min(area.height, area.width * QR.maxWidthShare)
  let code = qrCode(serials.join(SERIAL_SEPARATOR), 'M')
  if (side / (code.cols + 2 * QR.quiet) < QR.minModule) code = qrCode(code.text, 'L')
  const span = code.cols + 2 * QR.quiet
  const moduleSize = Math.min(QR.maxModule, side / span)
  if (moduleSize < QR.minModule) return null
  const listWidth = area.width - span * moduleSize - QR.gap
  for (let size = QR.listMax; size >= QR.listMin; size -= 0.5) {
    const columnWidth = Math.max(...serials.map((s) => measure(s, size))) + size
    const columns = Math.floor(listWidth / columnWidth)
    const perColumn = Math.floor(area.height / (size * 1.2))
    if (columns >= 1 && columns * perColumn >= serials.length) {
      return {
        kind: 'qr',
        serials,
        code,
        moduleSize,
        side: span * moduleSize,
        listSize: size,
        listColumns: columns,
        listColumnWidth: columnWidth
      }
    }
  }
  return null
}

/**
 * The block for as many of `serials` (from the start) as fit `area`, and how
 * many that is. 0 when not even one fits (the caller continues on another label).
 */
export function planSerials(serials: string[], area: Area, measure: MeasureText): { block: SerialBlock | null; taken: number } {
  if (serials.length === 0 || area.height <= 0) return { block: null, taken: 0 }
  const all = linearBlock(serials, area, measure)
  if (all) return { block: all, taken: serials.length }
  // The most serials one QR code (and its list) can hold here: fits(k) is monotonic in k.
  const fits = (k: number) => qrBlock(serials.slice(0, k), area, measure)
  let best = fits(serials.length)
  if (best) return { block: best, taken: serials.length }
  let lo = 0
  let hi = serials.length
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    const block = fits(mid)
    if (block) {
      lo = mid
      best = block
    } else hi = mid
  }
  // A few serials that did not fit as a QR list may still fit as barcodes.
  const linear = lo > 0 ? null : largestLinear(serials, area, measure)
  if (linear) return linear
  return best ? { block: best, taken: lo } : { block: null, taken: 0 }
}

function largestLinear(serials: string[], area: Area, measure: MeasureText): { block: SerialBlock; taken: number } | null {
  for (let k = Math.min(serials.length, 8); k >= 1; k--) {
    const block = linearBlock(serials.slice(0, k), area, measure)
    if (block) return { block, taken: k }
  }
  return null
}
