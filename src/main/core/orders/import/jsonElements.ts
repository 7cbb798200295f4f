// Finds, in a JSON document arriving in chunks, where each element of its
// lists of records begins and ends, and hands over each element's text: the
// document's own top-level list, or the lists under given keys of its
// top-level object. Each element is then read by the platform's JSON.parse.
//
// Written by hand because no library on the registry does this split: the
// streaming JSON parsers (@streamparser/json, which the import used before,
// stream-json, jsonparse) tokenize every byte in JavaScript, and at 100,000
// orders that cost 30 µs an order against 8 µs here (a byte loop that only
// follows strings and nesting, then native JSON.parse). JSON.parse checks
// each element in full; this scanner checks the document's frame around them
// (brackets, colons, commas, keys), so a broken file is still refused.
import { Buffer, isUtf8 } from 'node:buffer'

/** Why the document is not valid JSON, in a few words (the caller says which file). */
export class NotJson extends Error {}

/** Valid so far, but not the shape asked for: the top-level value, or a key's value read as a list, is not a list (or object). */
export class NotAList extends Error {}

/** Where the top-level value's parts go. */
export type ElementSink = {
  /** The top-level value is a list (`[`) or an object (`{`): said once, before anything else. */
  root(kind: 'list' | 'object'): void
  /**
   * A key of the top-level object starts a value: `elements` reads it as a list
   * of elements, `check` parses it whole and drops it (the document is checked
   * in full), `pass` follows its strings and nesting only and keeps nothing (a
   * large list this reader does not want).
   */
  key(name: string): 'elements' | 'check' | 'pass'
  /** One element of a list that is read, parsed, and its `text` as it stood; `key` is null for the top-level list. */
  element(key: string | null, value: unknown, text: string): void
}

const enum Mode {
  /** Before the top-level value. */
  Start,
  /** Top-level object: before a key, or the closing brace. */
  Key,
  /** After a key: its colon. */
  Colon,
  /** After a colon: the key's value. */
  Value,
  /** After a value of the top-level object: a comma or the closing brace. */
  AfterValue,
  /** In a list that is read: before an element, or the closing bracket. */
  Element,
  /** After an element: a comma or the closing bracket. */
  AfterElement,
  /** After the top-level value: only white space. */
  End
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09
/** Ends a number, true, false or null. */
const endsScalar = (b: number) => isSpace(b) || b === COMMA || b === CLOSE_BRACKET || b === CLOSE_BRACE

export function jsonElements(sink: ElementSink) {
  let mode = Mode.Start
  let root: 'list' | 'object' | null = null
  /** The list being read: its key in the top-level object, or null for a top-level list. */
  let listKey: string | null = null
  let keyName = ''
  /** A comma came last: a closing bracket or brace may not follow. */
  let afterComma = false
  /** The value being captured (an element, a key, or a value that is skipped): its nesting, string state and bytes so far. */
  let capturing: 'element' | 'key' | 'skip' | null = null
  /** The captured value's bytes are kept (and parsed at its end); not for a value passed over. */
  let keeping = true
  let depth = 0
  let inString = false
  let escaped = false
  let scalar = false
  let pieces: Uint8Array[] = []
  /** Bytes of the document before the chunk being read. */
  let base = 0

  const fail = (what: string, at: number): never => {
    throw new NotJson(`${what} at byte ${base + at + 1}`)
  }

  /** A captured value ended just before `next` in this chunk: parse it and hand it on. */
  const finish = (next: number) => {
    if (!keeping) {
      capturing = null
      mode = Mode.AfterValue
      return
    }
    const bytes = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces)
    pieces = []
    if (!isUtf8(bytes)) fail('bytes that are not UTF-8 text', next - 1)
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      throw new NotJson(`${(error as Error).message}, in the value that ends at byte ${base + next}`)
    }
    const kind = capturing
    capturing = null
    if (kind === 'element') {
      sink.element(listKey, value, text)
      mode = Mode.AfterElement
    } else if (kind === 'key') {
      keyName = value as string
      mode = Mode.Colon
    } else mode = Mode.AfterValue
  }

  /**
   * Follows a captured value through `chunk` from `from` (its bytes from
   * `pieceStart` belong to it); the index after its end, or the chunk's length
   * when it runs on into the next chunk.
   */
  const scan = (chunk: Uint8Array, pieceStart: number, from: number): number => {
    const n = chunk.length
    let i = from
    let ends = -1
    if (scalar) {
      while (i < n && !endsScalar(chunk[i])) i++
      if (i < n) ends = i
    } else {
      // The state in locals while the loop runs; inside a string, the next quote is found natively.
      let d = depth
      let str = inString
      while (i < n) {
        if (str) {
          if (escaped) {
            escaped = false
            i++
            continue
          }
          const quote = chunk.indexOf(QUOTE, i)
          const stop = quote < 0 ? n : quote
          let backslashes = 0
          while (stop - backslashes - 1 >= i && chunk[stop - backslashes - 1] === BACKSLASH) backslashes++
          if (quote < 0) {
            escaped = backslashes % 2 === 1
            i = n
          } else if (backslashes % 2 === 1) i = quote + 1
          else {
            str = false
            i = quote + 1
            if (d === 0) {
              ends = i
              break
            }
          }
          continue
        }
        const b = chunk[i++]
        if (b === QUOTE) str = true
        else if (b === OPEN_BRACE || b === OPEN_BRACKET) d++
        else if ((b === CLOSE_BRACE || b === CLOSE_BRACKET) && --d === 0) {
          ends = i
          break
        }
      }
      depth = d
      inString = str
    }
    if (ends >= 0) {
      if (keeping) pieces.push(chunk.subarray(pieceStart, ends))
      finish(ends)
      return ends
    }
    if (keeping) pieces.push(chunk.subarray(pieceStart))
    return n
  }

  /** Starts capturing the value whose first byte is at `at`; the index after it, or the chunk's length. */
  const capture = (kind: 'element' | 'key' | 'skip', chunk: Uint8Array, at: number, keep = true): number => {
    const b = chunk[at]
    capturing = kind
    keeping = keep
    inString = b === QUOTE
    escaped = false
    depth = b === OPEN_BRACE || b === OPEN_BRACKET ? 1 : 0
    scalar = !inString && depth === 0
    return scan(chunk, at, at + 1)
  }

  const closeList = () => {
    mode = root === 'list' ? Mode.End : Mode.AfterValue
    afterComma = false
  }

  /** The byte at `at`, outside any captured value; the index of the next byte to read. */
  const frame = (chunk: Uint8Array, at: number): number => {
    const b = chunk[at]
    if (isSpace(b)) return at + 1
    switch (mode) {
      case Mode.Start:
        if (b === OPEN_BRACKET) {
          root = 'list'
          mode = Mode.Element
        } else if (b === OPEN_BRACE) {
          root = 'object'
          mode = Mode.Key
        } else throw new NotAList()
        sink.root(root!)
        return at + 1
      case Mode.Key:
        if (b === CLOSE_BRACE && !afterComma) mode = Mode.End
        else if (b === QUOTE) return capture('key', chunk, at)
        else fail('a key expected', at)
        return at + 1
      case Mode.Colon:
        if (b !== COLON) fail('a colon expected', at)
        mode = Mode.Value
        return at + 1
      case Mode.Value: {
        afterComma = false
        const wanted = sink.key(keyName)
        if (wanted !== 'elements') return capture('skip', chunk, at, wanted === 'check')
        if (b !== OPEN_BRACKET) throw new NotAList()
        listKey = keyName
        mode = Mode.Element
        return at + 1
      }
      case Mode.AfterValue:
        if (b === COMMA) {
          mode = Mode.Key
          afterComma = true
        } else if (b === CLOSE_BRACE) mode = Mode.End
        else fail('a comma or a closing brace expected', at)
        return at + 1
      case Mode.Element:
        if (b === CLOSE_BRACKET && !afterComma) closeList()
        else if (b === CLOSE_BRACKET || b === CLOSE_BRACE || b === COMMA || b === COLON) fail('a value expected', at)
        else return capture('element', chunk, at)
        return at + 1
      case Mode.AfterElement:
        if (b === COMMA) {
          mode = Mode.Element
          afterComma = true
        } else if (b === CLOSE_BRACKET) closeList()
        else fail('a comma or a closing bracket expected', at)
        return at + 1
      case Mode.End:
        return fail('more after the end of the document', at)
    }
  }

  return {
    write(chunk: Uint8Array): void {
      let i = capturing ? scan(chunk, 0, 0) : 0
      while (i < chunk.length) i = frame(chunk, i)
      base += chunk.length
    },
    end(): void {
      if (mode !== Mode.End) fail(root === null ? 'no value' : 'the document ends too soon', 0)
    }
  }
}
