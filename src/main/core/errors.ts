import { StationError } from '../../shared/contract'
import { wordSentence, type WordValues, type Words } from '../../shared/words'
import { mainCatalogue } from './i18n/catalogue'

export { StationError }
export type { Words, WordValues }

/** The English sentence of catalogue words: a refusal's `message`, an answer's message for the logs and the command line. */
export function english(words: Words): string {
  return wordSentence(mainCatalogue().getFixedT('en'), words)
}

/**
 * A refusal, not thrown: a stable code for programs and the sentence for the person at the station as catalogue
 * words (`{ key: 'refusals:…', params }`), each screen wording it in its language; `message` is its English.
 * A plain string is for text no person reads as a sentence of the station's (kept for callers not converted yet).
 */
export function refusal(code: string, words: Words | string): StationError {
  return typeof words === 'string' ? new StationError(code, words) : new StationError(code, english(words), words)
}

/** Throws a refusal (see `refusal`). */
export const refuse = (code: string, words: Words | string): never => {
  throw refusal(code, words)
}

/** A refusal made on another thread (the reports' worker), passed on with the words it was made with. */
export const passedOn = (code: string, message: string, words?: Words): StationError => new StationError(code, message, words)
