// A scan answer's code and values, and its English sentence from the same catalogue entry the screens word
// in the operator's language (src/shared/scanWords.ts). `english` overrides values only for the English
// sentence: an order status code is worded, a UTC time shown in local time.
import type { ScanCode, ScanParams } from '../../../shared/scanWords'
import { translator } from '../i18n/catalogue'

export type ScanWords = { code: ScanCode; params: ScanParams; message: string }

export function said(code: ScanCode, params: ScanParams = {}, english: ScanParams = {}): ScanWords {
  return { code, params, message: englishSentence(code, { ...params, ...english }) }
}

/** The English sentence of a code (the catalogue's `scan:answer.<code>`). */
export function englishSentence(code: ScanCode, params: ScanParams): string {
  return translator('en', 'scan')(`answer.${code}`, params)
}

/** The same answer about one part of a multi-serial code: its name ("IMEI 2", with the value where the sentence lacks it) or its place. */
export function atPart(words: ScanWords, part: { name?: string; value?: string; index: number; count: number }): ScanWords {
  const t = translator('en', 'scan')
  if (part.name) {
    const params: ScanParams = part.value === undefined ? { partName: part.name } : { partName: part.name, partValue: part.value }
    const message =
      part.value === undefined
        ? t('part.named', { name: part.name, sentence: words.message })
        : t('part.namedValue', { name: part.name, value: part.value, sentence: words.message })
    return { ...words, params: { ...words.params, ...params }, message }
  }
  if (part.count < 2) return words
  return {
    ...words,
    params: { ...words.params, partIndex: part.index, partCount: part.count },
    message: t('part.numbered', { index: part.index, count: part.count, sentence: words.message })
  }
}
