// The core's answers that a screen shows (Save, box exceptions, Packing Confirmation's blockers) carry their
// catalogue words next to the English message, and a screen words them in its own language.
import { describe, expect, it } from 'vitest'
import { mainCatalogue } from '../../src/main/core/i18n/catalogue'
import { english } from '../../src/main/core/errors'
import { wordSentence, type Words } from '../../src/shared/words'
import { answerText, sentencesText } from '../../src/renderer/src/useAction'
import { i18n } from '../../src/renderer/src/i18n'

const polish = (words: Words) => wordSentence(mainCatalogue().getFixedT('pl'), words)

describe("the core's answers in words", () => {
  it('are shown by a screen in its language, or as the English message when there are no words', async () => {
    const saved = { message: 'Box 2 confirmed (5 units)', words: { key: 'answers:packing.boxConfirmed', params: { count: 5, box: 2 } } }
    const blockers = [{ key: 'answers:packing.blocker.boxOpen', params: { box: 1 } }]
    try {
      await i18n.changeLanguage('pl')
      expect(answerText(saved)).toBe('Karton 2 zatwierdzony (5 sztuk)')
      expect(answerText({ message: 'Old answer.' })).toBe('Old answer.')
      expect(sentencesText(blockers, ['Box 1 is open (saved, not confirmed): press Save again.'])).toEqual([
        'Karton 1 jest otwarty (zapisany, niezatwierdzony): naciśnij Zapisz ponownie.'
      ])
      expect(sentencesText(undefined, ['English.'])).toEqual(['English.'])
    } finally {
      await i18n.changeLanguage('en')
    }
  })

  it('words a saved box in English as before and in Polish with its plural', () => {
    const one: Words = { key: 'answers:packing.boxSaved', params: { count: 1, box: 2 } }
    const five: Words = { key: 'answers:packing.boxConfirmed', params: { count: 5, box: 2 } }
    expect(english(one)).toBe('Box 2 saved with 1 unit: press Save again to confirm')
    expect(english(five)).toBe('Box 2 confirmed (5 units)')
    expect(polish(five)).toBe('Karton 2 zatwierdzony (5 sztuk)')
  })

  it('words a list of blockers inside a refusal, each in the language, with the status worded', () => {
    const words: Words = {
      key: 'refusals:packing.cannotConfirm',
      params: {
        orderNumber: 'SO-7',
        blockers: [
          { key: 'answers:packing.blocker.orderIs', params: { status: 'on_hold' } },
          { key: 'answers:packing.blocker.looseUnits', params: { count: 3 } }
        ]
      }
    }
    expect(english(words)).toBe(
      'Order SO-7 cannot be confirmed: The order is on hold. 3 units are not in a box yet: press Save in the scan screen.'
    )
    expect(polish(words)).toBe(
      'Nie można zatwierdzić zamówienia SO-7: Zamówienie ma status wstrzymane. 3 sztuki nie są jeszcze w kartonie: naciśnij Zapisz na ekranie skanowania.'
    )
  })
})
