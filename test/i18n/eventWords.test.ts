// The order screen's history words every event type the core logs (src/renderer/src/screens/eventKeys.ts), in every
// shipped language, and a reason that holds a time comes with that time as a value, shown in the station's format.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { dispatchAfterReason, dispatchPassedReason, reasonWords } from '../../src/main/core/orders/holdReasons'
import { translator } from '../../src/main/core/i18n/catalogue'
import { LANGUAGES } from '../../src/shared/i18n/languages'
import { wordSentence } from '../../src/shared/words'
import { EVENT_KEYS } from '../../src/renderer/src/screens/eventKeys'

const core = fileURLToPath(new URL('../../src/main/core', import.meta.url))
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
  )

/** Every order-related event type written as a literal in the core, and the order status moves (`order.${to}`). */
function loggedTypes(): string[] {
  const types = new Set(['order.on_hold', 'order.ready', 'order.in_progress', 'order.packed', 'order.shipped', 'order.cancelled'])
  for (const file of files(core)) {
    // `type: 'box.saved'`, `type: locked ? 'a.b' : 'a.c'`, and the named types (`export const RESENT = 'sync.…'`).
    for (const line of readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => /\btype: |export const [A-Z_]+ = '\w+\.\w+'$/.test(l))) {
      for (const m of line.matchAll(/'((?:order|box|unit|return|sync)\.[a-z_]+)'/g)) types.add(m[1])
    }
  }
  return [...types].sort()
}

describe('order history event types', () => {
  it('has words for every type an order event is logged with', () => {
    expect(loggedTypes().filter((type) => !(type in EVENT_KEYS))).toEqual([])
  })

  it.each(LANGUAGES)('words each of them in %s', (language) => {
    const t = translator(language, 'orders')
    for (const key of Object.values(EVENT_KEYS)) expect(t(key), key).not.toBe(key)
  })

  it('reads "Order imported", not the code, in English', () => {
    expect(translator('en', 'orders')(EVENT_KEYS['order.imported'])).toBe('Order imported')
  })
})

describe('a hold reason with a time', () => {
  const at = '2030-01-01T06:00:00.000Z'

  it('is stored as before, and sent with the time as a value', () => {
    expect(dispatchAfterReason(at)).toBe('dispatch after 2030-01-01T06:00:00.000Z')
    expect(reasonWords(dispatchAfterReason(at))).toEqual({ key: 'orders:event.reason.dispatchAfter', params: { dispatchAfter: at } })
    expect(reasonWords(dispatchPassedReason(at))).toEqual({ key: 'orders:event.reason.dispatchPassed', params: { dispatchAfter: at } })
    expect(reasonWords('Customer asked for early dispatch')).toBeUndefined()
    expect(reasonWords('dispatch after tomorrow')).toBeUndefined()
  })

  it('shows the time in the station format, not UTC', () => {
    for (const language of LANGUAGES) {
      const t = translator(language, 'orders')
      const worded = wordSentence(t, reasonWords(dispatchAfterReason(at))!)
      expect(worded).not.toContain('2030-01-01T')
      expect(worded).toContain(t('common:dateTime', { at }))
    }
    expect(wordSentence(translator('pl', 'orders'), reasonWords(dispatchPassedReason(at))!)).toMatch(/^nadszedł termin wysyłki \(/)
  })
})
