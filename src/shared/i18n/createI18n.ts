// One way to make an i18next instance for the catalogue, the same in the renderer and the main process.
import { createInstance, type i18n, type Resource } from 'i18next'
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages'
import { namespacesOf } from './resources'

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
  return instance
}
