// The message catalogue as i18next resources: { [language]: { [namespace]: messages } }, one JSON file
// per namespace per language in ./locales/<language>/<namespace>.json. A new file is picked up as it is:
// Vite bundles the folder (renderer, main build, vitest) and the tsx hosts read it (src/main/core/i18n).
import type { Resource, ResourceLanguage } from 'i18next'

/** A catalogue file's JSON: nested objects of strings. */
export type Messages = { [key: string]: string | Messages }

/** `{ './locales/pl/scan.json': {...} }` (any prefix) → `{ pl: { scan: {...} } }`. */
export function toResources(files: Record<string, Messages>): Resource {
  const resources: Resource = {}
  for (const [path, messages] of Object.entries(files)) {
    const match = /([^/\\]+)[/\\]([^/\\]+)\.json$/.exec(path)
    if (!match) continue
    const [, language, namespace] = match
    const forLanguage: ResourceLanguage = (resources[language] ??= {})
    forLanguage[namespace] = messages
  }
  return resources
}

/**
 * The catalogue as Vite bundled it, or undefined where the code runs unbundled (tsx), which has no
 * `import.meta.glob`: the caller then reads the folder (src/main/core/i18n/catalogue.ts).
 */
export function bundledResources(): Resource | undefined {
  try {
    return toResources(import.meta.glob<Messages>('./locales/*/*.json', { eager: true, import: 'default' }))
  } catch {
    return undefined
  }
}

/** The namespaces of a language (the source language's list is the list: every language has them all). */
export function namespacesOf(resources: Resource, language: string): string[] {
  return Object.keys(resources[language] ?? {}).sort()
}
