// Numbers in the station's language and numbers typed in it (src/shared/numberFormat.ts): what the scan screen's
// counts show, and what the Sync screen's pull interval and the box weight accept.
import { describe, expect, it } from 'vitest'
import { decimalSign, formatNumber, numberFormat, parseDecimal } from '../../src/shared/numberFormat'

const NBSP = '\u00a0'

describe('formatNumber', () => {
  it('writes counts the way each language does', () => {
    expect(formatNumber(2000, 'en')).toBe('2,000')
    expect(formatNumber(12345, 'en')).toBe('12,345')
    // Polish groups from five digits on (CLDR), with a no-break space; the catalogue's {{n, number}} does the same.
    expect(formatNumber(2000, 'pl')).toBe('2000')
    expect(formatNumber(12345, 'pl')).toBe(`12${NBSP}345`)
    expect(formatNumber(0, 'pl')).toBe('0')
  })

  it('keeps fractions only when asked', () => {
    expect(formatNumber(12.46, 'pl', 1)).toBe('12,5')
    expect(formatNumber(12.46, 'en', 1)).toBe('12.5')
    expect(formatNumber(12.46, 'en')).toBe('12')
  })

  it('builds one formatter per language and keeps it', () => {
    expect(numberFormat('pl')).toBe(numberFormat('pl'))
    expect(numberFormat('pl')).not.toBe(numberFormat('en'))
    expect(numberFormat('pl', 1)).not.toBe(numberFormat('pl'))
  })
})

describe('parseDecimal', () => {
  it("takes the language's decimal sign, and a point too", () => {
    expect(decimalSign('pl')).toBe(',')
    expect(decimalSign('en')).toBe('.')
    expect(parseDecimal('0,5', 'pl')).toBe(0.5)
    expect(parseDecimal(' 2,25 ', 'pl')).toBe(2.25)
    expect(parseDecimal('0.5', 'pl')).toBe(0.5)
    expect(parseDecimal('0.5', 'en')).toBe(0.5)
    expect(parseDecimal('15', 'pl')).toBe(15)
    expect(parseDecimal(',5', 'pl')).toBe(0.5)
    expect(parseDecimal('2,', 'pl')).toBe(2)
  })

  it("passes a number field's own number through", () => {
    expect(parseDecimal(1.5, 'pl')).toBe(1.5)
    expect(parseDecimal(Number.NaN, 'pl')).toBeNull()
  })

  it('refuses what is not a plain decimal', () => {
    expect(parseDecimal('', 'pl')).toBeNull()
    expect(parseDecimal(null, 'pl')).toBeNull()
    expect(parseDecimal('1,2,3', 'pl')).toBeNull()
    // A comma is not a decimal sign in English: "0,5" there is a typo, not a half.
    expect(parseDecimal('0,5', 'en')).toBeNull()
    expect(parseDecimal('2,000', 'en')).toBeNull()
    expect(parseDecimal('5 min', 'pl')).toBeNull()
    expect(parseDecimal('-1', 'pl')).toBeNull()
    expect(parseDecimal('1e3', 'en')).toBeNull()
  })
})
