import { describe, expect, it } from 'vitest'
import { checkImei, checkSerial, cleanScan, luhnCheckDigit, MAX_SCAN_LENGTH, tacOf } from '../../src/main/core/scanning/serial'
import { badImei, imei } from './helpers'

describe('luhnCheckDigit', () => {
  it('computes the check digit of well-known IMEIs', () => {
    expect(luhnCheckDigit('49015420323751')).toBe(8)
    expect(luhnCheckDigit('35693803564380')).toBe(9)
    expect(luhnCheckDigit('00000000000000')).toBe(0)
  })

  it('changes when one digit of the body changes', () => {
    const base = luhnCheckDigit('49015420323751')
    expect(luhnCheckDigit('49015420323752')).not.toBe(base)
    expect(luhnCheckDigit('59015420323751')).not.toBe(base)
  })

  it('always returns a single digit', () => {
    for (let i = 0; i < 200; i++) {
      const body = String(10_000_000_000_000 + i * 7_919_113)
        .padStart(14, '0')
        .slice(0, 14)
      const d = luhnCheckDigit(body)
      expect(Number.isInteger(d) && d >= 0 && d <= 9).toBe(true)
      expect(checkImei(body + d).ok).toBe(true)
    }
  })
})

describe('checkImei', () => {
  it.each(['490154203237518', '356938035643809'])('accepts the valid IMEI %s', (value) => {
    expect(checkImei(value)).toEqual({ ok: true, serial: value })
  })

  it('accepts IMEIs made by the test helper', () => {
    expect(checkImei(imei('35391611000001')).ok).toBe(true)
  })

  it('refuses a wrong check digit and says what it should be', () => {
    const r = checkImei('490154203237519')
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.message).toMatch(/check digit/i)
      expect(r.message).toContain('should be 8')
    }
    expect(checkImei(badImei('35693803564380')).ok).toBe(false)
  })

  it('refuses a 14-digit IMEI and names it', () => {
    const r = checkImei('49015420323751')
    expect(r).toMatchObject({ ok: false, code: 'imei14Digits', params: {}, message: expect.stringContaining('14-digit') })
  })

  it('refuses a 16-digit IMEISV and names it', () => {
    const r = checkImei('4901542032375186')
    expect(r).toMatchObject({ ok: false, code: 'imeisv', message: expect.stringContaining('IMEISV') })
  })

  it.each([
    ['4901542032375A8', '"A"'],
    ['49015420323751x', '"x"'],
    ['ABCDEFGHIJKLMNO', '"A"']
  ])('refuses letters in %s', (value, shown) => {
    const r = checkImei(value)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.message).toMatch(/not a digit/)
      expect(r.message).toContain(shown)
    }
  })

  it('names a non-printable character by its code point', () => {
    const r = checkImei('4901542032\u00e97518')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain('U+00E9')
  })

  it('refuses the empty scan', () => {
    expect(checkImei('')).toMatchObject({ ok: false, message: 'Empty scan' })
  })

  it.each([1, 13, 17, 20])('refuses %i digits as not an IMEI', (n) => {
    const r = checkImei('1'.repeat(n))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain(`${n} digits`)
  })

  it('refuses anything over 64 characters as too long', () => {
    const r = checkImei('4'.repeat(MAX_SCAN_LENGTH + 1))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(/too long/i)
    expect(MAX_SCAN_LENGTH).toBe(64)
  })
})

describe('checkSerial', () => {
  it('accepts a serial that matches the product pattern', () => {
    expect(checkSerial('DMPXK2ABCD12', '[A-Z0-9]{10,12}')).toEqual({ ok: true, serial: 'DMPXK2ABCD12' })
  })

  it('matches the pattern in full, not as a substring', () => {
    expect(checkSerial('DMPXK2ABCD123', '[A-Z0-9]{10,12}').ok).toBe(false)
    expect(checkSerial('dmpxk2abcd12', '[A-Z0-9]{10,12}').ok).toBe(false)
    const r = checkSerial('SHORT1', '[A-Z0-9]{10,12}')
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining("does not match this product's serial format") })
  })

  it('accepts any allowed characters when the product has no pattern', () => {
    expect(checkSerial('SN-12_34.5/6', null)).toEqual({ ok: true, serial: 'SN-12_34.5/6' })
  })

  it.each([
    ['SN#1234', '"#"'],
    ['SN<script>', '"<"'],
    ['SN\u00e91234', 'U+00E9'],
    ['SN;DROP', '";"']
  ])('refuses bad characters in %s', (value, shown) => {
    const r = checkSerial(value, null)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain(shown)
  })

  it('refuses empty and over-long serials', () => {
    expect(checkSerial('', null)).toMatchObject({ ok: false, message: 'Empty scan' })
    expect(checkSerial('A'.repeat(64), null).ok).toBe(true)
    const r = checkSerial('A'.repeat(65), null)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(/too long/i)
  })
})

describe('cleanScan', () => {
  const value = '490154203237518'

  it.each([
    ['CR', `${value}\r`],
    ['LF', `${value}\n`],
    ['CRLF', `${value}\r\n`],
    ['TAB', `\t${value}\t`],
    ['GS', `4901542\u001d03237518`],
    ['NUL', `\u0000${value}\u0000`],
    ['DEL', `${value}\u007f`],
    ['leading and trailing spaces', `   ${value}  `],
    ['inner space', '4901 5420 3237 518'],
    ['no-break space', `${value}\u00a0`],
    ['C1 next line', `${value}\u0085`],
    ['line separator', `${value}\u2028`],
    ['ideographic space', `\u3000${value}`]
  ])('strips %s', (_name, raw) => {
    expect(cleanScan(raw)).toBe(value)
    expect(checkImei(cleanScan(raw))).toEqual({ ok: true, serial: value })
  })

  it('keeps format characters, so the checks can refuse them', () => {
    expect(cleanScan(`\u202e${value}\u202c\r\n`)).toBe(`\u202e${value}\u202c`)
    expect(cleanScan(`\ufeff${value}`)).toBe(`\ufeff${value}`)
  })

  it('strips an AIM symbology identifier', () => {
    expect(cleanScan(`]C1${value}`)).toBe(value)
    expect(cleanScan(`]E0${value}\r\n`)).toBe(value)
    expect(cleanScan(`]Q3${value}`)).toBe(value)
  })

  it('leaves data without an AIM identifier alone', () => {
    expect(cleanScan(`C1${value}`)).toBe(`C1${value}`)
    expect(cleanScan(value)).toBe(value)
  })

  it('strips configured prefixes and suffixes', () => {
    const affixes = { prefixes: ['PFX'], suffixes: ['#END'] }
    expect(cleanScan(`PFX${value}#END`, affixes)).toBe(value)
    expect(cleanScan(`PFX${value}#END\r\n`, affixes)).toBe(value)
    expect(cleanScan(`PFX]C1${value}#END`, affixes)).toBe(value)
  })

  it('strips a configured affix only at its own end', () => {
    const affixes = { prefixes: ['ZZ'], suffixes: ['QQ'] }
    expect(cleanScan(`ZZ${value}`, affixes)).toBe(value)
    expect(cleanScan(`${value}QQ`, affixes)).toBe(value)
    expect(cleanScan(value, affixes)).toBe(value)
    expect(cleanScan(`X${value}ZZ`, affixes)).toBe(`X${value}ZZ`)
    expect(cleanScan(`QQ${value}`, affixes)).toBe(`QQ${value}`)
  })

  it('ignores empty affixes', () => {
    expect(cleanScan(value, { prefixes: [''], suffixes: [''] })).toBe(value)
  })

  it('turns a scan of only control characters into the empty string', () => {
    expect(cleanScan('\r\n\t \u0000')).toBe('')
    expect(checkImei(cleanScan('\r\n')).ok).toBe(false)
  })
})

// SPEC §5: format and bidi characters (Unicode Cf) are refused, never stripped. Stripped, an RLO would let a
// label that reads as one number on screen store another, and a ZWSP or BOM would hide that the data is not clean.
describe('format and bidi characters', () => {
  const value = '490154203237518'
  const rlo = 'Scan contains U+202E (a hidden text-direction character): rescan the label'

  it('refuses a valid IMEI wrapped in RLO or LRO, naming the character', () => {
    expect(checkImei(cleanScan(`\u202e${value}\u202c`))).toMatchObject({ ok: false, message: rlo })
    expect(checkImei(cleanScan(`\u202d${value}\u202c`))).toMatchObject({
      ok: false,
      message: 'Scan contains U+202D (a hidden text-direction character): rescan the label'
    })
  })

  it('refuses an IMEI written reversed inside an RLO (it reads as 815732302451094, the data is a valid IMEI)', () => {
    expect(checkImei(value).ok).toBe(true)
    expect(checkImei(cleanScan(`\u202e${value}`))).toMatchObject({ ok: false, message: rlo })
    expect(checkImei(cleanScan(`]C1\u202e${value}\u202c\r\n`))).toMatchObject({ ok: false, message: rlo })
  })

  it.each([
    ['a zero-width space', `4901542\u200b03237518`, 'U+200B', 'formatting'],
    ['a BOM', `\ufeff${value}`, 'U+FEFF', 'formatting'],
    ['a soft hyphen', `4901-5420\u00ad3237518`, 'U+00AD', 'formatting'],
    ['a word joiner', `${value}\u2060`, 'U+2060', 'formatting'],
    ['a left-to-right mark', `${value}\u200e`, 'U+200E', 'text-direction'],
    ['a right-to-left isolate', `\u2067${value}\u2069`, 'U+2067', 'text-direction'],
    ['an Arabic letter mark', `\u061c${value}`, 'U+061C', 'text-direction'],
    ['a language tag (outside the BMP)', `${value}\u{e0001}`, 'U+E0001', 'formatting']
  ])('refuses %s in an IMEI or serial', (_name, raw, code, kind) => {
    const message = `Scan contains ${code} (a hidden ${kind} character): rescan the label`
    expect(checkImei(cleanScan(raw))).toMatchObject({ ok: false, message })
    expect(checkSerial(cleanScan(raw), null)).toMatchObject({ ok: false, message })
  })

  it('refuses a format character in a serial with a pattern, before the pattern is tried', () => {
    expect(checkSerial('DMPXK2\u200bABCD12', '[A-Z0-9\u200b]{10,13}')).toMatchObject({
      ok: false,
      message: 'Scan contains U+200B (a hidden formatting character): rescan the label'
    })
  })
})

describe('tacOf', () => {
  it('is the first 8 digits', () => {
    expect(tacOf('490154203237518')).toBe('49015420')
  })
})
