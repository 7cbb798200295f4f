// Every word the box label, the shipping label and the packing slip print (PDF and ZPL), from the
// catalogue's `labels` namespace (src/shared/i18n/locales/<language>/labels.json), in the STATION's
// language (SPEC §10), never the signed-in operator's: a label is read by the carrier, the warehouse
// that receives the box and the customer, not by the operator who packed it, so every label and slip
// from one station reads alike whoever is signed in. Barcode contents (SSCC, serials, tracking and order
// numbers) are data and never translated.
//
// Labels are on the packing path (a box label in under 10 ms): the words are made once per language per
// process, the fixed ones translated up front; only the messages that interpolate call the catalogue.
import type { TFunction } from 'i18next'
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/i18n/languages'
import { formatLocalTime, stationTimeZone } from '../../../shared/localTime'
import { translator } from '../i18n/catalogue'

export type Dimensions = { length: number; width: number; height: number }

function makeWords(language: Language) {
  const t: TFunction = translator(language, 'labels')
  return {
    language,
    title: {
      boxLabel: (order: string, n: number, total: number) => t('title.boxLabel', { order, n, total }),
      shippingLabel: (order: string) => t('title.shippingLabel', { order }),
      packingSlip: (order: string) => t('title.packingSlip', { order }),
      boxDocument: (order: string, n: number, total: number) => t('title.boxDocument', { order, n, total })
    },
    /** "2.35 kg" / "2,35 kg": rounded to 10 g as always, written the language's way. */
    weight: (grams: number | null): string | null =>
      grams === null ? null : t('measures.weight', { kg: Number((grams / 1000).toFixed(2)) }),
    dimensions: (d: Dimensions | null): string | null =>
      d ? t('measures.dimensions', { length: d.length, width: d.width, height: d.height }) : null,
    /** When, in the station's zone with the zone's name (a label travels). */
    date: (iso: string): string => formatLabelDate(iso, language),
    box: {
      order: t('box.order'),
      box: t('box.box'),
      boxOf: (n: number, total: number) => t('box.boxOf', { n, total }),
      noDimensions: t('box.noDimensions'),
      noWeight: t('box.noWeight'),
      packedBy: (operator: string) => t('box.packedBy', { operator }),
      continuedOrder: (order: string) => t('box.continuedOrder', { order }),
      continuedBox: (n: number, total: number) => t('box.continuedBox', { n, total }),
      serialsContinued: t('box.serialsContinued'),
      labelOf: (n: number, total: number) => t('box.labelOf', { n, total }),
      labelOfCaption: (n: number, total: number) => t('box.labelOfCaption', { n, total }),
      sscc: t('box.sscc'),
      ssccNumber: (sscc: string) => t('box.ssccNumber', { sscc }),
      noSerials: t('box.noSerials'),
      withoutSerial: (count: number) => t('box.withoutSerial', { count }),
      serials: t('box.serials'),
      serialsRange: (from: number, to: number, total: number, dash: string) => t('box.serialsRange', { from, to, total, dash }),
      /** `count`: how many labels follow. */
      onNextLabel: (count: number) => t('box.onNextLabel', { count })
    },
    shipping: {
      boxes: (count: number) => t('shipping.boxes', { count }),
      shipTo: t('shipping.shipTo'),
      tracking: t('shipping.tracking'),
      noTracking: t('shipping.noTracking'),
      order: t('shipping.order')
    },
    slip: {
      title: t('slip.title'),
      order: (order: string) => t('slip.order', { order }),
      channel: t('slip.channel'),
      omsOrderId: t('slip.omsOrderId'),
      carrier: t('slip.carrier'),
      date: t('slip.date'),
      shipTo: t('slip.shipTo'),
      line: t('slip.line'),
      sku: t('slip.sku'),
      product: t('slip.product'),
      ordered: t('slip.ordered'),
      packed: t('slip.packed'),
      total: (packed: number, ordered: number) => t('slip.total', { packed, ordered }),
      boxes: (n: number) => t('slip.boxes', { n }),
      noBoxes: t('slip.noBoxes'),
      boxOf: (n: number, total: number) => t('slip.boxOf', { n, total }),
      units: (count: number) => t('slip.units', { count }),
      ssccNumber: (sscc: string) => t('slip.ssccNumber', { sscc }),
      productLine: (n: number, name: string, sku: string) => t('slip.productLine', { n, name, sku }),
      page: (n: number, total: number) => t('slip.page', { n, total })
    }
  }
}

export type LabelWords = ReturnType<typeof makeWords>

const made = new Map<Language, LabelWords>()

/** The labels' words in `language` (the station's), made on first use and kept for the process. */
export function labelWords(language: Language = DEFAULT_LANGUAGE): LabelWords {
  let words = made.get(language)
  if (!words) {
    words = makeWords(language)
    made.set(language, words)
  }
  return words
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * A label's date in the station's zone, with the zone's short name. English keeps the station's sortable
 * "2026-11-21 22:00 NZDT" (src/shared/localTime.ts); another language its own numeric date and 24-hour
 * time from Intl ("21.11.2026, 22:00 GMT+13").
 */
export function formatLabelDate(iso: string, language: Language): string {
  if (language === DEFAULT_LANGUAGE) return formatLocalTime(iso, { zone: true })
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const timeZone = stationTimeZone()
  const key = `${language}|${timeZone}`
  let format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short'
    })
    dateFormats.set(key, format)
  }
  return format.format(date)
}
