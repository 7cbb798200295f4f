// One way to make an i18next instance for the catalogue, the same in the renderer and the main process.
import { createInstance, type i18n, type Resource } from 'i18next'
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages'
import { namespacesOf } from './resources'
import { formatLocalTime, stationTimeZone } from '../localTime'

export const DEFAULT_NAMESPACE = 'common'

/** An initialised instance (synchronous: the resources are in memory). Plurals and formats come from Intl. */
export function createI18n(resources: Resource, language: Language = DEFAULT_LANGUAGE, configure?: (i: i18n) => void): i18n {
  const instance = createInstance()
  configure?.(instance)
  void instance.init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: namespacesOf(resources, DEFAULT_LANGUAGE),
    defaultNS: DEFAULT_NAMESPACE,
    // React escapes what it renders; PDFs and CSV are not HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false
  })
  instance.services.formatter?.add('stamp', (value, lng) => stamp(value, lng, {}))
  instance.services.formatter?.add('stampSeconds', (value, lng) => stamp(value, lng, { seconds: true }))
  instance.services.formatter?.add('stampTime', (value, lng) => stamp(value, lng, { timeOnly: true }))
  return instance
}

/**
 * `{{at, stamp}}` / `{{at, stampSeconds}}` / `{{at, stampTime}}`: a stored UTC time in the station's zone. English keeps the station's
 * sortable "2026-11-21 22:00" (src/shared/localTime.ts); another language gets its own short date and time
 * from Intl ("21.11.2026, 22:00").
 */
function stamp(value: unknown, language: string | undefined, { timeOnly = false, seconds = false }): string {
  if (value === null || value === undefined || value === '') return ''
  const date = value instanceof Date ? value : new Date(String(value))
  if (Number.isNaN(date.getTime())) return ''
  if (!language || language === DEFAULT_LANGUAGE) return formatLocalTime(date, { timeOnly, seconds })
  const time = seconds ? 'medium' : 'short'
  const options: Intl.DateTimeFormatOptions = timeOnly ? { timeStyle: time } : { dateStyle: 'short', timeStyle: time }
  return new Intl.DateTimeFormat(language, { ...options, timeZone: stationTimeZone() }).format(date)
}
