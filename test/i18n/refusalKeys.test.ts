// Every refusal the main process makes names its sentence in the catalogue (src/shared/words.ts): `refuse(code, { key:
// 'refusals:…', params })`, with the key written as a literal that exists in every shipped language. A static scan
// of src/main (the core, and the glue around it: printing, devices, the recovery station), like the renderer's t()
// keys (rendererStrings.test.ts).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/shared/i18n/languages'
import { bundledResources, type Messages } from '../../src/shared/i18n/resources'
import { flatKeys } from './catalogueFiles'

const root = fileURLToPath(new URL('../..', import.meta.url))
const main = join(root, 'src/main')
const resources = bundledResources()!

/** Where refuse/refusal are defined. */
const DEFINITION = 'src/main/core/errors.ts'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.ts$/.test(e.name) ? [join(dir, e.name)] : []
  )
}

/**
 * The text of each `refuse(…)`, `refusal(…)` and `new StationError(…)` call: up to its closing parenthesis. A file
 * with a `refusal` of its own (an HTTP answer in appProtocol.ts, a printer's status in rawTcp.ts) is not asked
 * about that one.
 */
export function refusalCalls(source: string): string[] {
  const calls: string[] = []
  const ownRefusal = /\b(?:function refusal\(|const refusal = )/.test(source)
  const call = ownRefusal ? /\b(?:refuse|new StationError)\(/g : /\b(?:refuse|refusal|new StationError)\(/g
  for (const m of source.matchAll(call)) {
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

/**
 * What is wrong with one call: no key, a sentence written in, or a key the catalogue lacks. A key written as a literal
 * is checked here; one taken from a table or a helper is checked where it is written (`keyLiterals`).
 */
export function problemsOf(call: string): string[] {
  const keys = [...call.matchAll(/\bkey: '([^']+)'/g)].map((m) => m[1])
  const problems: string[] = []
  if (!/\bkey: /.test(call)) problems.push('names no catalogue key')
  if (/^[\w ]+\(\s*(?:'[^']*'|\w+(?:\.\w+)?)\s*,\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)\s*[),+]/.test(call))
    problems.push('writes its sentence in')
  for (const key of keys) problems.push(...missing(key))
  return problems
}

/** Every literal key of the core's refusal and answer namespaces in a file: `'refusals:…'`, `'answers:…'`. */
export const keyLiterals = (source: string): string[] => [...source.matchAll(/'((?:refusals|answers):[\w.]+)'/g)].map((m) => m[1])

/** Where a key is missing from the catalogue. */
function missing(key: string): string[] {
  const [namespace, path] = key.includes(':') ? key.split(':', 2) : ['', key]
  if (!namespace) return [`${key}: the key names no namespace`]
  return LANGUAGES.flatMap((language) => {
    const known = flatKeys((resources[language]?.[namespace] ?? {}) as Messages).map((k) =>
      k.replace(/_(zero|one|two|few|many|other)$/, '')
    )
    return known.includes(path) ? [] : [`${key}: not in ${language}`]
  })
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
    expect(refusalCalls(table).map((call) => problemsOf(call))).toEqual([[]])
    expect(keyLiterals(table).flatMap(missing)).toEqual(['refusals:station.gone: not in en', 'refusals:station.gone: not in pl'])
  })

  it('does not take a function of its own named refusal for the refusal', () => {
    const own = "function refusal(status: number, text: string) { return new Response(text, { status }) }\nrefusal(404, 'Not found')"
    expect(refusalCalls(own)).toEqual([])
    expect(refusalCalls("const refusal = (status: number) => new Response('', { status })\nrefusal(403)")).toEqual([])
    expect(refusalCalls(`${own}\nrefuse('x', 'Sentence.')`).map((c) => problemsOf(c))).toEqual([
      ['names no catalogue key', 'writes its sentence in']
    ])
  })

  it('has a catalogue key for every refusal in src/main', () => {
    const wrong: string[] = []
    const files = sourceFiles(main)
    // The glue is scanned too, not only the core: printing, the recovery station.
    for (const glue of ['src/main/printing/printLabel.ts', 'src/main/recoveryStation.ts', 'src/main/core/dispatch.ts'])
      expect(files.map((f) => relative(root, f))).toContain(glue)
    for (const file of files) {
      const name = relative(root, file)
      if (name === DEFINITION) continue
      const source = readFileSync(file, 'utf8')
      for (const key of keyLiterals(source)) for (const problem of missing(key)) wrong.push(`${name}: ${problem}`)
      for (const call of refusalCalls(source))
        for (const problem of problemsOf(call)) wrong.push(`${name}: ${call.slice(0, 80).replace(/\s+/g, ' ')} — ${problem}`)
    }
    expect(wrong).toEqual([])
  })
})
