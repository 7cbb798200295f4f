// The catalogue for the main process: what Vite bundled (Electron's main build, vitest), or the folder
// itself when the core runs from source under tsx (the browser host, the command line).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { i18n, Resource, TFunction } from 'i18next'
import { createI18n } from '../../../shared/i18n/createI18n'
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/i18n/languages'
import { bundledResources, toResources, type Messages } from '../../../shared/i18n/resources'
import { findAppFolder } from '../paths'

/** Every `<language>/<namespace>.json` under a locales folder. */
export function readLocalesFolder(folder: string): Resource {
  const files: Record<string, Messages> = {}
  for (const language of readdirSync(folder, { withFileTypes: true })) {
    if (!language.isDirectory()) continue
    for (const file of readdirSync(join(folder, language.name))) {
      if (!file.endsWith('.json')) continue
      const path = join(folder, language.name, file)
      files[path] = JSON.parse(readFileSync(path, 'utf8')) as Messages
    }
  }
  return toResources(files)
}

let catalogue: i18n | undefined

/** The process's one instance, made on first use. */
export function mainCatalogue(): i18n {
  catalogue ??= createI18n(bundledResources() ?? readLocalesFolder(findAppFolder('src/shared/i18n/locales', DEFAULT_LANGUAGE)))
  return catalogue
}

/** A translate function fixed to a language and namespace, e.g. for a label or a report in the station's language. */
export function translator(language: Language, namespace: string): TFunction {
  return mainCatalogue().getFixedT(language, namespace)
}
