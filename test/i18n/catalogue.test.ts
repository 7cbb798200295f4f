// SPEC §10: every shipped language is complete. Each key of each namespace is in every language, and a
// plural has every form its language's plural rules need (Polish: one, few, many, other).
import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { readLocalesFolder } from '../../src/main/core/i18n/catalogue'
import { LANGUAGES } from '../../src/shared/i18n/languages'
import { bundledResources, namespacesOf } from '../../src/shared/i18n/resources'
import { baseKeys, flatKeys, pluralFamilies } from './catalogueFiles'
import type { Messages } from '../../src/shared/i18n/resources'

const resources = bundledResources()!
const namespaces = [...new Set(LANGUAGES.flatMap((language) => namespacesOf(resources, language)))]

describe('the message catalogue', () => {
  it('is what the tsx hosts read from the folder too', () => {
    const folder = fileURLToPath(new URL('../../src/shared/i18n/locales', import.meta.url))
    expect(readLocalesFolder(folder)).toEqual(resources)
    expect(namespaces).toContain('common')
  })

  for (const namespace of namespaces)
    describe(namespace, () => {
      for (const language of LANGUAGES) {
        it(`has every key in ${language}`, () => {
          expect(resources[language]?.[namespace], `${language}/${namespace}.json is missing`).toBeDefined()
          const others = LANGUAGES.filter((l) => l !== language).flatMap((l) => baseKeys(resources, l, namespace))
          const missing = [...new Set(others)].filter((key) => !baseKeys(resources, language, namespace).includes(key))
          expect(missing, `keys missing in ${language}/${namespace}.json`).toEqual([])
        })

        it(`has every plural form ${language} needs`, () => {
          const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories
          const keys = flatKeys((resources[language]?.[namespace] ?? {}) as Messages)
          const short = [...pluralFamilies(keys)]
            .map(([base, forms]) => [base, needed.filter((form) => !forms.has(form))] as const)
            .filter(([, missing]) => missing.length > 0)
            .map(([base, missing]) => `${base}: ${missing.join(', ')}`)
          expect(short, `plural forms missing in ${language}/${namespace}.json`).toEqual([])
        })

        it(`has no empty message in ${language}`, () => {
          const messages = (resources[language]?.[namespace] ?? {}) as Messages
          const empty = flatKeys(messages).filter((key) => lookup(messages, key).trim() === '')
          expect(empty).toEqual([])
        })
      }
    })
})

function lookup(messages: Messages, key: string): string {
  let node: string | Messages = messages
  for (const part of key.split('.')) node = (node as Messages)[part]
  return node as string
}
