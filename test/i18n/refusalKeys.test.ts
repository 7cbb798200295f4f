// Every refusal the core makes names its sentence in the catalogue (src/shared/words.ts): `refuse(code, { key:
// 'refusals:…', params })`, with the key written as a literal that exists in every shipped language. A static scan
// of src/main/core, like the renderer's t() keys (rendererStrings.test.ts).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/shared/i18n/languages'
import { bundledResources, type Messages } from '../../src/shared/i18n/resources'
import { flatKeys } from './catalogueFiles'

const root = fileURLToPath(new URL('../..', import.meta.url))
const core = join(root, 'src/main/core')
const resources = bundledResources()!

/** Folders whose refusals are converted by their own owners: still `refuse(code, 'English')`. */
const NOT_YET = ['src/main/core/labels/', 'src/main/core/evidence/', 'src/main/core/reports/']
/** Being converted, domain by domain (issue 16): this list only shrinks. */
const CONVERTING = [
  'src/main/core/dataLock.ts',
  'src/main/core/db/',
  'src/main/core/history/',
  'src/main/core/returns/',
  'src/main/core/scanning/',
  'src/main/core/settings/',
  'src/main/core/sync/'
]
/** Where refuse/refusal are defined. */
const DEFINITION = 'src/main/core/errors.ts'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.ts$/.test(e.name) ? [join(dir, e.name)] : []
  )
}

/** The text of each `refuse(…)`, `refusal(…)` and `new StationError(…)` call: up to its closing parenthesis. */
export function refusalCalls(source: string): string[] {
  const calls: string[] = []
  for (const m of source.matchAll(/\b(?:refuse|refusal|new StationError)\(/g)) {
    let depth = 0
    let end = m.index + m[0].length - 1
    for (; end < source.length; end++) {
      const c = source[end]
      if (c === '(') depth++
      else if (c === ')' && --depth === 0) break
    }
    calls.push(source.slice(m.index, end + 1))
  }
  return calls
}

/** The literal keys of a table of words in the file: `const NAME = { a: 'refusals:…', … }`. */
function tableKeys(source: string, name: string): string[] {
  const start = source.indexOf(`const ${name} = {`)
  if (start < 0) return []
  const table = source.slice(start, source.indexOf('}', start))
  return [...table.matchAll(/'(\w+:[\w.]+)'/g)].map((m) => m[1])
}

/**
 * What is wrong with one call: no key, a sentence written in, or a key the catalogue lacks. A key is a literal
 * (`key: 'refusals:…'`), or an entry of a table of literal keys in the same file (`key: CANNOT_BECOME[from]`).
 */
export function problemsOf(call: string, source = call): string[] {
  const keys = [...call.matchAll(/\bkey: '([^']+)'/g)].map((m) => m[1])
  for (const m of call.matchAll(/\bkey: ([A-Z_]+)\[/g)) keys.push(...tableKeys(source, m[1]))
  const problems: string[] = []
  if (!keys.length) problems.push('names no catalogue key')
  if (/^[\w ]+\(\s*(?:'[^']*'|\w+(?:\.\w+)?)\s*,\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)\s*[),+]/.test(call))
    problems.push('writes its sentence in')
  for (const key of keys) {
    const [namespace, path] = key.includes(':') ? key.split(':', 2) : ['', key]
    if (!namespace) problems.push(`${key}: the key names no namespace`)
    for (const language of LANGUAGES) {
      const known = flatKeys((resources[language]?.[namespace] ?? {}) as Messages).map((k) =>
        k.replace(/_(zero|one|two|few|many|other)$/, '')
      )
      if (!known.includes(path)) problems.push(`${key}: not in ${language}`)
    }
  }
  return problems
}

describe("the core's refusals and the catalogue", () => {
  it('finds the calls and what is wrong with them', () => {
    const source = `refuse('a', 'Sentence.'); x ?? refuse('b', { key: 'refusals:station.busy' }); refusal('c', { key: 'refusals:no.such' })
      refuse('d', 'badgeCode' in who ? { key: 'refusals:station.busy' } : { key: 'refusals:station.diskFull' }); refuse(code, \`Order \${n}.\`)`
    expect(refusalCalls(source).map((call) => problemsOf(call))).toEqual([
      ['names no catalogue key', 'writes its sentence in'],
      [],
      ['refusals:no.such: not in en', 'refusals:no.such: not in pl'],
      [],
      ['names no catalogue key', 'writes its sentence in']
    ])
    const table = "const WORDS = { a: 'refusals:station.busy', b: 'refusals:station.gone' }\nrefuse('x', { key: WORDS[k] })"
    expect(refusalCalls(table).map((call) => problemsOf(call, table))).toEqual([
      ['refusals:station.gone: not in en', 'refusals:station.gone: not in pl']
    ])
  })

  it('has a catalogue key for every refusal in src/main/core', () => {
    const wrong: string[] = []
    for (const file of sourceFiles(core)) {
      const name = relative(root, file)
      if (name === DEFINITION || [...NOT_YET, ...CONVERTING].some((folder) => name.startsWith(folder))) continue
      const source = readFileSync(file, 'utf8')
      for (const call of refusalCalls(source))
        for (const problem of problemsOf(call, source)) wrong.push(`${name}: ${call.slice(0, 80).replace(/\s+/g, ' ')} — ${problem}`)
    }
    expect(wrong).toEqual([])
  })
})
