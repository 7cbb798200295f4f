// The shipping label's layout (SPEC §6), one for the PDF and the ZPL form:
// the carrier band (white on black), the ship-to address, the tracking number
// as Code 128 with its text, and the order number. On the 4×2 label there is
// no room for the order block: the order number goes into the band.
// Every word comes from the catalogue in the station's language (words.ts).
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/i18n/languages'
import { addressLines } from './format'
import type { ShippingLabelData } from './labelData'
import { caption, channelLine, type Box, type Medium, type PageSize, type Rule, type Text } from './labelLayout'
import { labelWords, type LabelWords } from './words'

export type ShippingLabelLayout = {
  /** The 4×2 label. */
  small: boolean
  band: Box
  carrier: Text
  parcels: Text
  address: {
    caption: Text
    name: Text
    /** The rest of the address, under a name that filled its box. */
    rest: Text
    /** Where the rest goes under a name that took `nameHeight` (a renderer that measures moves it up). */
    restBelow(nameHeight: number): Box
    rule: Rule
  }
  tracking: {
    caption: Text
    /** The bars' box; they are centred in it or start near its left edge. */
    bars: Box
    /** The tracking number under the bars; null when there is none yet… */
    number: Text | null
    /** …and this message in the bars' place instead. */
    missing: Text | null
    rule: Rule
  }
  order: { caption: Text; bars: Box; number: Text; channel: Text } | null
}

/** The label's bands top to bottom: the heights that share what the margins leave. */
function bands(size: PageSize) {
  const small = size.height < 200
  const m = small ? 7 : 10
  const usable = size.height - 2 * m
  const band = small ? 16 : 30
  const tracking = usable * (small ? 0.36 : 0.3)
  const order = small ? 0 : usable * 0.13
  const address = usable - band - tracking - order - (small ? 6 : 12)
  return { small, m, width: size.width - 2 * m, band, address, tracking, order }
}

export function shippingLabelLayout(
  data: ShippingLabelData,
  size: PageSize,
  medium: Medium,
  language: Language = DEFAULT_LANGUAGE
): ShippingLabelLayout {
  const { small, m, width, band, address, tracking, order } = bands(size)
  const w = labelWords(language)
  const parcels = [small ? data.orderNumber : null, w.shipping.boxes(data.boxCount), w.weight(data.weightG)]
  const addressTop = m + (band + (small ? 3 : 6))
  const trackingTop = addressTop + address + 4
  return {
    small,
    band: { x: m, y: m, width, height: band },
    carrier: {
      text: `${data.carrier}${medium.separator}${data.service}`.toUpperCase(),
      box: { x: m + 5, y: m + band * 0.18, width: width * 0.6 - 5, height: band * 0.64 },
      style: { size: band * 0.64, minSize: 6, bold: true, inverse: true }
    },
    parcels: {
      text: parcels.filter(Boolean).join(medium.separator),
      box: { x: m + width * 0.62, y: m + band * 0.3, width: width * 0.38 - 5, height: band * 0.4 },
      style: { size: band * 0.4, minSize: 5, inverse: true, align: 'right' }
    },
    address: addressBlock(data, medium, { x: m, y: addressTop, width, height: address }, small, w),
    tracking: trackingBlock(data, medium, { x: m, y: trackingTop, width, height: tracking }, small, w),
    order: small ? null : orderBlock(data, medium, { x: m, y: trackingTop + tracking + 4, width, height: order - 4 }, w)
  }
}

function addressBlock(
  data: ShippingLabelData,
  medium: Medium,
  { x, y, width, height }: Box,
  small: boolean,
  w: LabelWords
): ShippingLabelLayout['address'] {
  const top = y + medium.caption + 2
  const room = height - medium.caption - 2
  const nameHeight = room * 0.28
  const restBelow = (used: number): Box => ({ x, y: top + used + 2, width, height: room - used - 2 })
  return {
    caption: caption(medium, w.shipping.shipTo, x, y, width),
    name: {
      text: data.shipTo.name,
      box: { x, y: top, width, height: nameHeight },
      style: { size: small ? 12 : 20, minSize: 6, bold: true },
      wrap: true
    },
    rest: {
      text: addressLines(data.shipTo).join('\n'),
      box: restBelow(nameHeight),
      style: { size: small ? 10 : 16, minSize: 5 },
      wrap: true
    },
    restBelow,
    rule: { x, y: y + height, width }
  }
}

function trackingBlock(
  data: ShippingLabelData,
  medium: Medium,
  { x, y, width, height }: Box,
  small: boolean,
  w: LabelWords
): ShippingLabelLayout['tracking'] {
  const textSize = small ? 9 : 13
  const barHeight = height - medium.caption - 4 - textSize - 4
  const number = data.trackingNumber
  const missing = w.shipping.noTracking
  return {
    caption: caption(medium, w.shipping.tracking, x, y, width),
    bars: { x, y: y + medium.caption + 3, width, height: barHeight },
    number: number
      ? {
          text: number,
          box: { x, y: y + medium.caption + 4 + barHeight, width, height: textSize },
          style: { size: textSize, minSize: 6, bold: true, align: 'center' }
        }
      : null,
    missing: number
      ? null
      : {
          text: missing,
          box: { x: x + 8, y: y + medium.caption + 3 + barHeight / 2 - 10, width: width - 16, height: 22 },
          style: { size: 9, minSize: 5, align: 'center' },
          wrap: true
        },
    rule: { x, y: y + height, width }
  }
}

/** The order number as Code 128 on the left, as text (with the channel's order id) on the right. */
function orderBlock(
  data: ShippingLabelData,
  medium: Medium,
  { x, y, width, height }: Box,
  w: LabelWords
): NonNullable<ShippingLabelLayout['order']> {
  const textX = x + width * 0.52
  return {
    caption: caption(medium, w.shipping.order, x, y, width),
    bars: { x, y: y + medium.caption + 2, width: width * 0.5, height: height - medium.caption - 2 },
    number: {
      text: data.orderNumber,
      box: { x: textX, y: y + medium.caption + 2, width: width * 0.48, height: 14 },
      style: { size: 14, minSize: 7, bold: true, align: 'right' }
    },
    channel: {
      text: channelLine(medium, data),
      box: { x: textX, y: y + medium.caption + 19, width: width * 0.48, height: 8 },
      style: { size: 8, minSize: 5, align: 'right' }
    }
  }
}
