// The packing slip (SPEC §6) on A4 or Letter: the order, the ship-to
// address, every line with ordered and packed quantities, and each box with
// its SSCC and serials. Long lists flow onto further pages; each page is
// numbered and carries the order number as a barcode. Every word is in the
// station's language (words.ts): the slip goes in the box, to the customer.
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/i18n/languages'
import { drawLinear, linearCode, QUIET_MODULES } from './barcodes'
import { addressLines } from './format'
import type { PackingSlipData } from './labelData'
import { finish, fitLine, fitText, newDocument, textWidth, wrap } from './pdfText'
import { SLIP_PAPER } from './sizes'
import type { SlipPaper } from '../../../shared/labels'
import { labelWords } from './words'

const M = 42
const BODY = 9.5
const ROW = BODY * 1.45

export async function renderPackingSlipPdf(
  data: PackingSlipData,
  paper: SlipPaper,
  language: Language = DEFAULT_LANGUAGE
): Promise<{ pdf: Buffer; pages: number }> {
  const w = labelWords(language)
  const W = w.slip
  const doc = newDocument({ size: SLIP_PAPER[paper], bufferPages: true, info: { Title: w.title.packingSlip(data.orderNumber) } })
  const page = () => doc.addPage({ size: SLIP_PAPER[paper], margin: 0 })
  page()
  const width = doc.page.width - 2 * M
  const bottom = doc.page.height - M - 20
  let y = M

  const ensure = (height: number) => {
    if (y + height <= bottom) return
    page()
    y = M + 46
  }

  // Heading: title and order, the order number barcode at the right.
  fitLine(doc, W.title, { x: M, y, width: width * 0.55, height: 22 }, { size: 22, minSize: 14, bold: true })
  fitLine(doc, W.order(data.orderNumber), { x: M, y: y + 28, width: width * 0.55, height: 14 }, { size: 14, minSize: 8, bold: true })
  y += 56
  const facts: [string, string][] = [
    [W.channel, [data.channel, data.channelOrderId].filter(Boolean).join(' · ')],
    [W.omsOrderId, data.omsOrderId],
    [W.carrier, `${data.carrier} · ${data.service}`],
    [W.date, w.date(data.date)]
  ]
  // The names' column: 80 pt, or as wide as the longest name needs (longer words in some languages).
  const factWidth = Math.max(80, ...facts.map(([label]) => Math.ceil(textWidth(doc, label, BODY, true))))
  facts.forEach(([label, value], i) => {
    fitLine(doc, label, { x: M, y: y + i * ROW, width: factWidth, height: BODY }, { size: BODY, bold: true })
    fitLine(
      doc,
      value,
      { x: M + factWidth + 4, y: y + i * ROW, width: width * 0.55 - factWidth - 4, height: BODY },
      { size: BODY, minSize: 6 }
    )
  })
  const shipX = M + width * 0.58
  fitLine(doc, W.shipTo, { x: shipX, y: y - 4, width: width * 0.42, height: 7 }, { size: 7, bold: true })
  const nameHeight = fitText(
    doc,
    data.shipTo.name,
    { x: shipX, y: y + 6, width: width * 0.42, height: 26 },
    { size: 11, minSize: 7, bold: true }
  )
  fitText(
    doc,
    addressLines(data.shipTo).join('\n'),
    { x: shipX, y: y + 8 + nameHeight, width: width * 0.42, height: 80 - nameHeight },
    { size: BODY, minSize: 6 }
  )
  y += Math.max(facts.length * ROW, 90) + 14

  // Lines. The narrow columns are as wide as their titles need, at least as wide as in English.
  const fit = (title: string, least: number) => Math.max(least, Math.ceil(textWidth(doc, title, BODY, true)) + 6)
  const lineWidth = fit(W.line, 40)
  const countWidth = Math.max(fit(W.ordered, 60), fit(W.packed, 60))
  const cols = [
    { title: W.line, width: lineWidth },
    { title: W.sku, width: 120 },
    { title: W.product, width: width - lineWidth - 120 - 2 * countWidth },
    { title: W.ordered, width: countWidth, right: true },
    { title: W.packed, width: countWidth, right: true }
  ]
  const header = () => {
    doc.rect(M, y, width, ROW + 2).fill('#e6e6e6')
    let x = M
    for (const c of cols) {
      fitLine(
        doc,
        c.title,
        { x: x + 3, y: y + 3, width: c.width - 6, height: BODY },
        { size: BODY, bold: true, align: c.right ? 'right' : 'left' }
      )
      x += c.width
    }
    y += ROW + 4
  }
  header()
  for (const line of data.lines) {
    const product = wrap(doc, line.productName, cols[2].width - 6, BODY)
    const height = product.length * BODY * 1.17 + 5
    if (y + height > bottom) {
      ensure(height + ROW + 4)
      header()
    }
    const values = [line.lineId, line.sku, line.productName, String(line.ordered), String(line.packed)]
    let x = M
    cols.forEach((c, i) => {
      if (i === 2) fitText(doc, values[i], { x: x + 3, y, width: c.width - 6, height: height - 4 }, { size: BODY })
      else
        fitLine(
          doc,
          values[i],
          { x: x + 3, y, width: c.width - 6, height: BODY },
          { size: BODY, minSize: 6, align: c.right ? 'right' : 'left', bold: i === 4 && line.packed < line.ordered }
        )
      x += c.width
    })
    y += height
    doc
      .moveTo(M, y - 2)
      .lineTo(M + width, y - 2)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke()
  }
  const ordered = data.lines.reduce((n, l) => n + l.ordered, 0)
  const packed = data.lines.reduce((n, l) => n + l.packed, 0)
  fitLine(doc, W.total(packed, ordered), { x: M, y: y + 2, width, height: BODY }, { size: BODY, bold: true, align: 'right' })
  y += ROW + 12

  // Boxes and their serials.
  ensure(40)
  fitLine(doc, data.boxes.length ? W.boxes(data.boxes.length) : W.noBoxes, { x: M, y, width, height: 13 }, { size: 13, bold: true })
  y += 20
  for (const box of data.boxes) {
    ensure(ROW * 3)
    const title = [W.boxOf(box.number, data.boxes.length), W.units(box.units.length), box.sscc && W.ssccNumber(box.sscc)]
      .filter(Boolean)
      .join(' · ')
    doc.rect(M, y, width, ROW + 2).fill('#e6e6e6')
    fitLine(doc, title, { x: M + 3, y: y + 3, width: width - 6, height: BODY }, { size: BODY, bold: true })
    y += ROW + 6
    const bySku = new Map<string, { name: string; serials: string[]; count: number }>()
    for (const u of box.units) {
      const entry = bySku.get(u.sku) ?? { name: u.productName, serials: [], count: 0 }
      entry.count++
      if (u.serial) entry.serials.push(u.serial2 ? `${u.serial} / ${u.serial2}` : u.serial)
      bySku.set(u.sku, entry)
    }
    for (const [sku, entry] of bySku) {
      ensure(ROW * 2)
      fitLine(doc, W.productLine(entry.count, entry.name, sku), { x: M + 6, y, width: width - 6, height: BODY }, { size: BODY, minSize: 6 })
      y += ROW
      if (entry.serials.length === 0) continue
      const columnWidth = Math.max(...entry.serials.map((s) => textWidth(doc, s, 8.5))) + 14
      const columns = Math.max(1, Math.floor((width - 12) / columnWidth))
      for (let i = 0; i < entry.serials.length; i += columns) {
        ensure(12)
        entry.serials.slice(i, i + columns).forEach((serial, c) => {
          fitLine(doc, serial, { x: M + 12 + c * columnWidth, y, width: columnWidth - 6, height: 8.5 }, { size: 8.5, minSize: 5 })
        })
        y += 11.5
      }
    }
    y += 8
  }

  // Every page: the order number barcode at the top right, and the page number.
  const range = doc.bufferedPageRange()
  const code = linearCode('code128', data.orderNumber)
  const moduleWidth = Math.min(1.2, 180 / (code.modules + 2 * QUIET_MODULES))
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const codeWidth = code.modules * moduleWidth
    drawLinear(doc, code, M + width - codeWidth, M, moduleWidth, 34)
    fitLine(doc, data.orderNumber, { x: M + width - codeWidth, y: M + 37, width: codeWidth, height: 8 }, { size: 8, align: 'center' })
    fitLine(
      doc,
      `${data.orderNumber} · ${W.page(i - range.start + 1, range.count)}`,
      { x: M, y: doc.page.height - M, width, height: 8 },
      { size: 8, align: 'right', color: '#444444' }
    )
  }
  return { pdf: await finish(doc), pages: range.count }
}
