// The Polish evidence words use one term each: "nagrania z pakowania" for the recordings, "reklamacja" for a
// marketplace dispute (what a Polish warehouse calls a buyer's claim on Allegro, Amazon or Back Market).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Messages } from '../../src/shared/i18n/resources'

const locales = join(__dirname, '../../src/shared/i18n/locales')
const read = (language: string, namespace: string): Messages =>
  JSON.parse(readFileSync(join(locales, language, `${namespace}.json`), 'utf8')) as Messages

/** Every string under `messages`, by its flattened key. */
function strings(messages: Messages, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[prefix + key, value]] : strings(value, `${prefix}${key}.`)
  )
}

/** The evidence words of a language: the evidence namespace, its approvals, and its refusals elsewhere. */
function evidenceWords(language: string): Map<string, string> {
  const approvals = read(language, 'approvals') as { action: { evidence: Messages } }
  const refusals = read(language, 'refusals') as { folders: { nothingSaved: { disputePack: string } } }
  return new Map([
    ...strings(read(language, 'evidence'), 'evidence:'),
    ...strings(approvals.action.evidence, 'approvals:action.evidence.'),
    ['refusals:folders.nothingSaved.disputePack', refusals.folders.nothingSaved.disputePack]
  ])
}

describe('the Polish evidence words', () => {
  const english = evidenceWords('en')
  const polish = evidenceWords('pl')

  it('finds every word it checks in both languages', () => {
    expect([...english.keys()].filter((key) => !polish.has(key))).toEqual([])
    expect(polish.size).toBeGreaterThan(50)
  })

  it('call the recordings "nagrania z pakowania", never "nagrania pakowania"', () => {
    const loose = [...polish].filter(([, text]) => /(^|[^\p{L}])nagra\p{L}*\s+pakowania/iu.test(text))
    expect(loose).toEqual([])
    expect(polish.get('evidence:settings.title')).toBe('Nagrania z pakowania')
    expect(polish.get('evidence:panel.title')).toBe('Nagrania z pakowania')
  })

  it('call a marketplace dispute "reklamacja" wherever the English says dispute, never "spór"', () => {
    const disputes = [...english].filter(([, text]) => /dispute/i.test(text)).map(([key]) => key)
    expect(disputes.length).toBeGreaterThan(8)
    expect(disputes.filter((key) => !/reklamacj/i.test(polish.get(key)!))).toEqual([])
    expect([...polish].filter(([, text]) => /(^|[^\p{L}])sp(ór|oru|orem|orze|ory|orów)(?!\p{L})/iu.test(text))).toEqual([])
    expect([...polish].filter(([, text]) => /reklamacyjn/i.test(text))).toEqual([])
  })
})
