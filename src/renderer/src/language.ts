// Which language the screens speak (SPEC §10): the signed-in operator's own, else the station's, else English.
// App.tsx tells it the station's language (app:info, before sign-in) and who is signed in; the Settings and
// Operators screens tell it what they saved. react-i18next draws every screen again when it changes.
import { resolveLanguage, type Language } from '../../shared/i18n/languages'
import { i18n } from './i18n'

let station: Language | null = null
let operator: Language | null = null

function apply(): void {
  const language = resolveLanguage(operator, station)
  document.documentElement.lang = language
  if (i18n.language !== language) void i18n.changeLanguage(language)
}

export function setStationLanguage(language: Language | null): void {
  station = language
  apply()
}

/** The signed-in operator's own language; null: the station's. */
export function setOperatorLanguage(language: Language | null | undefined): void {
  operator = language ?? null
  apply()
}
