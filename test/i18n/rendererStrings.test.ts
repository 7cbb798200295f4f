// SPEC §10: a word on screen that is not in the catalogue fails. Every key a renderer file asks for with t('…')
// exists in English and Polish, and the lint rule (eslint.config.js, i18next/no-literal-string) refuses
// words written into a converted file's JSX.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/shared/i18n/languages'
import { bundledResources } from '../../src/shared/i18n/resources'
import { flatKeys } from './catalogueFiles'
import type { Messages } from '../../src/shared/i18n/resources'

const root = fileURLToPath(new URL('../..', import.meta.url))
const renderer = join(root, 'src/renderer/src')
const resources = bundledResources()!

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []
  )
}

/** Every literal key a file translates: `t('key')`, `t('ns:key')`, `i18n.t('ns:key')`, `i18nKey="key"`, in the namespace of the `useTranslation` above it
 * (or the file's first one). */
export function keysUsed(source: string): { namespace: string; key: string; prefix: boolean }[] {
  const found: { namespace: string; key: string; prefix: boolean }[] = []
  const namespaces = [...source.matchAll(/useTranslation\('([\w-]+)'\)/g)].map((m) => ({ at: m.index, ns: m[1] }))
  const calls = /\b(?:t|i18n\.t)\(\s*(?:'([^']+)'|`([^`$]+)\$\{)|i18nKey="([^"]+)"/g
  for (const m of source.matchAll(calls)) {
    const literal = m[1] ?? m[3]
    const text = literal ?? m[2]
    // A helper above the component is handed the component's t: the file's first namespace.
    const around = namespaces.filter((n) => n.at < m.index).pop()?.ns ?? namespaces[0]?.ns ?? 'common'
    const [namespace, key] = text.includes(':') ? text.split(':', 2) : [around, text]
    found.push({ namespace, key, prefix: literal === undefined })
  }
  return found
}

function exists(language: string, namespace: string, key: string, prefix: boolean): boolean {
  const keys = flatKeys((resources[language]?.[namespace] ?? {}) as Messages)
  if (prefix) return keys.some((k) => k.startsWith(key))
  return keys.some((k) => k === key || k.replace(/_(zero|one|two|few|many|other)$/, '') === key)
}

describe('the renderer and the catalogue', () => {
  it('finds the keys of t() calls, with their namespace', () => {
    const source = "const { t } = useTranslation('scan')\nt('panel.save'); t('common:actions.back'); t(`headline.${x}`)"
    expect(keysUsed(source)).toEqual([
      { namespace: 'scan', key: 'panel.save', prefix: false },
      { namespace: 'common', key: 'actions.back', prefix: false },
      { namespace: 'scan', key: 'headline.', prefix: true }
    ])
  })

  it('has every key a screen asks for, in every shipped language', () => {
    const missing: string[] = []
    for (const file of sourceFiles(renderer)) {
      for (const { namespace, key, prefix } of keysUsed(readFileSync(file, 'utf8')))
        for (const language of LANGUAGES)
          if (!exists(language, namespace, key, prefix))
            missing.push(`${file.slice(root.length)}: ${language}/${namespace}.json has no ${key}`)
    }
    expect(missing).toEqual([])
  })

  it('knows a missing key when it sees one', () => {
    expect(exists('pl', 'scan', 'panel.save', false)).toBe(true)
    expect(exists('pl', 'scan', 'panel.noSuchKey', false)).toBe(false)
    expect(exists('pl', 'scan', 'answer.acceptedSeveral', false)).toBe(true)
  })

  it('lint refuses words written into a converted screen', async () => {
    const eslint = new ESLint({ cwd: root })
    const source = 'export function X() {\n  return <p title="Box label">Scan the next box</p>\n}\n'
    const [result] = await eslint.lintText(source, { filePath: join(renderer, 'screens/UsedScan.tsx') })
    const refused = result.messages.filter((m) => m.ruleId === 'i18next/no-literal-string').map((m) => m.line)
    expect(refused).toEqual([2, 2])
  })
})
