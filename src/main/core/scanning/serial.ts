// Scan input hygiene and serial validation (SPEC §5). Pure functions: no
// database, so they run before any transaction is opened.
import { said, type ScanWords } from './scanWords'

export const MAX_SCAN_LENGTH = 64

export type ScannerAffixes = { prefixes: string[]; suffixes: string[] }
export type Checked = { ok: true; serial: string } | ({ ok: false } & ScanWords)

const refused = (...words: Parameters<typeof said>): Checked => ({ ok: false, ...said(...words) })

/** AIM symbology identifier a scanner may put in front of the data: "]" + code letter + modifier. */
const AIM_ID = /^\][A-Za-z][0-9A-Za-z]/
/** Control characters (C0, DEL, C1) and white space: scanner noise, never part of a serial. */
const CONTROL_OR_SPACE = /[\p{Cc}\p{Zs}\p{Zl}\p{Zp}]/gu
/**
 * Format characters (Unicode Cf) are kept so the checks can refuse them: an
 * RLO/LRO changes how a serial reads on screen without changing its digits, so
 * stripping one would accept a label someone tampered with or a reversed number.
 */
const FORMAT_CHAR = /\p{Cf}/u
const BIDI_CHAR = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u

/**
 * Strips what scanners add around the data: configured prefixes and suffixes,
 * an AIM symbology identifier, whitespace and control characters (CR, LF,
 * TAB, GS, NUL…) anywhere in the input. Format characters stay (see FORMAT_CHAR).
 */
export function cleanScan(raw: string, affixes: ScannerAffixes = { prefixes: [], suffixes: [] }): string {
  let s = raw.replace(CONTROL_OR_SPACE, '')
  for (const prefix of affixes.prefixes) if (prefix && s.startsWith(prefix)) s = s.slice(prefix.length)
  for (const suffix of affixes.suffixes) if (suffix && s.endsWith(suffix)) s = s.slice(0, -suffix.length)
  return s.replace(AIM_ID, '')
}

/** Luhn check digit for the first 14 digits of an IMEI. */
export function luhnCheckDigit(body: string): number {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return (10 - (sum % 10)) % 10
}

function firstOutside(s: string, allowed: RegExp): string | undefined {
  return [...s].find((c) => !allowed.test(c))
}

const describeChar = (c: string) =>
  /^[\x21-\x7e]$/.test(c) ? `"${c}"` : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/** The refusal for a scan holding a format or bidi character, or null when it holds none. */
export function formatCharacterRefusal(s: string): Checked | null {
  const found = FORMAT_CHAR.exec(s)?.[0]
  if (found === undefined) return null
  return refused(BIDI_CHAR.test(found) ? 'bidiCharacter' : 'formatCharacter', { char: describeChar(found) })
}

/** An IMEI is exactly 15 digits whose last digit is the Luhn check digit of the first 14. */
export function checkImei(input: string): Checked {
  const s = input
  const hidden = formatCharacterRefusal(s)
  if (hidden) return hidden
  if (s.length === 0) return refused('emptyScan')
  if (s.length > MAX_SCAN_LENGTH) return refused('tooLong', { length: s.length, max: MAX_SCAN_LENGTH })
  const bad = firstOutside(s, /[0-9]/)
  if (bad !== undefined) return refused('notADigit', { char: describeChar(bad) })
  if (s.length === 14) return refused('imei14Digits')
  if (s.length === 16) return refused('imeisv')
  if (s.length !== 15) return refused('imeiLength', { digits: s.length })
  const expected = luhnCheckDigit(s.slice(0, 14))
  if (expected !== s.charCodeAt(14) - 48) {
    return refused('imeiCheckDigit', { last: s[14], expected })
  }
  return { ok: true, serial: s }
}

/** The characters a serial number may hold when its product gives no pattern. */
const SERIAL_CHARS = /[A-Za-z0-9\-_./]/

/** A non-IMEI serial: printable, at most 64 characters, and matching the product's own pattern when it has one. */
export function checkSerial(input: string, pattern: string | null): Checked {
  const s = input
  const hidden = formatCharacterRefusal(s)
  if (hidden) return hidden
  if (s.length === 0) return refused('emptyScan')
  if (s.length > MAX_SCAN_LENGTH) return refused('tooLong', { length: s.length, max: MAX_SCAN_LENGTH })
  const bad = firstOutside(s, SERIAL_CHARS)
  if (bad !== undefined) return refused('serialCharacter', { char: describeChar(bad) })
  if (pattern && !new RegExp(`^(?:${pattern})$`).test(s)) {
    return refused('serialPattern', { serial: s })
  }
  return { ok: true, serial: s }
}

/** Type Allocation Code: the model part of an IMEI. */
export const tacOf = (imei: string) => imei.slice(0, 8)
