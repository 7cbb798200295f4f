// The box label in ZPL for thermal printers (203 or 300 dpi): the same
// content and layout as the PDF — header, box n of N, details, the order
// number, the serials as Code 128 or one QR code (continued on further
// labels), and the SSCC as GS1-128 at the bottom. The printer encodes the
// barcodes; we size them from the same plan as the PDF.
import { QUIET_MODULES } from './barcodes'
import { formatDate, formatDimensions, formatWeight } from './format'
import type { BoxLabelData } from './labelData'
import type { PageSize } from './pdfBoxLabel'
import { planSerials, SERIAL_SEPARATOR, type SerialBlock } from './serialsLayout'
import { formatSscc } from './sscc'
import { ZplLabel } from './zpl'

const measure = (text: string, size: number) => text.length * size * 0.6

export function renderBoxLabelZpl(data: BoxLabelData, size: PageSize, dpi: 203 | 300): { zpl: string; pages: number } {
  const small = size.height < 250
  const m = small ? 7 : 10
  const width = size.width - 2 * m
  const header = small ? 28 : 36
  const meta = small ? 20 : 42
  const orderCode = small ? 0 : 34
  const ssccBlock = size.height < 200 ? 50 : 86
  const pages: { block: SerialBlock | null; from: number; to: number }[] = []
  let rest = data.serials
  let from = 0
  for (let page = 0; page === 0 || rest.length > 0; page++) {
    const area = { width, height: page === 0 ? size.height - 2 * m - header - meta - orderCode - ssccBlock - 12 : size.height - 2 * m - 30 - orderCode - 12 }
    const { block, taken } = planSerials(rest, area, measure)
    if (page > 0 && taken === 0) throw new Error('This label size has no room for a serial')
    pages.push({ block, from, to: from + taken })
    rest = rest.slice(taken)
    from += taken
  }

  const labels = pages.map((page, i) => {
    const z = new ZplLabel(size.width, size.height, dpi)
    let y = m
    if (i === 0) {
      z.text('ORDER', { x: m, y, width: width * 0.6, height: 7 }, { size: 7 })
      z.text('BOX', { x: m + width * 0.6, y, width: width * 0.4, height: 7 }, { size: 7, align: 'R' })
      const big = small ? 18 : 24
      z.text(data.orderNumber, { x: m, y: y + 9, width: width * 0.62, height: big }, { size: big, minSize: 9 })
      z.text(`${data.boxNumber} of ${data.boxCount}`, { x: m + width * 0.62, y: y + 9, width: width * 0.38, height: big }, { size: big, minSize: 9, align: 'R' })
      y += header
      z.box(m, y - 2, width, 1.2)
      const channel = [data.channel, data.channelOrderId].filter(Boolean).join(' / ')
      const box = `${formatDimensions(data.dimensionsMm) ?? 'Dimensions not recorded'} / ${formatWeight(data.weightG) ?? 'weight not recorded'}`
      const who = `Packed by ${data.operator} / ${formatDate(data.date)}`
      if (small) {
        z.text(`${channel} / ${box}`, { x: m, y: y + 1, width, height: 8 }, { size: 8, minSize: 5 })
        z.text(who, { x: m, y: y + 10, width, height: 8 }, { size: 8, minSize: 5 })
      } else {
        z.text(channel, { x: m, y: y + 1, width, height: 11 }, { size: 11, minSize: 6 })
        z.text(box, { x: m, y: y + 15, width, height: 9 }, { size: 9, minSize: 6 })
        z.text(who, { x: m, y: y + 27, width, height: 9 }, { size: 9, minSize: 6 })
      }
      y += meta
    } else {
      z.text(`ORDER ${data.orderNumber} / BOX ${data.boxNumber} OF ${data.boxCount}`, { x: m, y, width, height: 14 }, { size: 14, minSize: 7 })
      z.text(`Serials continued / label ${i + 1} of ${pages.length} / SSCC ${data.sscc}`, { x: m, y: y + 17, width, height: 8 }, { size: 8, minSize: 5 })
      y += 30
    }
    if (!small) {
      z.code128(data.orderNumber, m + 10, y, 2, 26)
      y += orderCode
    }
    z.box(m, y, width, 1.2)
    y += 3
    const count = page.to - page.from
    const caption = data.serials.length === 0 ? 'NO SERIALS' : count === data.serials.length ? `SERIALS / ${count}` : count > 0 ? `SERIALS ${page.from + 1}-${page.to} OF ${data.serials.length}` : `SERIALS / ${data.serials.length} / ON THE NEXT LABEL`
    z.text(pages.length > 1 ? `${caption} / LABEL ${i + 1} OF ${pages.length}` : caption, { x: m, y, width, height: 7 }, { size: 7 })
    y += 10
    if (page.block) serials(z, page.block, m, y, width)
    if (i === 0) sscc(z, data, m, size, width, ssccBlock)
    return z.toString()
  })
  return { zpl: labels.join('\n'), pages: labels.length }
}

function serials(z: ZplLabel, block: SerialBlock, x: number, y: number, width: number): void {
  if (block.kind === 'linear') {
    const spacing = block.columns > 1 ? (width - block.columns * block.columnWidth) / (block.columns - 1) : 0
    const moduleDots = Math.max(2, Math.floor(z.d(block.moduleWidth)))
    block.codes.forEach((code, i) => {
      const cx = x + (i % block.columns) * (block.columnWidth + spacing)
      const cy = y + Math.floor(i / block.columns) * block.rowHeight
      z.code128(code.text, cx + QUIET_MODULES * block.moduleWidth, cy, moduleDots, block.barHeight)
      z.text(code.text, { x: cx, y: cy + block.barHeight + 1.5, width: block.columnWidth, height: block.textSize }, { size: block.textSize, align: 'C' })
    })
    return
  }
  const magnification = Math.max(2, Math.min(10, Math.floor(z.d(block.moduleSize))))
  z.qr(block.serials, SERIAL_SEPARATOR, x, y, magnification, block.code.eclevel)
  const perColumn = Math.ceil(block.serials.length / block.listColumns)
  for (let col = 0; col < block.listColumns; col++) {
    const list = block.serials.slice(col * perColumn, (col + 1) * perColumn)
    if (list.length === 0) continue
    z.text(list.join('\n'), { x: x + block.side + 6 + col * block.listColumnWidth, y, width: block.listColumnWidth, height: list.length * block.listSize * 1.2 }, { size: block.listSize })
  }
}

function sscc(z: ZplLabel, data: BoxLabelData, x: number, size: PageSize, width: number, height: number): void {
  const small = size.height < 200
  const top = size.height - (small ? 7 : 10) - height
  const barHeight = small ? 30 : 62
  z.box(x, top - 4, width, 1.2)
  z.text('SSCC', { x, y: top, width, height: 7 }, { size: 7 })
  // 156 modules for (00) + 18 digits; the widest whole-dot module that fits with the quiet zones.
  const moduleDots = Math.max(2, Math.min(z.d(1.4), Math.floor(z.d(width) / (156 + 2 * QUIET_MODULES))))
  const barsWidth = (156 * moduleDots * 72) / z.dpi
  z.sscc128(data.sscc, x + (width - barsWidth) / 2, top + 9, moduleDots, barHeight)
  z.text(formatSscc(data.sscc, data.gs1PrefixLength), { x, y: top + 11 + barHeight, width, height: small ? 10 : 12 }, { size: small ? 10 : 12, align: 'C' })
}
