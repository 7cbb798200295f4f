// The JSON order file's record finder (src/main/core/orders/import/jsonElements.ts)
// against JSON.parse: the same records, whatever the chunk boundaries, and a
// refusal exactly where JSON.parse refuses.
import { describe, expect, it } from 'vitest'
import { jsonElements, NotAList, NotJson } from '../../src/main/core/orders/import/jsonElements'

type Outcome = { elements: [string | null, unknown][] } | { refused: 'NotJson' | 'NotAList'; message: string }
const READ = new Set(['orders', 'products'])

function read(text: string | Uint8Array, cuts: number[] = []): Outcome {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text
  const elements: [string | null, unknown][] = []
  const reader = jsonElements({
    root: () => {},
    key: (name) => (READ.has(name) ? 'elements' : 'check'),
    element: (key, value) => elements.push([key, value])
  })
  try {
    let from = 0
    for (const cut of [...cuts, bytes.length]) {
      reader.write(bytes.subarray(from, cut))
      from = cut
    }
    reader.end()
    return { elements }
  } catch (error) {
    if (error instanceof NotJson) return { refused: 'NotJson', message: error.message }
    if (error instanceof NotAList) return { refused: 'NotAList', message: '' }
    throw error
  }
}

/** What JSON.parse makes of the document: the records, a shape refusal, or null when it is not JSON. */
function expected(text: string): Outcome | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (Array.isArray(value)) return { elements: value.map((v) => [null, v]) }
  if (!value || typeof value !== 'object') return { refused: 'NotAList', message: '' }
  // JSON.parse keeps an object's (non-numeric) keys in document order.
  const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => READ.has(k))
  if (entries.some(([, v]) => !Array.isArray(v))) return { refused: 'NotAList', message: '' }
  return { elements: entries.flatMap(([key, list]) => (list as unknown[]).map((v): [string, unknown] => [key, v])) }
}

const DOCUMENTS = [
  '[]',
  ' [ ] ',
  '[{"oms_order_id":"A","lines":[{"sku":"X","quantity":2}]}]',
  '[1, "two", true, null, -3.5e2, [], {}, [[{"a":"]}"}]]]',
  '{"orders": []}',
  '{"products": [{"sku": "P-1", "name": "Phone \\"Pro\\" {x} [y]"}], "orders": [{"id": "\\\\"}]}',
  '{"meta": {"made": "2026-11-30", "list": [1, {"x": "]"}]}, "orders": [{"a": 1}], "note": "done"}',
  '{"orders": [{"ship_to": {"name": "Zoë Ünal 日本"}}, {"emoji": "📦"}]}',
  '\n[\n  {"a": "x\\ny\\u00e9"},\n  {"b": 2}\n]\n'
]

describe('jsonElements', () => {
  it.each(DOCUMENTS)('reads %s as JSON.parse does, at every chunk boundary', (text) => {
    const want = expected(text)
    expect(read(text)).toEqual(want)
    const bytes = Buffer.from(text)
    for (let cut = 1; cut < bytes.length; cut++) expect(read(bytes, [cut])).toEqual(want)
    expect(
      read(
        bytes,
        Array.from({ length: bytes.length - 1 }, (_, i) => i + 1)
      )
    ).toEqual(want)
  })

  it.each([
    ['[1,]', 'a value expected at byte 4'],
    ['[,1]', 'a value expected at byte 2'],
    ['[1 2]', 'a comma or a closing bracket expected at byte 4'],
    ['[{"a":1}} ', 'a comma or a closing bracket expected at byte 9'],
    ['[{"a": oops}]', 'JSON'],
    ['{"orders": [] "x": 1}', 'a comma or a closing brace expected at byte 15'],
    ['{"orders" []}', 'a colon expected at byte 11'],
    ['{orders: []}', 'a key expected at byte 2'],
    ['{"orders": [],}', 'a key expected at byte 15'],
    ['[] []', 'more after the end of the document at byte 4'],
    ['[{"a": 1}', 'the document ends too soon'],
    ['{"orders": [{"a": "unterminated}]}', 'the document ends too soon'],
    ['', 'no value']
  ])('refuses %s as not JSON, saying where', (text, where) => {
    const outcome = read(text)
    expect(outcome).toMatchObject({ refused: 'NotJson' })
    expect((outcome as { message: string }).message).toContain(where)
  })

  it.each(['42', '"orders"', 'null', '{"orders": 3}', '{"products": {"a": 1}, "orders": []}'])(
    'refuses %s as not the shape asked for',
    (text) => {
      expect(read(text)).toEqual({ refused: 'NotAList', message: '' })
    }
  )

  it('refuses bytes that are not UTF-8 inside a record, and reads UTF-8 split between chunks', () => {
    const bad = Buffer.concat([Buffer.from('[{"name": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}]')])
    expect(read(bad)).toMatchObject({ refused: 'NotJson', message: expect.stringContaining('not UTF-8') })
    const good = Buffer.from('[{"name": "é日"}]')
    for (let cut = 1; cut < good.length; cut++) expect(read(good, [cut])).toEqual({ elements: [[null, { name: 'é日' }]] })
  })

  it('passes over a value it is told to pass: follows it to its end without keeping or parsing it', () => {
    const seen: [string | null, unknown][] = []
    const reader = jsonElements({
      root: () => {},
      key: (name) => (name === 'operators' ? 'elements' : 'pass'),
      element: (key, value) => seen.push([key, value])
    })
    // The passed list holds text JSON.parse would refuse ("[1 2]", a bare word): passing keeps nothing to parse.
    const text = '{"orders": [{"a": "x]}"}, [1 2], oops], "operators": [{"name": "Ana"}], "meta": {"b": ["}"]}}'
    const bytes = Buffer.from(text)
    for (let cut = 0; cut <= bytes.length; cut++) {
      seen.length = 0
      const r = jsonElements({
        root: () => {},
        key: (name) => (name === 'operators' ? 'elements' : 'pass'),
        element: (key, value) => seen.push([key, value])
      })
      r.write(bytes.subarray(0, cut))
      r.write(bytes.subarray(cut))
      r.end()
      expect(seen).toEqual([['operators', { name: 'Ana' }]])
    }
    reader.write(Buffer.from('{"orders": [1, 2'))
    expect(() => reader.end()).toThrow(NotJson)
  })

  it('agrees with JSON.parse on 3,000 random documents and damaged copies of them', () => {
    let seed = 20261130
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]
    const space = () => pick(['', '', ' ', '\n', '\t', '  \r\n'])
    const value = (depth: number): string => {
      const r = random()
      if (depth > 3 || r < 0.35) return pick(['1', '-0.5', '2e3', 'true', 'false', 'null', '"s"', '"a\\"b"', '"]}{["', '"\\u00e9"', '"📦"'])
      const n = Math.floor(random() * 4)
      if (r < 0.6) return `[${space()}${Array.from({ length: n }, () => value(depth + 1)).join(`${space()},${space()}`)}${space()}]`
      const keys = ['a', 'orders', 'products', 'b"c', 'lines']
      const members = [...new Set(Array.from({ length: n }, () => pick(keys)))]
      return `{${space()}${members.map((k) => `${JSON.stringify(k)}${space()}:${space()}${value(depth + 1)}`).join(`${space()},${space()}`)}${space()}}`
    }
    const document = () => {
      const records = Array.from({ length: Math.floor(random() * 4) }, () => value(1)).join(`${space()},${space()}`)
      const r = random()
      if (r < 0.4) return `${space()}[${space()}${records}${space()}]${space()}`
      if (r < 0.9)
        return `${space()}{${space()}"meta"${space()}:${space()}${value(2)}${space()},${space()}"orders"${space()}:${space()}[${records}]${space()}}${space()}`
      return value(0)
    }
    const damage = (text: string) => {
      const at = Math.floor(random() * text.length)
      const r = random()
      if (r < 0.33) return text.slice(0, at) + text.slice(at + 1)
      if (r < 0.66) return text.slice(0, at) + pick([',', ']', '}', '"', ':', '[', '{', 'x', '\\']) + text.slice(at)
      return text.slice(0, at)
    }
    let compared = 0
    for (let i = 0; i < 3000; i++) {
      const original = document()
      for (const text of [original, damage(original)]) {
        const want = expected(text)
        const bytes = Buffer.from(text)
        const cut = Math.floor(random() * (bytes.length + 1))
        const got = read(bytes, [cut])
        if (want === null) {
          expect(got, text).toMatchObject({ refused: expect.any(String) })
          continue
        }
        compared++
        if ('refused' in want && 'refused' in got) continue // JSON.parse accepts; a shape refusal (NotAList) is the answer
        expect(got, text).toEqual(want)
      }
    }
    expect(compared).toBeGreaterThan(2000)
  })
})
