// The box label's layout (SPEC §6), one for the PDF and the ZPL form: order
// number, box n of N, channel order id, dimensions, weight, operator and
// date; the order number as Code 128; the box's serials as Code 128 barcodes
// or one QR code; the SSCC as GS1-128 (00) at the bottom with its text.
// Serials that do not fit continue on further labels, planned up front so
// the first label can say how many follow.
// Every word comes from the catalogue in the station's language (words.ts).
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/i18n/languages'
import type { LinearCode } from './barcodes'
import type { BoxLabelData } from './labelData'
import { caption, channelLine, type Box, type Medium, type PageSize, type Rule, type Text } from './labelLayout'
import { planSerials, type LinearBlock, type MeasureText, type QrBlock, type SerialBlock } from './serialsLayout'
import { formatSscc } from './sscc'
import { labelWords, type LabelWords } from './words'

export type PlacedSerials =
  | { kind: 'linear'; block: LinearBlock; cells: { code: LinearCode; x: number; y: number; text: Text }[] }
  | { kind: 'qr'; block: QrBlock; x: number; y: number; listColumns: { x: number; serials: string[] }[] }

export type SsccBlock = { rule: Rule; caption: Text; bars: Box; text: Text }

export type BoxLabelPage = {
  /** The first label's order and box n of N, or what a further label continues. */
  header: Text[]
  headerRule: Rule | null
  /** Channel, dimensions and weight, who packed it and when (first label only). */
  details: Text[]
  /** The order number as Code 128 (scanning it opens the order); not on the 4×2 label. */
  orderCode: Box | null
  rule: Rule
  caption: Text
  serials: PlacedSerials | null
  /** First label only. */
  sscc: SsccBlock | null
}

type Frame = { m: number; inner: number; compact: boolean }
type PlannedPage = { block: SerialBlock | null; from: number; to: number }

const headerHeight = (compact: boolean) => (compact ? 28 : 36)
const detailsHeight = (compact: boolean) => (compact ? 20 : 42)
const orderCodeHeight = (shown: boolean) => (shown ? 34 : 0)
const continuationHeaderHeight = () => 30
const ORDER_CODE_BARS = 26

function ssccHeight(size: PageSize, medium: Medium) {
  return size.height < 200 ? medium.caption + 2 + 30 + 12 : medium.caption + 2 + 62 + 14
}

/**
 * Every label of the box, first to last. `measure` is the renderer's text width, for the serials' columns;
 * `language` the station's (labels.json).
 */
export function boxLabelLayout(
  data: BoxLabelData,
  size: PageSize,
  medium: Medium,
  measure: MeasureText,
  language: Language = DEFAULT_LANGUAGE
): BoxLabelPage[] {
  const m = size.height < 200 ? 7 : 10
  const frame = { m, inner: size.width - 2 * m, compact: size.height < 250 }
  const w = labelWords(language)
  const pages = planPages(data, size, medium, measure, frame)
  return pages.map((page, i) => layoutPage(data, size, medium, frame, page, i, pages.length, w))
}

function planPages(data: BoxLabelData, size: PageSize, medium: Medium, measure: MeasureText, { m, inner, compact }: Frame): PlannedPage[] {
  // Above the serials: the gaps around the rules and the serials' caption (layoutPage); below: the SSCC rule and 2 pt above it.
  const chrome = 14 + medium.caption
  const firstArea = {
    width: inner,
    height:
      size.height - 2 * m - headerHeight(compact) - detailsHeight(compact) - orderCodeHeight(!compact) - ssccHeight(size, medium) - chrome
  }
  const pages: PlannedPage[] = []
  let rest = data.serials
  let from = 0
  for (let page = 0; page === 0 || rest.length > 0; page++) {
    const area =
      page === 0 ? firstArea : { width: inner, height: size.height - 2 * m - continuationHeaderHeight() - orderCodeHeight(!compact) - 12 }
    const { block, taken } = planSerials(rest, area, measure)
    if (page > 0 && taken === 0) throw new Error(`A ${size.width}×${size.height} pt label has no room for a serial`)
    pages.push({ block, from, to: from + taken })
    rest = rest.slice(taken)
    from += taken
  }
  return pages
}

function layoutPage(
  data: BoxLabelData,
  size: PageSize,
  medium: Medium,
  frame: Frame,
  page: PlannedPage,
  i: number,
  pages: number,
  w: LabelWords
): BoxLabelPage {
  const { m, inner, compact } = frame
  let y = m
  let header: Text[], headerRule: Rule | null, details: Text[]
  if (i === 0) {
    header = firstHeader(data, medium, m, y, inner, compact, w)
    headerRule = { x: m, y: y + headerHeight(compact) - 2, width: inner }
    y = y + headerHeight(compact) + 2
    details = detailLines(data, medium, m, y, inner, compact, w)
    y += detailsHeight(compact)
  } else {
    header = continuationHeader(data, medium, m, y, inner, i + 1, pages, w)
    headerRule = null
    details = []
    y += continuationHeaderHeight()
  }
  const orderCode = compact ? null : { x: m, y, width: inner, height: ORDER_CODE_BARS }
  y += orderCodeHeight(!compact)
  const rule = { x: m, y, width: inner }
  y += 3
  const which = serialsCaption(data, medium, page, pages, w)
  const serialsCaptionText = caption(
    medium,
    pages > 1 ? `${which}${medium.separator}${w.box.labelOfCaption(i + 1, pages)}` : which,
    m,
    y,
    inner
  )
  y += medium.caption + 3
  return {
    header,
    headerRule,
    details,
    orderCode,
    rule,
    caption: serialsCaptionText,
    serials: page.block && placeSerials(page.block, m, y, inner),
    sscc: i === 0 ? ssccBlock(data, size, medium, m, inner, w) : null
  }
}

function firstHeader(data: BoxLabelData, medium: Medium, x: number, y: number, width: number, compact: boolean, w: LabelWords): Text[] {
  const big = compact ? 18 : 24
  const left = width * 0.62
  const c = medium.caption
  return [
    { text: w.box.order, box: { x, y, width: left, height: c }, style: { size: c, bold: true } },
    { text: w.box.box, box: { x: x + left, y, width: width - left, height: c }, style: { size: c, bold: true, align: 'right' } },
    { text: data.orderNumber, box: { x, y: y + c + 2, width: left - 6, height: big }, style: { size: big, minSize: 9, bold: true } },
    {
      text: w.box.boxOf(data.boxNumber, data.boxCount),
      box: { x: x + left, y: y + c + 2, width: width - left, height: big },
      style: { size: big, minSize: 9, bold: true, align: 'right' }
    }
  ]
}

function detailLines(data: BoxLabelData, medium: Medium, x: number, y: number, width: number, compact: boolean, w: LabelWords): Text[] {
  const { separator } = medium
  const channel = channelLine(medium, data)
  const box = [w.dimensions(data.dimensionsMm) ?? w.box.noDimensions, w.weight(data.weightG) ?? w.box.noWeight].join(separator)
  const who = `${w.box.packedBy(data.operator)}${separator}${w.date(data.date)}`
  if (compact) {
    return [
      { text: `${channel}${separator}${box}`, box: { x, y, width, height: 8 }, style: { size: 8, minSize: 5 } },
      { text: who, box: { x, y: y + 9.5, width, height: 8 }, style: { size: 8, minSize: 5 } }
    ]
  }
  return [
    { text: channel, box: { x, y, width, height: 11 }, style: { size: 11, minSize: 6, bold: true } },
    { text: box, box: { x, y: y + 14, width, height: 9 }, style: { size: 9, minSize: 6 } },
    { text: who, box: { x, y: y + 26, width, height: 9 }, style: { size: 9, minSize: 6 } }
  ]
}

function continuationHeader(
  data: BoxLabelData,
  medium: Medium,
  x: number,
  y: number,
  width: number,
  page: number,
  pages: number,
  w: LabelWords
): Text[] {
  const { separator } = medium
  return [
    {
      text: `${w.box.continuedOrder(data.orderNumber)}${separator}${w.box.continuedBox(data.boxNumber, data.boxCount)}`,
      box: { x, y, width, height: 14 },
      style: { size: 14, minSize: 7, bold: true }
    },
    {
      text: [w.box.serialsContinued, w.box.labelOf(page, pages), w.box.ssccNumber(data.sscc)].join(separator),
      box: { x, y: y + 17, width, height: 8 },
      style: { size: 8, minSize: 5 }
    }
  ]
}

/** Which of the box's serials this label holds, so a label read on its own says it is part of a set. */
function serialsCaption(data: BoxLabelData, { separator, dash }: Medium, page: PlannedPage, pages: number, w: LabelWords): string {
  const total = data.serials.length
  if (total === 0) {
    const unserialized = data.unserialized ? `${separator}${w.box.withoutSerial(data.unserialized)}` : ''
    return `${w.box.noSerials}${unserialized}`
  }
  if (page.to - page.from === total) return `${w.box.serials}${separator}${total}`
  if (page.to > page.from) return w.box.serialsRange(page.from + 1, page.to, total, dash)
  // All the serials are on the labels after this one (pages - 1 of them).
  return `${w.box.serials}${separator}${total}${separator}${w.box.onNextLabel(pages - 1)}`
}

/** Where each barcode and text of a serial block goes, from the block's top left corner. */
export function placeSerials(block: SerialBlock, x: number, y: number, width: number): PlacedSerials {
  if (block.kind === 'linear') {
    const spacing = block.columns > 1 ? (width - block.columns * block.columnWidth) / (block.columns - 1) : 0
    const cells = block.codes.map((code, i) => {
      const cx = x + (i % block.columns) * (block.columnWidth + spacing)
      const cy = y + Math.floor(i / block.columns) * block.rowHeight
      const text: Text = {
        text: code.text,
        box: { x: cx, y: cy + block.barHeight + 1.5, width: block.columnWidth, height: block.textSize },
        style: { size: block.textSize, align: 'center' }
      }
      return { code, x: cx, y: cy, text }
    })
    return { kind: 'linear', block, cells }
  }
  // The list beside the QR code, column by column.
  const listX = x + block.side + 6
  const perColumn = Math.ceil(block.serials.length / block.listColumns)
  const listColumns = Array.from({ length: block.listColumns }, (_, col) => ({
    x: listX + col * block.listColumnWidth,
    serials: block.serials.slice(col * perColumn, (col + 1) * perColumn)
  })).filter((column) => column.serials.length > 0)
  return { kind: 'qr', block, x, y, listColumns }
}

function ssccBlock(data: BoxLabelData, size: PageSize, medium: Medium, x: number, width: number, w: LabelWords): SsccBlock {
  const small = size.height < 200
  const barHeight = small ? 30 : 62
  const textSize = small ? 10 : 12
  const top = size.height - (small ? 7 : 10) - ssccHeight(size, medium)
  return {
    rule: { x, y: top - 4, width },
    caption: caption(medium, w.box.sscc, x, top, width),
    bars: { x, y: top + medium.caption + 2, width, height: barHeight },
    text: {
      text: formatSscc(data.sscc, data.gs1PrefixLength),
      box: { x, y: top + medium.caption + 3 + barHeight, width, height: textSize },
      style: { size: textSize, bold: true, align: 'center' }
    }
  }
}
