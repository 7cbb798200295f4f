// The CSV reader of the import (src/main/core/orders/import/csvRecords.ts)
// took csv-parse's place: on any text, cut into chunks anywhere, it must give
// the same rows csv-parse gave with the options the import used, and refuse a
// broken file with the same words (line numbers as csv-parse counted them).
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { csvRecords } from '../../src/main/core/orders/import/csvRecords'
import { readCsvOrders } from '../../src/main/core/orders/import/readCsv'
import type { RawOrder } from '../../src/main/core/orders/parseOrderFile'

const theirs = (text: string): string => {
  try {
    return JSON.stringify(parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }))
  } catch (error) {
    return `refused: ${(error as Error).message}`
  }
}

const ours = (text: string, cuts: number[] = []): string => {
  const rows: string[][] = []
  try {
    const reader = csvRecords((row) => rows.push(row))
    let at = 0
    for (const cut of [...cuts, text.length]) {
      reader.write(text.slice(at, cut))
      at = cut
    }
    reader.end()
    return JSON.stringify(rows)
  } catch (error) {
    return `refused: ${(error as Error).message}`
  }
}

/** csv-parse shows a byte, not a character, after a closing quote: a non-ASCII one reads as mojibake there, ours as itself. */
const sameCharacter = (outcome: string) => outcome.replace(/got "[^\x00-\x7f]" at line/, 'got "?" at line')

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number) {
  let state = seed
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
}

describe('the CSV reader', () => {
  it.each([
    ['rows and a last row without a line break', 'a,b\nc,d\ne,f'],
    ['Windows line breaks and empty lines', 'a,b\r\n\r\nc,d\r\n\r\n'],
    ['quoted fields with commas, quotes and line breaks', 'a,b\n"x, y","say ""hi""\nthere"\n"",\n'],
    ['old Mac line breaks', 'a,b\rc,d\r'],
    ['a \\r inside a field of a \\n file', 'a,b\nc\rd,e\n']
  ])('reads %s as csv-parse did', (_name, text) => {
    expect(ours(text)).toBe(theirs(text))
    expect(ours(text)).not.toMatch(/^refused/)
  })

  it.each([
    ['a row longer than the header', 'a,b\n1,2\n3,4,5\n', 'Invalid Record Length: expect 2, got 3 on line 3'],
    ['a last row shorter than the header', 'a,b\n1,2\n3', 'Invalid Record Length: expect 2, got 1 on line 3'],
    ['an unclosed quote', 'a,b\n"1,2\n3,4\n', 'Quote Not Closed: the parsing is finished with an opening quote at line 3'],
    ['a quote inside an unquoted field', 'a,b\n1,x"y\n', 'Invalid Opening Quote: a quote is found on field 1 at line 2, value is "x"'],
    ['text after a closing quote', 'a,b\n"1"x,2\n', 'Invalid Closing Quote: got "x" at line 2']
  ])('refuses %s with csv-parse words', (_name, text, words) => {
    expect(ours(text)).toBe(theirs(text))
    expect(ours(text)).toContain(words)
  })

  it('gives csv-parse rows or refusal on 100,000 generated texts, each cut into chunks anywhere', () => {
    const random = generator(20_261_130)
    const pieces = ['a', 'b', ',', '"', '\n', '\r', '\r\n', ' ', 'é']
    let differences = 0
    for (let k = 0; k < 100_000; k++) {
      const length = Math.floor(random() * (k % 2 ? 12 : 36))
      let text = ''
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)]
      const cuts = Array.from({ length: Math.floor(random() * 4) }, () => Math.floor(random() * (text.length + 1))).sort((a, b) => a - b)
      if (sameCharacter(ours(text, cuts)) !== sameCharacter(theirs(text))) {
        differences++
        expect({ text, cuts, ours: ours(text, cuts) }).toEqual({ text, cuts, ours: theirs(text) })
      }
    }
    expect(differences).toBe(0)
  })

  it('reads a quoted field that spans many chunks once, not again with each chunk', () => {
    const field = 'x'.repeat(1_000_000)
    const rows: string[][] = []
    const reader = csvRecords((row) => rows.push(row))
    const text = `a,b\n1,"${field}"\n`
    const started = performance.now()
    for (let at = 0; at < text.length; at += 16) reader.write(text.slice(at, at + 16))
    reader.end()
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', field]
    ])
    // Re-reading the open field from its start with each of these 62,500 chunks would take minutes.
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('puts a character split between two chunks of the file back together', async () => {
    const text = '\ufeffoms_order_id,ship_to_city,line_id\nOMS-1,Łódź,L1\nOMS-1,Łódź,L2\nOMS-2,"Zürich, ""ZH""",L1'
    const bytes = new TextEncoder().encode(text)
    async function* oneByteAtATime() {
      for (const byte of bytes) yield Uint8Array.of(byte)
    }
    const orders: RawOrder[] = []
    await readCsvOrders(oneByteAtATime(), { product: () => {}, order: (order) => orders.push(order) })
    expect(orders.map((o) => [o.record.oms_order_id, o.record.ship_to, (o.record.lines as unknown[]).length])).toEqual([
      ['OMS-1', { city: 'Łódź' }, 2],
      ['OMS-2', { city: 'Zürich, "ZH"' }, 1]
    ])
  })
})
