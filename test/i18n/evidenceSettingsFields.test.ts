// The evidence settings' day and megabyte fields read as the shift lead types them (Polish or English), refused
// with a worded range at the field when they cannot be read, instead of falling back to a default on every keystroke.
import { describe, expect, it } from 'vitest'
import { QUOTA_MB, readWholeNumber, RETENTION_DAYS } from '../../src/renderer/src/components/evidence/wholeNumber'
import { translator } from '../../src/main/core/i18n/catalogue'

describe('the evidence settings fields', () => {
  it('reads whole numbers as typed in each language', () => {
    expect(readWholeNumber('90', 'pl', RETENTION_DAYS)).toBe(90)
    expect(readWholeNumber(' 365 ', 'en', RETENTION_DAYS)).toBe(365)
    expect(readWholeNumber(120, 'pl', RETENTION_DAYS)).toBe(120)
    expect(readWholeNumber('50000', 'pl', QUOTA_MB)).toBe(50_000)
    expect(readWholeNumber('10000000', 'en', QUOTA_MB)).toBe(10_000_000)
  })

  it('refuses what cannot be read, a fraction, or a value outside the range, instead of a default', () => {
    for (const typed of ['', '  ', 'abc', '1,2,3', '5 dni', '-5']) expect(readWholeNumber(typed, 'pl', RETENTION_DAYS)).toBeNull()
    expect(readWholeNumber('2,000', 'en', RETENTION_DAYS)).toBeNull()
    expect(readWholeNumber('90,5', 'pl', RETENTION_DAYS)).toBeNull()
    expect(readWholeNumber('90.5', 'en', RETENTION_DAYS)).toBeNull()
    expect(readWholeNumber('0', 'en', RETENTION_DAYS)).toBeNull()
    expect(readWholeNumber('3651', 'en', RETENTION_DAYS)).toBeNull()
    expect(readWholeNumber('99', 'pl', QUOTA_MB)).toBeNull()
    expect(readWholeNumber('10000001', 'pl', QUOTA_MB)).toBeNull()
  })

  it('words the range at the field in each language', () => {
    expect(translator('en', 'evidence')('settings.retentionDaysRange', RETENTION_DAYS)).toBe('Whole days from 1 to 3,650')
    expect(translator('pl', 'evidence')('settings.retentionDaysRange', RETENTION_DAYS)).toBe('Pełna liczba dni od 1 do 3650')
    expect(translator('en', 'evidence')('settings.quotaMbRange', QUOTA_MB)).toBe('Whole megabytes from 100 to 10,000,000')
    expect(translator('pl', 'evidence')('settings.quotaMbRange', QUOTA_MB)).toBe('Pełna liczba megabajtów od 100 do 10\u00a0000\u00a0000')
  })
})
