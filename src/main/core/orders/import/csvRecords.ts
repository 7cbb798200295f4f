// Splits CSV text into records as it streams by (RFC 4180: comma-separated,
// fields optionally in double quotes, "" for a quote inside them), strictly:
// every record has as many fields as the first, and a stray or unclosed quote
// stops the file. It reads as csv-parse did with the options the import used
// (auto-detected record delimiter, empty lines skipped) and words its problems
// as csv-parse did, so a broken file is refused with the same words.
//
// Written by hand rather than kept on csv-parse: csv-parse walks the bytes one
// at a time through a general state machine (comments, trimming, casting…)
// and cost a third of the CSV import's reading thread, its bottleneck (15 µs
// of 45 µs an order); this one scans decoded text for the few characters that
// matter and slices each field out whole. test/import/csvRecords.test.ts
// checks it against csv-parse on many generated inputs, including broken ones.

const COMMA = 0x2c
const QUOTE = 0x22
const CR = 0x0d
const LF = 0x0a

/** The text is not CSV past some point; the message says where (a line number, as csv-parse counted them). */
export class CsvProblem extends Error {}

export type CsvRecords = {
  /** The next piece of the text (chunks may end anywhere, even inside a field or between \r and \n). */
  write(text: string): void
  /** No more text: the last record (without a line break after it) is handed on, an open quote is refused. */
  end(): void
}

export function csvRecords(onRecord: (fields: string[]) => void): CsvRecords {
  /** '' until the first line break outside quotes tells which one the file uses (\r\n, \n or \r, as csv-parse found it). */
  let delimiter = ''
  let record: string[] = []
  /** The current field's text so far: from earlier chunks, or the unescaped parts of a quoted field. */
  let field = ''
  let quoting = false
  let wasQuoting = false
  /**
   * Line breaks so far, as csv-parse counted lines: a record delimiter counts
   * one (\r\n too), a \r or \n inside a field one each; the line number is one more.
   */
  let breaks = 0
  /** Whether the text so far ends with a \r or \n: csv-parse did not count a break that nothing followed. */
  let endsWithBreak = false
  let expected = -1
  /** The last characters of a chunk that need the next one to be understood (a quote or a \r). */
  let carry = ''

  const line = () => 1 + breaks

  const endRecord = () => {
    if (expected < 0) expected = record.length
    else if (record.length !== expected) {
      throw new CsvProblem(`Invalid Record Length: expect ${expected}, got ${record.length} on line ${line()}`)
    }
    const done = record
    record = []
    onRecord(done)
  }

  /** The length of the record delimiter at `at` (a \r or \n): 0 when it is data, -1 when the next chunk must tell. */
  const delimiterAt = (text: string, at: number, final: boolean): number => {
    const c = text.charCodeAt(at)
    const next = at + 1 < text.length ? text.charCodeAt(at + 1) : -1
    if (delimiter === '') {
      if (c === LF) delimiter = '\n'
      else if (next === LF) delimiter = '\r\n'
      else if (next < 0 && !final) return -1
      else delimiter = '\r'
      return delimiter.length
    }
    if (delimiter === '\n') return c === LF ? 1 : 0
    if (delimiter === '\r') return c === CR ? 1 : 0
    if (c !== CR) return 0
    if (next < 0) return final ? 0 : -1
    return next === LF ? 2 : 0
  }

  const countBreaks = (text: string, from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i)
      if (c === CR || c === LF) breaks++
    }
  }

  const read = (text: string, final: boolean) => {
    const n = text.length
    let i = 0
    while (i < n) {
      if (quoting) {
        const q = text.indexOf('"', i)
        if (q < 0) {
          countBreaks(text, i, n)
          field += text.slice(i)
          return
        }
        countBreaks(text, i, q)
        field += text.slice(i, q)
        if (q + 1 >= n && !final) {
          carry = '"'
          return
        }
        const next = q + 1 < n ? text.charCodeAt(q + 1) : -1
        if (next === QUOTE) {
          field += '"'
          i = q + 2
          continue
        }
        if (next >= 0 && next !== COMMA) {
          const length = next === CR || next === LF ? delimiterAt(text, q + 1, final) : 0
          if (length < 0) {
            carry = text.slice(q)
            return
          }
          if (length === 0) {
            throw new CsvProblem(
              `Invalid Closing Quote: got "${text[q + 1]}" at line ${line()} instead of delimiter, record delimiter, trimable character (if activated) or comment`
            )
          }
        }
        quoting = false
        wasQuoting = true
        i = q + 1
        continue
      }
      let j = i
      let c = 0
      while (j < n) {
        c = text.charCodeAt(j)
        if (c === COMMA || c === QUOTE || c === CR || c === LF) break
        j++
      }
      if (j === n) {
        field += text.slice(i)
        return
      }
      if (c === QUOTE) {
        if (j === i && field.length === 0) {
          quoting = true
          i = j + 1
          continue
        }
        const value = field + text.slice(i, j)
        throw new CsvProblem(
          `Invalid Opening Quote: a quote is found on field ${record.length} at line ${line()}, value is ${JSON.stringify(value)}`
        )
      }
      const value = field.length === 0 ? text.slice(i, j) : field + text.slice(i, j)
      if (c === COMMA) {
        record.push(value)
        field = ''
        wasQuoting = false
        i = j + 1
        continue
      }
      const length = delimiterAt(text, j, final)
      if (length < 0) {
        field = value
        carry = text.slice(j)
        return
      }
      if (length === 0) {
        // A line break that is not the file's record delimiter is part of the field, as in csv-parse.
        breaks++
        field = value + text[j]
        i = j + 1
        continue
      }
      // An empty line is skipped (csv-parse's skip_empty_lines).
      if (record.length > 0 || value.length > 0 || wasQuoting) {
        record.push(value)
        endRecord()
      }
      breaks++
      field = ''
      wasQuoting = false
      i = j + length
    }
  }

  return {
    write(text) {
      if (text.length > 0) {
        const last = text.charCodeAt(text.length - 1)
        endsWithBreak = last === CR || last === LF
      }
      const pending = carry
      carry = ''
      read(pending + text, false)
    },
    end() {
      const pending = carry
      carry = ''
      read(pending, true)
      if (endsWithBreak) breaks--
      if (quoting) throw new CsvProblem(`Quote Not Closed: the parsing is finished with an opening quote at line ${line()}`)
      if (wasQuoting || record.length > 0 || field.length > 0) {
        record.push(field)
        field = ''
        wasQuoting = false
        endRecord()
      }
    }
  }
}
