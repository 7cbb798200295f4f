// Every scan answer code has its sentence in every shipped language (SPEC §5, §10), and the core's English
// message is that sentence.
import { describe, expect, it } from 'vitest'
import { translator } from '../../src/main/core/i18n/catalogue'
import { atPart, said } from '../../src/main/core/scanning/scanWords'
import { LANGUAGES } from '../../src/shared/i18n/languages'
import { ScanCode } from '../../src/shared/scanWords'

describe('scan answer codes', () => {
  for (const language of LANGUAGES)
    it(`are all worded in ${language}`, () => {
      const t = translator(language, 'scan')
      const unworded = ScanCode.options.filter(
        (code) => !t(`answer.${code}`, { count: 2 }) || t(`answer.${code}`, { count: 2 }).startsWith('answer.')
      )
      expect(unworded).toEqual([])
    })

  it('words a duplicate in Polish with the order and box, and keeps the English message', () => {
    const words = said('alreadyScanned', { serial: '490154203237518', orderNumber: 'SO-7', box: 2 })
    expect(words.message).toBe('Already scanned: 490154203237518 is in order SO-7, box 2')
    expect(translator('pl', 'scan')(`answer.${words.code}`, words.params)).toBe(
      'Już zeskanowany: 490154203237518 jest w zamówieniu SO-7, karton 2'
    )
  })

  it('uses the Polish plural forms', () => {
    const t = translator('pl', 'scan')
    expect(t('answer.acceptedSeveral', { count: 2 })).toBe('OK: 2 sztuki z jednego kodu')
    expect(t('answer.acceptedSeveral', { count: 5 })).toBe('OK: 5 sztuk z jednego kodu')
    expect(t('answer.acceptedSeveral', { count: 22 })).toBe('OK: 22 sztuki z jednego kodu')
  })

  it('names the part of a multi-serial code a refusal is about', () => {
    const words = atPart(said('emptyScan'), { index: 2, count: 3 })
    expect(words.message).toBe('Code part 2 of 3: Empty scan')
    expect(words.params).toEqual({ partIndex: 2, partCount: 3 })
  })
})
