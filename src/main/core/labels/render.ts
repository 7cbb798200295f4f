// One entry point for every label: which label of which order/box, in which
// format, at which size. Reads the data, assigns the box's SSCC if it has
// none yet, and renders. Pure apart from that read and the SSCC write.
import { LABEL_KIND_NAMES, type LabelKind, type PrintSettings } from '../../../shared/labels'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { refuse } from '../errors'
import { boxLabelData, packingSlipData, requireConfirmedBox, shippingLabelData } from './labelData'
import { renderBoxLabelPdf } from './pdfBoxLabel'
import { renderPackingSlipPdf } from './pdfPackingSlip'
import { renderShippingLabelPdf } from './pdfShippingLabel'
import { LABEL_SIZES } from './sizes'
import { assignSscc } from './sscc'
import { renderBoxLabelZpl } from './zplBoxLabel'
import { renderShippingLabelZpl } from './zplShippingLabel'

export type LabelRequest = { kind: LabelKind; orderId: number; boxId?: string }
export type RenderedLabel =
  | { format: 'pdf'; pdf: Buffer; pages: number; title: string; sscc: string | null }
  | { format: 'zpl'; zpl: string; pages: number; title: string; sscc: string | null }

type Settings = Pick<PrintSettings, 'labelSize' | 'slipPaper' | 'gs1'>

function boxData(db: Db, request: LabelRequest, settings: Settings) {
  if (!request.boxId) return refuse('invalid_arguments', 'A box label needs the box.')
  requireConfirmedBox(db, request.orderId, request.boxId)
  assignSscc(db, request.boxId)
  return boxLabelData(db, request.orderId, request.boxId, settings.gs1?.companyPrefix.length ?? 7)
}

export async function renderLabelPdf(
  db: Db,
  clock: Clock,
  request: LabelRequest,
  settings: Settings
): Promise<RenderedLabel & { format: 'pdf' }> {
  const size = LABEL_SIZES[settings.labelSize]
  if (request.kind === 'box_label') {
    const data = boxData(db, request, settings)
    const { pdf, pages } = await renderBoxLabelPdf(data, size)
    return {
      format: 'pdf',
      pdf,
      pages,
      title: `${LABEL_KIND_NAMES.box_label} · ${data.orderNumber} · box ${data.boxNumber} of ${data.boxCount}`,
      sscc: data.sscc
    }
  }
  if (request.kind === 'shipping_label') {
    const data = shippingLabelData(db, request.orderId)
    const { pdf, pages } = await renderShippingLabelPdf(data, size)
    return { format: 'pdf', pdf, pages, title: `${LABEL_KIND_NAMES.shipping_label} · ${data.orderNumber}`, sscc: null }
  }
  const data = packingSlipData(db, request.orderId, isoNow(clock))
  const { pdf, pages } = await renderPackingSlipPdf(data, settings.slipPaper)
  return { format: 'pdf', pdf, pages, title: `${LABEL_KIND_NAMES.packing_slip} · ${data.orderNumber}`, sscc: null }
}

export function renderLabelZpl(db: Db, request: LabelRequest, settings: Settings, dpi: 203 | 300): RenderedLabel & { format: 'zpl' } {
  const size = LABEL_SIZES[settings.labelSize]
  if (request.kind === 'box_label') {
    const data = boxData(db, request, settings)
    const { zpl, pages } = renderBoxLabelZpl(data, size, dpi)
    return {
      format: 'zpl',
      zpl,
      pages,
      title: `${LABEL_KIND_NAMES.box_label} · ${data.orderNumber} · box ${data.boxNumber} of ${data.boxCount}`,
      sscc: data.sscc
    }
  }
  if (request.kind === 'shipping_label') {
    const data = shippingLabelData(db, request.orderId)
    const { zpl, pages } = renderShippingLabelZpl(data, size, dpi)
    return { format: 'zpl', zpl, pages, title: `${LABEL_KIND_NAMES.shipping_label} · ${data.orderNumber}`, sscc: null }
  }
  return refuse(
    'zpl_packing_slip',
    'A packing slip is printed on A4/Letter paper: choose a PDF printer for packing slips in Print settings.'
  )
}
