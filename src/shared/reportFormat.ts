// How a shift's figures are worded, the same on the shift board (renderer) and on the saved report (main
// process): refusal classes and label kinds from the catalogue, figures in the language's number format,
// the hour or day a bar stands for in the language's date format. Only the translate function differs
// (the renderer's follows the signed-in operator, the report's is fixed to the station's language), so it
// is passed in. No Node or DOM here: Intl and the catalogue's keys only.
import { formatNumber } from './numberFormat'
import { formatLocalTime, stationTimeZone } from './localTime'
import type { RefusalClass } from './reports'
import type { LabelKind } from './labels'
import { DEFAULT_LANGUAGE } from './i18n/languages'

/** A translate function that knows the namespace holding `refusalClass.*` (`reports`, `shiftBoard`) and can reach `printing:`. */
export type ReportTranslate = (key: string) => string

/** Each refusal class in words: the keys are literals, so the catalogue test sees them. */
export function refusalClassNames(t: ReportTranslate): Record<RefusalClass, string> {
  return {
    invalid_serial: t('refusalClass.invalid_serial'),
    duplicate: t('refusalClass.duplicate'),
    wrong_item: t('refusalClass.wrong_item'),
    over_scan: t('refusalClass.over_scan'),
    order_not_open: t('refusalClass.order_not_open'),
    hand_entry: t('refusalClass.hand_entry')
  }
}

/** A print job's label kind in words ("Box label" / "Etykieta kartonu"); a kind the station does not know stays as stored. */
export function labelKindName(t: ReportTranslate, kind: string): string {
  const names: Record<LabelKind, string> = {
    box_label: t('printing:kind.box_label'),
    shipping_label: t('printing:kind.shipping_label'),
    packing_slip: t('printing:kind.packing_slip')
  }
  return names[kind as LabelKind] ?? kind
}

/** A figure ("2,000", "12.5" / "2000", "12,5"; one decimal at most, as the core rounds paces); `none` for a missing one. */
export function figureText(value: number | null, language: string, none: string): string {
  return value === null ? none : formatNumber(value, language, 1)
}

const dayFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * What a bar of units per hour or per day is labelled with, in the station's zone: the hour ("14") or the
 * day. English keeps the station's sortable "2026-11-30" ("11-30" without the year); another language its
 * own ("30.11.2026", "30.11").
 */
export function bucketLabel(iso: string, bucket: 'hour' | 'day', language: string, { withYear = true } = {}): string {
  if (bucket === 'hour') return formatLocalTime(iso, { timeOnly: true }).slice(0, 2)
  if (language === DEFAULT_LANGUAGE) return formatLocalTime(iso).slice(withYear ? 0 : 5, 10)
  const timeZone = stationTimeZone()
  const key = `${language}|${timeZone}|${withYear}`
  let format = dayFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(language, { timeZone, day: '2-digit', month: '2-digit', ...(withYear ? { year: 'numeric' } : {}) })
    dayFormats.set(key, format)
  }
  return format.format(new Date(iso))
}
