// A refused scan keeps its catalogue words next to its English (scan_refusals.words, drizzle/0015), so the
// shift report reads it in the station's language (PDF through pdftotext, and the CSV) and the shift board in
// the operator's (answerText). A row recorded before the words were kept reads in its English, as before.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { translator } from '../../src/main/core/i18n/catalogue'
import { shiftReportCsv } from '../../src/main/core/reports/csv'
import { shiftReportPdf } from '../../src/main/core/reports/pdf'
import { scanAnswerWords } from '../../src/main/core/reports/refusalLog'
import type { ShiftFigures } from '../../src/shared/reports'
import { wordSentence } from '../../src/shared/words'
import { answerText } from '../../src/renderer/src/useAction'
import { i18n } from '../../src/renderer/src/i18n'
import type { Language } from '../../src/shared/i18n/languages'
import { cleanup, makeDataDir } from '../core/helpers'
import { scriptedShift, TODAY, inWarsawTime } from './shiftWorld'

inWarsawTime()
afterEach(cleanup)

const OLD_ENGLISH = 'Already scanned: 490154203237518 is in order SO-9, box 1'

/** The scripted shift, and a duplicate refusal written the way the log wrote it before 0015: no words. */
async function shiftWithAnOldRow() {
  const w = await scriptedShift()
  w.sqlite
    .prepare(
      `INSERT INTO scan_refusals (id, at, class, order_id, operator_id, entry_method, input, message)
       VALUES ('old-1', '2026-11-21T07:59:00.000Z', 'duplicate', ?, ?, 'scanned', '490154203237518', ?)`
    )
    .run(w.ids[2], w.op.id, OLD_ENGLISH)
  return { w, figures: await w.call('reports:shift', TODAY) }
}

const last = (f: ShiftFigures, kind: string) => f.refusals.find((r) => r.class === kind)!.last

async function pdfText(f: ShiftFigures, language: Language): Promise<string> {
  const path = join(makeDataDir(), `refusals-${language}.pdf`)
  writeFileSync(path, (await shiftReportPdf(f, 'ST-1', language)).pdf)
  // Without -layout a table cell's wrapped lines follow each other; any run of spaces and line breaks reads as one space.
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
}

describe('refusals in the shift report and on the board, in their reader’s language', () => {
  it('stores the words of a refused scan and reads them back with the report', async () => {
    const { w, figures } = await shiftWithAnOldRow()
    const stored = w.sqlite.prepare("SELECT words FROM scan_refusals WHERE class = 'order_not_open' ORDER BY at").all() as {
      words: string | null
    }[]
    expect(stored.map((r) => JSON.parse(r.words!))).toEqual([
      { key: 'scan:answer.orderNotOpen', params: { orderNumber: 'SO-4', status: 'cancelled' } },
      { key: 'scan:answer.orderNotOpen', params: { orderNumber: 'SO-4', status: 'cancelled' } }
    ])
    expect(last(figures, 'order_not_open')[0]).toMatchObject({
      message: 'Order SO-4 is cancelled: no scanning',
      words: { key: 'scan:answer.orderNotOpen', params: { orderNumber: 'SO-4', status: 'cancelled' } }
    })
    const duplicates = last(figures, 'duplicate')
    expect(duplicates.map((e) => e.message)).toEqual([expect.stringContaining('SO-1'), OLD_ENGLISH])
    expect(duplicates[0].words?.key).toBe('scan:answer.alreadyScanned')
    expect(duplicates[1]).not.toHaveProperty('words')
  })

  it('a Polish PDF and CSV word the refusals in Polish; the old row keeps its English', async () => {
    const { figures } = await shiftWithAnOldRow()
    const csv = shiftReportCsv(figures, 'ST-1', 'pl')
    const pdf = await pdfText(figures, 'pl')
    // The PDF runs a longer sentence onto further lines of its cell: each is read whole.
    for (const text of [csv, pdf]) {
      expect(text).toContain('Zamówienie SO-4 ma status anulowane: skanowanie niemożliwe')
      expect(text).toContain('Wpisane ręcznie: to stanowisko')
      expect(text).toMatch(/Już zeskanowany: 35391611000001\d jest w zamówieniu SO-1, karton 1/)
      expect(text).toContain(OLD_ENGLISH)
      expect(text).not.toContain('Order SO-4 is')
      expect(text).not.toContain('Typed by hand')
      expect(text).not.toContain('…')
    }
    const english = shiftReportCsv(figures, 'ST-1', 'en')
    expect(english).toContain('Order SO-4 is cancelled: no scanning')
    expect(english).not.toContain('Zamówienie')
  })

  it('the board words them in the operator’s language, the old row in its English', async () => {
    const { figures } = await shiftWithAnOldRow()
    const [fresh, old] = last(figures, 'duplicate')
    const notOpen = last(figures, 'order_not_open')[0]
    try {
      await i18n.changeLanguage('pl')
      expect(answerText(notOpen)).toBe('Zamówienie SO-4 ma status anulowane: skanowanie niemożliwe')
      expect(answerText(fresh)).toMatch(/^Już zeskanowany: 35391611000001\d jest w zamówieniu SO-1, karton/)
      expect(answerText(old)).toBe(OLD_ENGLISH)
      await i18n.changeLanguage('en')
      expect(answerText(notOpen)).toBe(notOpen.message)
    } finally {
      await i18n.changeLanguage('en')
    }
  })

  it('words a refusal of one part of a multi-serial code with its part, as the scan screen does', () => {
    const pl = translator('pl', 'scan')
    const en = translator('en', 'scan')
    const check = { last: 3, expected: 7 }
    const named = scanAnswerWords('imeiCheckDigit', { ...check, partName: 'IMEI 2', partValue: '490154203237513' })
    expect(wordSentence(pl, named)).toBe('IMEI 2 490154203237513: Błędna cyfra kontrolna IMEI (jest 3, powinna być 7): zeskanuj ponownie')
    expect(wordSentence(en, named)).toBe('IMEI 2 490154203237513: IMEI check digit is wrong (ends in 3, should be 7): rescan')
    const numbered = scanAnswerWords('imeiCheckDigit', { ...check, partIndex: 2, partCount: 3 })
    expect(wordSentence(pl, numbered)).toBe('Część kodu 2 z 3: Błędna cyfra kontrolna IMEI (jest 3, powinna być 7): zeskanuj ponownie')
    expect(scanAnswerWords('imeiCheckDigit', check)).toEqual({ key: 'scan:answer.imeiCheckDigit', params: check })
  })
})
