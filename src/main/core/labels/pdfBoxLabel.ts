// The box label (SPEC §6) as PDF: order number, channel order id, box n of N,
// dimensions, weight, operator and date; the box's serials as Code 128
// barcodes or one QR code; the SSCC as GS1-128 (00) at the bottom with its
// text. Serials that do not fit continue on further labels.
import { formatSscc } from './sscc'
import { drawLinear, drawMatrix, linearCode, QUIET_MODULES } from './barcodes'
import type { BoxLabelData } from './labelData'
import { formatDate, formatDimensions, formatWeight } from './format'
import { finish, fitLine, newDocument, textWidth, useFont, type Doc } from './pdfText'
import { planSerials, type SerialBlock } from './serialsLayout'

export type PageSize = { width: number; height: number }

const CAPTION = 6.5
const SSCC_MAX_MODULE = 1.4

export async function renderBoxLabelPdf(data: BoxLabelData, size: PageSize): Promise<{ pdf: Buffer; pages: number }> {
  const doc = newDocument({ size: [size.width, size.height], info: { Title: `Box ${data.boxNumber} of ${data.boxCount} · ${data.orderNumber}` } })
  const measure = (text: string, s: number) => textWidth(doc, text, s)
  const m = size.height < 200 ? 7 : 10
  const inner = size.width - 2 * m
  const compact = size.height < 250

  // Plan every page first, so the first one can say how many follow.
  const firstArea = { width: inner, height: size.height - 2 * m - headerHeight(compact) - metaHeight(compact) - orderCodeHeight(!compact) - ssccHeight(size) - 12 }
  const pages: { block: SerialBlock | null; from: number; to: number }[] = []
  let rest = data.serials
  let from = 0
  for (let page = 0; page === 0 || rest.length > 0; page++) {
    const area = page === 0 ? firstArea : { width: inner, height: size.height - 2 * m - continuationHeaderHeight() - orderCodeHeight(!compact) - 12 }
    const { block, taken } = planSerials(rest, area, measure)
    if (page > 0 && taken === 0) throw new Error(`A ${size.width}×${size.height} pt label has no room for a serial`)
    pages.push({ block, from, to: from + taken })
    rest = rest.slice(taken)
    from += taken
  }

  pages.forEach((page, i) => {
    doc.addPage({ size: [size.width, size.height], margin: 0 })
    let y = m
    if (i === 0) {
      y = drawHeader(doc, data, m, y, inner, compact)
      y = drawMeta(doc, data, m, y, inner, compact)
      y = drawOrderCode(doc, data.orderNumber, m, y, inner, !compact)
    } else {
      y = drawContinuationHeader(doc, data, m, y, inner, i + 1, pages.length)
      y = drawOrderCode(doc, data.orderNumber, m, y, inner, !compact)
    }
    rule(doc, m, y, inner)
    y += 3
    const caption =
      data.serials.length === 0
        ? `NO SERIALS${data.unserialized ? ` · ${data.unserialized} unit${data.unserialized === 1 ? '' : 's'} without serial` : ''}`
        : page.to - page.from === data.serials.length
          ? `SERIALS · ${data.serials.length}`
          : page.to > page.from
            ? `SERIALS ${page.from + 1}–${page.to} OF ${data.serials.length}`
            : `SERIALS · ${data.serials.length} · ON THE NEXT LABEL${pages.length > 2 ? 'S' : ''}`
    fitLine(doc, pages.length > 1 ? `${caption} · LABEL ${i + 1} OF ${pages.length}` : caption, { x: m, y, width: inner, height: CAPTION }, { size: CAPTION, bold: true })
    y += CAPTION + 3
    if (page.block) drawSerials(doc, page.block, m, y, inner)
    if (i === 0) drawSscc(doc, data, m, size, inner)
  })
  return { pdf: await finish(doc), pages: pages.length }
}

const headerHeight = (compact: boolean) => (compact ? 28 : 36)
const metaHeight = (compact: boolean) => (compact ? 20 : 42)
const orderCodeHeight = (shown: boolean) => (shown ? 34 : 0)
const continuationHeaderHeight = () => 30
function ssccHeight(size: PageSize) {
  return size.height < 200 ? CAPTION + 2 + 30 + 12 : CAPTION + 2 + 62 + 14
}

function rule(doc: Doc, x: number, y: number, width: number) {
  doc.moveTo(x, y).lineTo(x + width, y).lineWidth(1).strokeColor('black').stroke()
}

function drawHeader(doc: Doc, data: BoxLabelData, x: number, y: number, width: number, compact: boolean): number {
  const big = compact ? 18 : 24
  const left = width * 0.62
  fitLine(doc, 'ORDER', { x, y, width: left, height: CAPTION }, { size: CAPTION, bold: true })
  fitLine(doc, 'BOX', { x: x + left, y, width: width - left, height: CAPTION }, { size: CAPTION, bold: true, align: 'right' })
  fitLine(doc, data.orderNumber, { x, y: y + CAPTION + 2, width: left - 6, height: big }, { size: big, minSize: 9, bold: true })
  fitLine(doc, `${data.boxNumber} of ${data.boxCount}`, { x: x + left, y: y + CAPTION + 2, width: width - left, height: big }, { size: big, minSize: 9, bold: true, align: 'right' })
  const bottom = y + headerHeight(compact)
  rule(doc, x, bottom - 2, width)
  return bottom + 2
}

function drawMeta(doc: Doc, data: BoxLabelData, x: number, y: number, width: number, compact: boolean): number {
  const channel = [data.channel, data.channelOrderId].filter(Boolean).join(' · ')
  const box = [formatDimensions(data.dimensionsMm) ?? 'Dimensions not recorded', formatWeight(data.weightG) ?? 'weight not recorded'].join(' · ')
  const who = `Packed by ${data.operator} · ${formatDate(data.date)}`
  if (compact) {
    fitLine(doc, `${channel} · ${box}`, { x, y, width, height: 8 }, { size: 8, minSize: 5 })
    fitLine(doc, who, { x, y: y + 9.5, width, height: 8 }, { size: 8, minSize: 5 })
    return y + metaHeight(true)
  }
  fitLine(doc, channel, { x, y, width, height: 11 }, { size: 11, minSize: 6, bold: true })
  fitLine(doc, box, { x, y: y + 14, width, height: 9 }, { size: 9, minSize: 6 })
  fitLine(doc, who, { x, y: y + 26, width, height: 9 }, { size: 9, minSize: 6 })
  return y + metaHeight(false)
}

/** The order number as Code 128 (scanning it opens the order). */
function drawOrderCode(doc: Doc, orderNumber: string, x: number, y: number, width: number, shown: boolean): number {
  if (!shown) return y
  const code = linearCode('code128', orderNumber)
  const moduleWidth = Math.min(1, width / (code.modules + 2 * QUIET_MODULES))
  drawLinear(doc, code, x + QUIET_MODULES * moduleWidth, y, moduleWidth, 26)
  return y + orderCodeHeight(true)
}

function drawContinuationHeader(doc: Doc, data: BoxLabelData, x: number, y: number, width: number, page: number, pages: number): number {
  fitLine(doc, `ORDER ${data.orderNumber} · BOX ${data.boxNumber} OF ${data.boxCount}`, { x, y, width, height: 14 }, { size: 14, minSize: 7, bold: true })
  fitLine(doc, `Serials continued · label ${page} of ${pages} · SSCC ${data.sscc}`, { x, y: y + 17, width, height: 8 }, { size: 8, minSize: 5 })
  return y + continuationHeaderHeight()
}

function drawSerials(doc: Doc, block: SerialBlock, x: number, y: number, width: number): void {
  if (block.kind === 'linear') {
    const spacing = block.columns > 1 ? (width - block.columns * block.columnWidth) / (block.columns - 1) : 0
    block.codes.forEach((code, i) => {
      const col = i % block.columns
      const row = Math.floor(i / block.columns)
      const cx = x + col * (block.columnWidth + spacing)
      const cy = y + row * block.rowHeight
      const barsWidth = code.modules * block.moduleWidth
      drawLinear(doc, code, cx + (block.columnWidth - barsWidth) / 2, cy, block.moduleWidth, block.barHeight)
      fitLine(doc, code.text, { x: cx, y: cy + block.barHeight + 1.5, width: block.columnWidth, height: block.textSize }, { size: block.textSize, align: 'center' })
    })
    return
  }
  const quiet = 4 * block.moduleSize
  drawMatrix(doc, block.code, x + quiet, y + quiet, block.moduleSize)
  const listX = x + block.side + 6
  const perColumn = Math.ceil(block.serials.length / block.listColumns)
  block.serials.forEach((serial, i) => {
    const col = Math.floor(i / perColumn)
    const row = i % perColumn
    useFont(doc, serial, block.listSize)
    doc.fillColor('black').text(serial, listX + col * block.listColumnWidth, y + row * block.listSize * 1.2, { lineBreak: false })
  })
}

function drawSscc(doc: Doc, data: BoxLabelData, x: number, size: PageSize, width: number): void {
  const small = size.height < 200
  const barHeight = small ? 30 : 62
  const text = small ? 10 : 12
  const top = size.height - (small ? 7 : 10) - ssccHeight(size)
  rule(doc, x, top - 4, width)
  fitLine(doc, 'SSCC', { x, y: top, width, height: CAPTION }, { size: CAPTION, bold: true })
  const code = linearCode('gs1-128', `(00)${data.sscc}`)
  const moduleWidth = Math.min(SSCC_MAX_MODULE, width / (code.modules + 2 * QUIET_MODULES))
  const barsWidth = code.modules * moduleWidth
  drawLinear(doc, code, x + (width - barsWidth) / 2, top + CAPTION + 2, moduleWidth, barHeight)
  fitLine(doc, formatSscc(data.sscc, data.gs1PrefixLength), { x, y: top + CAPTION + 3 + barHeight, width, height: text }, { size: text, bold: true, align: 'center' })
}
