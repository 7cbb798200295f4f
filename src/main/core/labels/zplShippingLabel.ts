// The shipping label in ZPL, drawn from shippingLabelLayout (the same layout
// as the PDF): carrier band, ship-to address (wrapped and shrunk by the
// printer's ^FB within the box we give it), the tracking number as Code 128
// with its text, and the order number.
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/i18n/languages'
import type { ShippingLabelData } from './labelData'
import { ZPL_MEDIUM, type PageSize } from './labelLayout'
import { shippingLabelLayout } from './shippingLabelLayout'
import { ZplLabel } from './zpl'
import { zplRule, zplText } from './zplDraw'

/** `language`: the station's; its letters (ą, ł, ż…) go as UTF-8 (^CI28) in ^FH escapes (zpl.ts). */
export function renderShippingLabelZpl(
  data: ShippingLabelData,
  size: PageSize,
  dpi: 203 | 300,
  language: Language = DEFAULT_LANGUAGE
): { zpl: string; pages: number } {
  const z = new ZplLabel(size.width, size.height, dpi)
  const { small, band, carrier, parcels, address, tracking, order } = shippingLabelLayout(data, size, ZPL_MEDIUM, language)
  z.box(band.x, band.y, band.width, band.height)
  zplText(z, carrier)
  zplText(z, parcels)

  zplText(z, address.caption)
  zplText(z, address.name)
  zplText(z, address.rest)
  zplRule(z, address.rule)

  // The printer encodes the bars, so their width is not known here: they start a little in from the
  // left, at a whole number of dots per module.
  zplText(z, tracking.caption)
  if (tracking.number) {
    z.code128(tracking.number.text, tracking.bars.x + 20, tracking.bars.y, small ? 2 : 3, tracking.bars.height)
    zplText(z, tracking.number)
  }
  if (tracking.missing) zplText(z, tracking.missing)
  zplRule(z, tracking.rule)

  if (order) {
    zplText(z, order.caption)
    z.code128(data.orderNumber, order.bars.x + 10, order.bars.y, 2, order.bars.height)
    zplText(z, order.number)
    zplText(z, order.channel)
  }
  return { zpl: z.toString(), pages: 1 }
}
