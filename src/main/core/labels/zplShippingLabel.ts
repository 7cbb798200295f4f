// The shipping label in ZPL: carrier band, ship-to address (wrapped and
// shrunk by the printer's ^FB within the box we give it), the tracking number
// as Code 128 with its text, and the order number.
import { addressLines, formatWeight } from './format'
import type { ShippingLabelData } from './labelData'
import type { PageSize } from './pdfBoxLabel'
import { ZplLabel } from './zpl'

export function renderShippingLabelZpl(data: ShippingLabelData, size: PageSize, dpi: 203 | 300): { zpl: string; pages: number } {
  const z = new ZplLabel(size.width, size.height, dpi)
  const small = size.height < 200
  const m = small ? 7 : 10
  const width = size.width - 2 * m
  const usable = size.height - 2 * m
  const band = small ? 16 : 30
  const tracking = usable * (small ? 0.36 : 0.3)
  const order = small ? 0 : usable * 0.13
  const address = usable - band - tracking - order - (small ? 6 : 12)

  let y = m
  z.box(m, y, width, band)
  const parcels = [small ? data.orderNumber : null, `${data.boxCount} box${data.boxCount === 1 ? '' : 'es'}`, formatWeight(data.weightG)].filter(Boolean).join(' / ')
  z.text(`${data.carrier} / ${data.service}`.toUpperCase(), { x: m + 5, y: y + band * 0.18, width: width * 0.6, height: band * 0.64 }, { size: band * 0.64, minSize: 6, reverse: true })
  z.text(parcels, { x: m + width * 0.62, y: y + band * 0.3, width: width * 0.38 - 5, height: band * 0.4 }, { size: band * 0.4, minSize: 5, align: 'R', reverse: true })
  y += band + (small ? 3 : 6)

  z.text('SHIP TO', { x: m, y, width, height: 7 }, { size: 7 })
  const room = address - 9
  z.text(data.shipTo.name, { x: m, y: y + 9, width, height: room * 0.28 }, { size: small ? 12 : 20, minSize: 6 })
  z.text(addressLines(data.shipTo).join('\n'), { x: m, y: y + 11 + room * 0.28, width, height: room * 0.72 - 2 }, { size: small ? 10 : 16, minSize: 5 })
  y += address
  z.box(m, y, width, 1.2)
  y += 4

  z.text('TRACKING NUMBER', { x: m, y, width, height: 7 }, { size: 7 })
  const text = small ? 9 : 13
  const barHeight = tracking - 7 - 4 - text - 4
  if (data.trackingNumber) {
    z.code128(data.trackingNumber, m + 20, y + 10, small ? 2 : 3, barHeight)
    z.text(data.trackingNumber, { x: m, y: y + 11 + barHeight, width, height: text }, { size: text, minSize: 6, align: 'C' })
  } else {
    z.text('No tracking number yet: record it in the shipping step, then print this label.', { x: m + 8, y: y + 10 + barHeight / 2 - 10, width: width - 16, height: 22 }, { size: 9, minSize: 5, align: 'C' })
  }
  y += tracking
  z.box(m, y, width, 1.2)

  if (!small) {
    y += 4
    z.text('ORDER', { x: m, y, width, height: 7 }, { size: 7 })
    z.code128(data.orderNumber, m + 10, y + 9, 2, order - 13)
    z.text(data.orderNumber, { x: m + width * 0.52, y: y + 9, width: width * 0.48, height: 14 }, { size: 14, minSize: 7, align: 'R' })
    z.text([data.channel, data.channelOrderId].filter(Boolean).join(' / '), { x: m + width * 0.52, y: y + 26, width: width * 0.48, height: 8 }, { size: 8, minSize: 5, align: 'R' })
  }
  return { zpl: z.toString(), pages: 1 }
}
