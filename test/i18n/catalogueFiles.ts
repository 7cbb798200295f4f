// The catalogue's keys, flattened, per language and namespace, for the completeness tests.
import type { Resource } from 'i18next'
import type { Messages } from '../../src/shared/i18n/resources'

export function flatKeys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : flatKeys(value, `${prefix}${key}.`)
  )
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

/** Keys with plural forms folded into their base ("boxes_one", "boxes_few" → "boxes"), and the forms each has. */
export function pluralFamilies(keys: string[]): Map<string, Set<string>> {
  const families = new Map<string, Set<string>>()
  for (const key of keys) {
    const match = PLURAL_SUFFIX.exec(key)
    if (!match) continue
    const base = key.slice(0, -match[0].length)
    if (!families.has(base)) families.set(base, new Set())
    families.get(base)!.add(match[1])
  }
  return families
}

/** The keys of one language's namespace with plural forms folded: what every language must have alike. */
export function baseKeys(resources: Resource, language: string, namespace: string): string[] {
  const keys = flatKeys((resources[language]?.[namespace] ?? {}) as Messages)
  return [...new Set(keys.map((k) => k.replace(PLURAL_SUFFIX, '')))].sort()
}
