// The languages the station ships (SPEC §10) and which one a screen or a print uses.
import { z } from 'zod'

/** Every shipped language has every key of every namespace (test/i18n/catalogue.test.ts). */
export const LANGUAGES = ['en', 'pl'] as const
export const Language = z.enum(LANGUAGES)
export type Language = z.infer<typeof Language>

/** The catalogue's source language: the words of the SPEC, and the fallback for a missing key. */
export const DEFAULT_LANGUAGE: Language = 'en'

/** Each language in its own words, for the language pickers. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', pl: 'Polski' }

/** The signed-in operator's language wins, else the station's, else English. */
export function resolveLanguage(operatorLanguage?: Language | null, stationLanguage?: Language | null): Language {
  return operatorLanguage ?? stationLanguage ?? DEFAULT_LANGUAGE
}
