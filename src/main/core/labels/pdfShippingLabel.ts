// The shipping label (SPEC §6) as PDF, drawn from shippingLabelLayout: the
// carrier band, the ship-to address (wrapped, then shrunk, never overflowing;
// CJK names in the CJK font), the tracking number as Code 128 with its text,
// and the order number.
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/i18n/languages'
import { drawLinear, linearCode, QUIET_MODULES } from './barcodes'
import type { ShippingLabelData } from './labelData'
import { PDF_MEDIUM, type PageSize } from './labelLayout'
import { drawRule, drawText } from './pdfDraw'
import { finish, LABEL_FINISH, newDocument, type Doc } from './pdfText'
import { shippingLabelLayout, type ShippingLabelLayout } from './shippingLabelLayout'
import { labelWords } from './words'

/** `language`: the station's (a label is read by the carrier and the customer, not the operator). */
export async function renderShippingLabelPdf(
  data: ShippingLabelData,
  size: PageSize,
  language: Language = DEFAULT_LANGUAGE
): Promise<{ pdf: Buffer; pages: number }> {
  const doc = newDocument({ size: [size.width, size.height], info: { Title: labelWords(language).title.shippingLabel(data.orderNumber) } })
  doc.addPage({ size: [size.width, size.height], margin: 0 })
  const layout = shippingLabelLayout(data, size, PDF_MEDIUM, language)
  // Carrier band, white on black, as carriers print it.
  const { x, y, width, height } = layout.band
  doc.rect(x, y, width, height).fill('black')
  drawText(doc, layout.carrier)
  drawText(doc, layout.parcels)
  drawAddress(doc, layout.address)
  drawTracking(doc, layout.tracking)
  if (layout.order) drawOrder(doc, data, layout.order)
  return { pdf: await finish(doc, LABEL_FINISH), pages: 1 }
}

function drawAddress(doc: Doc, address: ShippingLabelLayout['address']): void {
  drawText(doc, address.caption)
  const used = drawText(doc, address.name)
  // A short name leaves its box partly empty: the rest of the address moves up under it.
  drawText(doc, { ...address.rest, box: address.restBelow(used) })
  drawRule(doc, address.rule)
}

function drawTracking(doc: Doc, tracking: ShippingLabelLayout['tracking']): void {
  drawText(doc, tracking.caption)
  const { bars, number, missing } = tracking
  if (number) {
    const code = linearCode('code128', number.text)
    const moduleWidth = Math.min(1.6, bars.width / (code.modules + 2 * QUIET_MODULES))
    drawLinear(doc, code, bars.x + (bars.width - code.modules * moduleWidth) / 2, bars.y, moduleWidth, bars.height)
    drawText(doc, number)
  } else {
    // A dashed frame where the bars will go: the label is not ready to ship yet.
    doc.rect(bars.x, bars.y, bars.width, bars.height).lineWidth(1).dash(4, { space: 3 }).stroke().undash()
    if (missing) drawText(doc, missing)
  }
  drawRule(doc, tracking.rule)
}

function drawOrder(doc: Doc, data: ShippingLabelData, order: NonNullable<ShippingLabelLayout['order']>): void {
  drawText(doc, order.caption)
  const code = linearCode('code128', data.orderNumber)
  const moduleWidth = Math.min(1, order.bars.width / (code.modules + 2 * QUIET_MODULES))
  drawLinear(doc, code, order.bars.x + QUIET_MODULES * moduleWidth, order.bars.y, moduleWidth, order.bars.height)
  drawText(doc, order.number)
  drawText(doc, order.channel)
}
