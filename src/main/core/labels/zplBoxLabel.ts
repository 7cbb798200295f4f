// The box label in ZPL for thermal printers (203 or 300 dpi), drawn from
// boxLabelLayout (the same layout as the PDF): header, box n of N, details,
// the order number, the serials as Code 128 or one QR code (continued on
// further labels), and the SSCC as GS1-128 at the bottom. The printer encodes
// the barcodes; we size them from the same plan as the PDF.
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/i18n/languages'
import { QUIET_MODULES } from './barcodes'
import { boxLabelLayout, type BoxLabelPage, type PlacedSerials, type SsccBlock } from './boxLabelLayout'
import type { BoxLabelData } from './labelData'
import { ZPL_MEDIUM, type PageSize } from './labelLayout'
import { SERIAL_SEPARATOR } from './serialsLayout'
import { ZplLabel } from './zpl'
import { zplRule, zplText } from './zplDraw'

/** The printer's font 0, estimated: 0.6 × the height per character (as ZplLabel wraps it). */
const measure = (text: string, size: number) => text.length * size * 0.6

/** Code 128 modules of the SSCC's GS1-128: start C, FNC1, (00) and 18 digits, check, stop. */
const SSCC_MODULES = 156

/** `language`: the station's; its letters (ą, ł, ż…) go as UTF-8 (^CI28) in ^FH escapes (zpl.ts). */
export function renderBoxLabelZpl(
  data: BoxLabelData,
  size: PageSize,
  dpi: 203 | 300,
  language: Language = DEFAULT_LANGUAGE
): { zpl: string; pages: number } {
  const labels = boxLabelLayout(data, size, ZPL_MEDIUM, measure, language).map((page) => {
    const z = new ZplLabel(size.width, size.height, dpi)
    drawPage(z, data, page)
    return z.toString()
  })
  return { zpl: labels.join('\n'), pages: labels.length }
}

function drawPage(z: ZplLabel, data: BoxLabelData, page: BoxLabelPage): void {
  for (const text of page.header) zplText(z, text)
  if (page.headerRule) zplRule(z, page.headerRule)
  for (const text of page.details) zplText(z, text)
  // The bars start a little in from the left: the printer encodes them, so their width is not known here.
  if (page.orderCode) z.code128(data.orderNumber, page.orderCode.x + 10, page.orderCode.y, 2, page.orderCode.height)
  zplRule(z, page.rule)
  zplText(z, page.caption)
  if (page.serials) serials(z, page.serials)
  if (page.sscc) sscc(z, data.sscc, page.sscc)
}

function serials(z: ZplLabel, placed: PlacedSerials): void {
  if (placed.kind === 'linear') {
    const { block } = placed
    const moduleDots = Math.max(2, Math.floor(z.d(block.moduleWidth)))
    for (const cell of placed.cells) {
      z.code128(cell.code.text, cell.x + QUIET_MODULES * block.moduleWidth, cell.y, moduleDots, block.barHeight)
      zplText(z, cell.text)
    }
    return
  }
  const { block, x, y } = placed
  const magnification = Math.max(2, Math.min(10, Math.floor(z.d(block.moduleSize))))
  z.qr(block.serials, SERIAL_SEPARATOR, x, y, magnification, block.code.eclevel)
  for (const column of placed.listColumns) {
    const box = { x: column.x, y, width: block.listColumnWidth, height: column.serials.length * block.listSize * 1.2 }
    z.text(column.serials.join('\n'), box, { size: block.listSize })
  }
}

function sscc(z: ZplLabel, sscc: string, block: SsccBlock): void {
  zplRule(z, block.rule)
  zplText(z, block.caption)
  const { x, y, width, height } = block.bars
  // The widest whole-dot module that fits with the quiet zones.
  const moduleDots = Math.max(2, Math.min(z.d(1.4), Math.floor(z.d(width) / (SSCC_MODULES + 2 * QUIET_MODULES))))
  const barsWidth = (SSCC_MODULES * moduleDots * 72) / z.dpi
  z.sscc128(sscc, x + (width - barsWidth) / 2, y, moduleDots, height)
  zplText(z, block.text)
}
