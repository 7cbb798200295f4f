import { useCallback, useState } from 'react'
import { StationError } from '../../shared/contract'
import { wordSentence, type Sentence, type Words } from '../../shared/words'
import { i18n } from './i18n'

/**
 * What a failed call says to the operator: a refusal's catalogue words in the screen's language (the key and
 * values come back from main with the code), else the English message it came with.
 */
export const errorMessage = (e: unknown): string => {
  // With the values: a plural key exists only as its forms (`_one`, `_few`…), found through `count`.
  if (e instanceof StationError && e.key && i18n.exists(e.key, e.params)) return wordSentence(i18n.t, { key: e.key, params: e.params })
  return e instanceof Error ? e.message : String(e)
}

/**
 * An answer's message in the screen's language: its catalogue words (`words`, next to `message` in Save, ship,
 * return-check… answers), else the English message it came with.
 */
export const answerText = (answer: { message: string; words?: Words }): string =>
  answer.words && i18n.exists(answer.words.key, answer.words.params) ? wordSentence(i18n.t, answer.words) : answer.message

/** Sentences given as words (Packing Confirmation's blockerWords, whyWords) in the screen's language, else the English ones. */
export const sentencesText = (words: Sentence[] | undefined, english: string[]): string[] =>
  words && words.every((w) => i18n.exists(w.key, w.params)) ? words.map((w) => wordSentence(i18n.t, w)) : english

type Outcome = { ok: boolean; text: string; title?: string }

export type RunOptions<T> = {
  /** The notice to show when the call succeeds (from its answer, or a fixed text). */
  done?: string | ((result: T) => string)
  /** What the outcome is about ("Sync finished", "Retry"): kept with the notice or the error. */
  title?: string
}

export type Action = {
  /** True while a call of `run` is under way. */
  busy: boolean
  /** The last call's refusal, as the station worded it. */
  error: string | null
  /** The last call's `done` text. */
  notice: string | null
  /** The title the last outcome came with. */
  title: string | undefined
  /** Calls the station; a refusal becomes `error` (and the answer `undefined`), success the `done` notice. */
  run: <T>(call: () => Promise<T>, options?: RunOptions<T>) => Promise<T | undefined>
  /** A notice for a change made elsewhere (e.g. approved in the shift lead's dialog). */
  succeed: (text: string, title?: string) => void
  /** An error the screen found itself (nothing was sent), or from a call made outside `run`. */
  fail: (text: string, title?: string) => void
  clear: () => void
}

/**
 * A screen's busy / error / notice state around its calls to the station:
 * `action.run(() => station.scanners.save(...), { done: 'Saved.' })`. Each run
 * replaces the last outcome: one notice or one error at a time.
 */
export function useAction(): Action {
  const [running, setRunning] = useState(0)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const succeed = useCallback((text: string, title?: string) => setOutcome({ ok: true, text, title }), [])
  const fail = useCallback((text: string, title?: string) => setOutcome({ ok: false, text, title }), [])
  const clear = useCallback(() => setOutcome(null), [])

  const run = useCallback(async <T>(call: () => Promise<T>, options: RunOptions<T> = {}): Promise<T | undefined> => {
    const { done, title } = options
    setOutcome(null)
    setRunning((n) => n + 1)
    try {
      const result = await call()
      setOutcome(done === undefined ? null : { ok: true, text: typeof done === 'string' ? done : done(result), title })
      return result
    } catch (e) {
      setOutcome({ ok: false, text: errorMessage(e), title })
      return undefined
    } finally {
      setRunning((n) => n - 1)
    }
  }, [])

  return {
    busy: running > 0,
    error: outcome && !outcome.ok ? outcome.text : null,
    notice: outcome?.ok ? outcome.text : null,
    title: outcome?.title,
    run,
    succeed,
    fail,
    clear
  }
}
