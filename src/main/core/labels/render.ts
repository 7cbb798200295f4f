// One entry point for every label: which label of which order/box, in which
// format, at which size. Reads the data, assigns the box's SSCC if it has
// none yet, and renders. Pure apart from that read and the SSCC write.
// Every label and slip is printed in the STATION's language (the `language`
// setting), not the signed-in operator's: it is read by the carrier and the
// customer, and reads the same whoever packed the box (words.ts).
import type { LabelKind, PrintSettings } from '../../../shared/labels'
import type { Language } from '../../../shared/i18n/languages'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { refuse } from '../errors'
import { getSetting } from '../settings/settings'
import { boxLabelData, packingSlipData, requireConfirmedBox, shippingLabelData } from './labelData'
import { renderBoxLabelPdf } from './pdfBoxLabel'
import { renderPackingSlipPdf } from './pdfPackingSlip'
import { renderShippingLabelPdf } from './pdfShippingLabel'
import { LABEL_SIZES } from './sizes'
import { assignSscc } from './sscc'
import { renderBoxLabelZpl } from './zplBoxLabel'
import { labelWords } from './words'
import { renderShippingLabelZpl } from './zplShippingLabel'

export type LabelRequest = { kind: LabelKind; orderId: number; boxId?: string }
export type RenderedLabel =
  | { format: 'pdf'; pdf: Buffer; pages: number; title: string; sscc: string | null }
  | { format: 'zpl'; zpl: string; pages: number; title: string; sscc: string | null }

type Settings = Pick<PrintSettings, 'labelSize' | 'slipPaper' | 'gs1'>

/** The station's language: what every label and slip is printed in. */
const stationLanguage = (db: Db): Language => getSetting(db, 'language')

function boxData(db: Db, request: LabelRequest, settings: Settings) {
  if (!request.boxId) return refuse('invalid_arguments', { key: 'refusals:labels.boxNeeded' })
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
  const language = stationLanguage(db)
  const { title } = labelWords(language)
  if (request.kind === 'box_label') {
    const data = boxData(db, request, settings)
    const { pdf, pages } = await renderBoxLabelPdf(data, size, language)
    return { format: 'pdf', pdf, pages, title: title.boxLabel(data.orderNumber, data.boxNumber, data.boxCount), sscc: data.sscc }
  }
  if (request.kind === 'shipping_label') {
    const data = shippingLabelData(db, request.orderId)
    const { pdf, pages } = await renderShippingLabelPdf(data, size, language)
    return { format: 'pdf', pdf, pages, title: title.shippingLabel(data.orderNumber), sscc: null }
  }
  const data = packingSlipData(db, request.orderId, isoNow(clock))
  const { pdf, pages } = await renderPackingSlipPdf(data, settings.slipPaper, language)
  return { format: 'pdf', pdf, pages, title: title.packingSlip(data.orderNumber), sscc: null }
}

export function renderLabelZpl(db: Db, request: LabelRequest, settings: Settings, dpi: 203 | 300): RenderedLabel & { format: 'zpl' } {
  const size = LABEL_SIZES[settings.labelSize]
  const language = stationLanguage(db)
  const { title } = labelWords(language)
  if (request.kind === 'box_label') {
    const data = boxData(db, request, settings)
    const { zpl, pages } = renderBoxLabelZpl(data, size, dpi, language)
    return { format: 'zpl', zpl, pages, title: title.boxLabel(data.orderNumber, data.boxNumber, data.boxCount), sscc: data.sscc }
  }
  if (request.kind === 'shipping_label') {
    const data = shippingLabelData(db, request.orderId)
    const { zpl, pages } = renderShippingLabelZpl(data, size, dpi, language)
    return { format: 'zpl', zpl, pages, title: title.shippingLabel(data.orderNumber), sscc: null }
  }
  return refuse('zpl_packing_slip', { key: 'refusals:labels.slipOnPaper' })
}
