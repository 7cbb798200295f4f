// A sentence for a person as a catalogue key and its values (a refusal, an answer's message), so each screen
// words it in its own language; the core words the same entry in English for `message` (logs, command line).
// Keys name their namespace (`refusals:operators.noBadge`). Values that are codes or times are worded here, the
// same way on both sides: an order status code (`status`, `…Status`) becomes `common:status.*`, a UTC time
// (`…At`, `…Until`, `…After`) the station's local date and time (`common:dateTime`), `…Time` its time of day (`common:time`).
import type { TFunction } from 'i18next'
import { z } from 'zod'

const Value = z.union([z.string().max(4000), z.number()])
const Key = z.string().min(1).max(200)

/** One whole sentence among several a sentence lists (the reasons an order cannot be confirmed): its values are plain. */
export const Sentence = z.object({ key: Key, params: z.record(z.string().max(64), Value).optional() })
export type Sentence = z.infer<typeof Sentence>

/** A sentence's values: text, numbers, or a list of whole sentences (worded each, then set one after the other). */
export const WordValues = z.record(z.string().max(64), z.union([Value, z.array(Sentence).max(50)]))
export type WordValues = z.infer<typeof WordValues>

/** A catalogue key (`namespace:key`) and its values. */
export const Words = z.object({ key: Key, params: WordValues.optional() })
export type Words = z.infer<typeof Words>

const STATUS = /^(status|\w+Status)$/
const TIME = /^\w+(At|Until|After)$/
const TIME_OF_DAY = /^\w+Time$/

/** The values as a sentence names them in `t`'s language: status codes and UTC times worded. */
export function wordValues(t: TFunction, params: WordValues = {}): Record<string, string | number> {
  const values = { ...params } as Record<string, string | number>
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) values[name] = value.map((sentence) => wordSentence(t, sentence)).join(' ')
    if (typeof value !== 'string') continue
    // Keys: common:status.on_hold, .ready, .in_progress, .packed, .shipped, .cancelled
    if (STATUS.test(name)) values[name] = t(`common:status.${value}`)
    else if (TIME.test(name)) values[name] = t('common:dateTime', { at: value })
    else if (TIME_OF_DAY.test(name)) values[name] = t('common:time', { at: value })
  }
  return values
}

/** The sentence of `words` in `t`'s language. */
export function wordSentence(t: TFunction, words: Words): string {
  return t(words.key, wordValues(t, words.params))
}
