// The box label (SPEC §6) as PDF, drawn from boxLabelLayout: order number,
// channel order id, box n of N, dimensions, weight, operator and date; the
// box's serials as Code 128 barcodes or one QR code; the SSCC as GS1-128 (00)
// at the bottom with its text. Serials that do not fit continue on further labels.
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/i18n/languages'
import { drawLinear, drawMatrix, linearCode, QUIET_MODULES } from './barcodes'
import { boxLabelLayout, type BoxLabelPage, type PlacedSerials, type SsccBlock } from './boxLabelLayout'
import type { BoxLabelData } from './labelData'
import { PDF_MEDIUM, type Box, type PageSize } from './labelLayout'
import { drawRule, drawText } from './pdfDraw'
import { finish, LABEL_FINISH, newDocument, textWidth, useFont, type Doc } from './pdfText'
import { labelWords } from './words'

export type { PageSize } from './labelLayout'

const SSCC_MAX_MODULE = 1.4

/** `language`: the station's (a label is read by the carrier and the customer, not the operator). */
export async function renderBoxLabelPdf(
  data: BoxLabelData,
  size: PageSize,
  language: Language = DEFAULT_LANGUAGE
): Promise<{ pdf: Buffer; pages: number }> {
  const doc = newDocument({
    size: [size.width, size.height],
    info: { Title: labelWords(language).title.boxDocument(data.orderNumber, data.boxNumber, data.boxCount) }
  })
  // The serials' columns are measured in the fonts the PDF sets them in.
  const pages = boxLabelLayout(data, size, PDF_MEDIUM, (text, s) => textWidth(doc, text, s), language)
  for (const page of pages) {
    doc.addPage({ size: [size.width, size.height], margin: 0 })
    drawPage(doc, data, page)
  }
  return { pdf: await finish(doc, LABEL_FINISH), pages: pages.length }
}

function drawPage(doc: Doc, data: BoxLabelData, page: BoxLabelPage): void {
  for (const text of page.header) drawText(doc, text)
  if (page.headerRule) drawRule(doc, page.headerRule)
  for (const text of page.details) drawText(doc, text)
  if (page.orderCode) drawOrderCode(doc, data.orderNumber, page.orderCode)
  drawRule(doc, page.rule)
  drawText(doc, page.caption)
  if (page.serials) drawSerials(doc, page.serials)
  if (page.sscc) drawSscc(doc, data.sscc, page.sscc)
}

function drawOrderCode(doc: Doc, orderNumber: string, { x, y, width, height }: Box): void {
  const code = linearCode('code128', orderNumber)
  const moduleWidth = Math.min(1, width / (code.modules + 2 * QUIET_MODULES))
  drawLinear(doc, code, x + QUIET_MODULES * moduleWidth, y, moduleWidth, height)
}

function drawSerials(doc: Doc, serials: PlacedSerials): void {
  if (serials.kind === 'linear') {
    const { block } = serials
    for (const cell of serials.cells) {
      // Centred in its column at the block's module width.
      const barsWidth = cell.code.modules * block.moduleWidth
      drawLinear(doc, cell.code, cell.x + (block.columnWidth - barsWidth) / 2, cell.y, block.moduleWidth, block.barHeight)
      drawText(doc, cell.text)
    }
    return
  }
  const { block, x, y } = serials
  const quiet = 4 * block.moduleSize
  drawMatrix(doc, block.code, x + quiet, y + quiet, block.moduleSize)
  for (const column of serials.listColumns) {
    column.serials.forEach((serial, row) => {
      useFont(doc, serial, block.listSize)
      doc.fillColor('black').text(serial, column.x, y + row * block.listSize * 1.2, { lineBreak: false })
    })
  }
}

function drawSscc(doc: Doc, sscc: string, block: SsccBlock): void {
  drawRule(doc, block.rule)
  drawText(doc, block.caption)
  const { x, y, width, height } = block.bars
  const code = linearCode('gs1-128', `(00)${sscc}`)
  const moduleWidth = Math.min(SSCC_MAX_MODULE, width / (code.modules + 2 * QUIET_MODULES))
  const barsWidth = code.modules * moduleWidth
  drawLinear(doc, code, x + (width - barsWidth) / 2, y, moduleWidth, height)
  drawText(doc, block.text)
}
