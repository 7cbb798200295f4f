// The shipping label (SPEC §6) as PDF: carrier and service, the ship-to
// address (wrapped, then shrunk, never overflowing; CJK names in the CJK
// font), the tracking number as Code 128 with its text, and the order number.
import { drawLinear, linearCode, QUIET_MODULES } from './barcodes'
import { addressLines, formatWeight } from './format'
import type { ShippingLabelData } from './labelData'
import type { PageSize } from './pdfBoxLabel'
import { finish, fitLine, fitText, newDocument, type Doc } from './pdfText'

const CAPTION = 6.5

export async function renderShippingLabelPdf(data: ShippingLabelData, size: PageSize): Promise<{ pdf: Buffer; pages: number }> {
  const doc = newDocument({ size: [size.width, size.height], info: { Title: `Shipping label · ${data.orderNumber}` } })
  doc.addPage({ size: [size.width, size.height], margin: 0 })
  const small = size.height < 200
  const m = small ? 7 : 10
  const width = size.width - 2 * m
  const usable = size.height - 2 * m
  const band = small ? 16 : 30
  const tracking = usable * (small ? 0.36 : 0.3)
  const order = small ? 0 : usable * 0.13
  const address = usable - band - tracking - order - (small ? 6 : 12)

  let y = m
  // Carrier band, white on black, as carriers print it.
  doc.rect(m, y, width, band).fill('black')
  // The 4×2 label has no room for the order block: its number goes into the band.
  const parcels = [small ? data.orderNumber : null, `${data.boxCount} box${data.boxCount === 1 ? '' : 'es'}`, formatWeight(data.weightG)].filter(Boolean).join(' · ')
  fitLine(doc, `${data.carrier} · ${data.service}`.toUpperCase(), { x: m + 5, y: y + band * 0.18, width: width * 0.6 - 5, height: band * 0.64 }, { size: band * 0.64, minSize: 6, bold: true, color: 'white' })
  fitLine(doc, parcels, { x: m + width * 0.62, y: y + band * 0.3, width: width * 0.38 - 5, height: band * 0.4 }, { size: band * 0.4, minSize: 5, color: 'white', align: 'right' })
  y += band + (small ? 3 : 6)

  y = drawAddress(doc, data, m, y, width, address, small)
  y = drawTracking(doc, data, m, y, width, tracking, small)
  if (!small) drawOrder(doc, data, m, y + 4, width, order - 4)
  return { pdf: await finish(doc), pages: 1 }
}

function drawAddress(doc: Doc, data: ShippingLabelData, x: number, y: number, width: number, height: number, small: boolean): number {
  fitLine(doc, 'SHIP TO', { x, y, width, height: CAPTION }, { size: CAPTION, bold: true })
  const top = y + CAPTION + 2
  const room = height - CAPTION - 2
  const nameHeight = room * 0.28
  const used = fitText(doc, data.shipTo.name, { x, y: top, width, height: nameHeight }, { size: small ? 12 : 20, minSize: 6, bold: true })
  const rest = addressLines(data.shipTo)
  fitText(doc, rest.join('\n'), { x, y: top + used + 2, width, height: room - used - 2 }, { size: small ? 10 : 16, minSize: 5 })
  const bottom = y + height
  doc.moveTo(x, bottom).lineTo(x + width, bottom).lineWidth(1).strokeColor('black').stroke()
  return bottom + 4
}

function drawTracking(doc: Doc, data: ShippingLabelData, x: number, y: number, width: number, height: number, small: boolean): number {
  fitLine(doc, 'TRACKING NUMBER', { x, y, width, height: CAPTION }, { size: CAPTION, bold: true })
  const text = small ? 9 : 13
  const barHeight = height - CAPTION - 4 - text - 4
  if (!data.trackingNumber) {
    doc.rect(x, y + CAPTION + 3, width, barHeight).lineWidth(1).dash(4, { space: 3 }).stroke().undash()
    fitText(doc, 'No tracking number yet: record it in the shipping step, then print this label.', { x: x + 8, y: y + CAPTION + 3 + barHeight / 2 - 10, width: width - 16, height: 22 }, { size: 9, minSize: 5, align: 'center' })
  } else {
    const code = linearCode('code128', data.trackingNumber)
    const moduleWidth = Math.min(1.6, width / (code.modules + 2 * QUIET_MODULES))
    drawLinear(doc, code, x + (width - code.modules * moduleWidth) / 2, y + CAPTION + 3, moduleWidth, barHeight)
    fitLine(doc, data.trackingNumber, { x, y: y + CAPTION + 4 + barHeight, width, height: text }, { size: text, minSize: 6, bold: true, align: 'center' })
  }
  const bottom = y + height
  doc.moveTo(x, bottom).lineTo(x + width, bottom).lineWidth(1).strokeColor('black').stroke()
  return bottom
}

function drawOrder(doc: Doc, data: ShippingLabelData, x: number, y: number, width: number, height: number): void {
  fitLine(doc, 'ORDER', { x, y, width, height: CAPTION }, { size: CAPTION, bold: true })
  const code = linearCode('code128', data.orderNumber)
  const moduleWidth = Math.min(1, (width * 0.5) / (code.modules + 2 * QUIET_MODULES))
  drawLinear(doc, code, x + QUIET_MODULES * moduleWidth, y + CAPTION + 2, moduleWidth, height - CAPTION - 2)
  const textX = x + width * 0.52
  fitLine(doc, data.orderNumber, { x: textX, y: y + CAPTION + 2, width: width * 0.48, height: 14 }, { size: 14, minSize: 7, bold: true, align: 'right' })
  fitLine(doc, [data.channel, data.channelOrderId].filter(Boolean).join(' · '), { x: textX, y: y + CAPTION + 19, width: width * 0.48, height: 8 }, { size: 8, minSize: 5, align: 'right' })
}
