// The shift report PDF writes its dates, times and numbers the way the station's language does (a Polish
// report reads "21.11.2026, 00:00 CET" and "12 345", an English one stays "2026-11-21 00:00 CET" and
// "12,345"), read back through poppler's pdftotext; and the wording the board and the report share.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { shiftReportPdf } from '../../src/main/core/reports/pdf'
import { shiftReportCsv } from '../../src/main/core/reports/csv'
import { translator } from '../../src/main/core/i18n/catalogue'
import { bucketLabel, figureText, labelKindName, refusalClassNames } from '../../src/shared/reportFormat'
import type { ShiftFigures } from '../../src/shared/reports'
import type { Language } from '../../src/shared/i18n/languages'
import { cleanup, makeDataDir } from '../core/helpers'
import { inWarsawTime } from './shiftWorld'

inWarsawTime()
afterEach(cleanup)

/** A busy shift in Warsaw (CET, UTC+1): big counts, a fractional pace, a refusal and a print failure with times. */
const figures = (over: Partial<ShiftFigures> = {}): ShiftFigures => ({
  from: '2026-11-29T23:00:00.000Z',
  to: '2026-11-30T23:00:00.000Z',
  generatedAt: '2026-11-30T16:45:00.000Z',
  operator: null,
  bucket: 'hour',
  orders: { packed: 1204, shipped: 3, inProgress: 2, onHold: 0, waiting: 7 },
  units: {
    total: 12345,
    buckets: [
      { start: '2026-11-30T07:00:00.000Z', units: 6000, previous: 5000 },
      { start: '2026-11-30T08:00:00.000Z', units: 6345, previous: 4000 }
    ]
  },
  operators: [{ operatorId: 2, name: 'Marek Nowak', units: 12345, unitsPerHour: 617.5, secondsPerUnit: 5.8 }],
  refusals: [
    {
      class: 'duplicate',
      count: 1,
      last: [{ at: '2026-11-30T13:05:00.000Z', orderNumber: 'SO-7', operatorName: 'Marek Nowak', input: 'x', message: 'Duplicate' }]
    }
  ],
  boxesConfirmed: 2500,
  printFailures: {
    count: 1,
    last: [{ at: '2026-11-30T14:10:00.000Z', kind: 'box_label', orderNumber: 'SO-8', printer: 'Zebra', error: 'Media out' }]
  },
  outbox: { waiting: 0, rejected: 0 },
  blocked: [],
  ...over
})

async function pdfText(f: ShiftFigures, language: Language): Promise<string> {
  const path = join(makeDataDir(), `report-${language}.pdf`)
  writeFileSync(path, (await shiftReportPdf(f, 'ST-1', language)).pdf)
  // pdftotext writes the no-break space of Polish groups as it is; read any space alike.
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ')
}

describe('the shift report PDF in the station language', () => {
  it('Polish: dates, times and numbers the Polish way', async () => {
    const text = await pdfText(figures(), 'pl')
    expect(text).toContain('Od 30.11.2026, 00:00 CET')
    expect(text).toContain('Do 01.12.2026, 00:00 CET')
    expect(text).toContain('Wygenerowano 30.11.2026, 17:45 CET')
    expect(text).toMatch(/Marek Nowak\s+12 345\s+617,5\s+5,8/)
    expect(text).toContain('30.11.2026, 14:05 CET')
    expect(text).toMatch(/30\.11\.2026, 15:10 CET\s+Etykieta kartonu/)
    expect(text).toContain('2500')
    expect(text).not.toMatch(/2026-11-30|12,345|617\.5|box_label/)
  })

  it('English: unchanged, the sortable station time and English groups', async () => {
    const text = await pdfText(figures(), 'en')
    expect(text).toContain('From 2026-11-30 00:00 CET')
    expect(text).toContain('Generated 2026-11-30 17:45 CET')
    expect(text).toMatch(/Marek Nowak\s+12,345\s+617\.5\s+5\.8/)
    expect(text).toMatch(/2026-11-30 15:10 CET\s+Box label/)
    expect(text).toContain('2,500')
    expect(text).not.toMatch(/30\.11\.2026/)
  })

  it('a long message runs onto further lines of its cell; a runaway one stops at four, with "…"', async () => {
    const sentence = 'Wrong model: 353026110000013 is Phone B 64GB, and this line of order SO-7 wants Product PHONE-A in grade A'
    const runaway = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')
    const text = await pdfText(
      figures({
        refusals: [
          {
            class: 'wrong_item',
            count: 1,
            last: [{ at: '2026-11-30T13:05:00.000Z', orderNumber: 'SO-7', operatorName: 'Marek Nowak', input: 'x', message: sentence }]
          }
        ],
        printFailures: {
          count: 1,
          last: [{ at: '2026-11-30T14:10:00.000Z', kind: 'box_label', orderNumber: 'SO-8', printer: 'Zebra', error: runaway }]
        }
      }),
      'en'
    )
    // Every word of the sentence, in order, line after line of its cell (cut to one line, it lost its end).
    const escaped = sentence.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    expect(text).toMatch(new RegExp(escaped.join('\\s+')))
    expect(text).toContain('word0')
    expect(text).toContain('…')
    expect(text).not.toContain('word39')
  })

  it('a range of days labels its bars with the day, in the language', async () => {
    const days = figures({
      bucket: 'day',
      units: {
        total: 3,
        buckets: [
          { start: '2026-11-28T23:00:00.000Z', units: 1, previous: null },
          { start: '2026-11-29T23:00:00.000Z', units: 2, previous: null }
        ]
      }
    })
    expect(await pdfText(days, 'pl')).toContain('30.11.2026')
    expect(await pdfText(days, 'en')).toContain('2026-11-30')
  })

  it('the CSV stays for spreadsheets in every language: sortable times, plain numbers', () => {
    const csv = shiftReportCsv(figures(), 'ST-1', 'pl')
    expect(csv).toContain('Od,2026-11-30 00:00 CET')
    expect(csv).toContain('Marek Nowak,12345,617.5,5.8')
    expect(csv).toContain('Etykieta kartonu')
  })
})

describe('the wording the board and the report share (src/shared/reportFormat.ts)', () => {
  it('refusal classes and label kinds from either namespace, in either language', () => {
    expect(refusalClassNames(translator('pl', 'reports')).duplicate).toBe('Duplikat')
    expect(refusalClassNames(translator('pl', 'shiftBoard')).hand_entry).toBe('Wpisane ręcznie')
    expect(refusalClassNames(translator('en', 'shiftBoard')).over_scan).toBe('Over-scan')
    expect(labelKindName(translator('pl', 'shiftBoard'), 'packing_slip')).toBe('Lista pakowa')
    expect(labelKindName(translator('en', 'reports'), 'shipping_label')).toBe('Shipping label')
    expect(labelKindName(translator('en', 'reports'), 'pallet_label')).toBe('pallet_label')
  })

  it('figures and bar labels', () => {
    expect(figureText(12345.5, 'pl', '—')).toBe('12\u00a0345,5')
    expect(figureText(12345.5, 'en', '—')).toBe('12,345.5')
    expect(figureText(null, 'pl', '—')).toBe('—')
    expect(bucketLabel('2026-11-30T13:00:00.000Z', 'hour', 'pl')).toBe('14')
    expect(bucketLabel('2026-11-30T13:00:00.000Z', 'day', 'pl', { withYear: false })).toBe('30.11')
    expect(bucketLabel('2026-11-30T13:00:00.000Z', 'day', 'en', { withYear: false })).toBe('11-30')
    expect(bucketLabel('2026-11-30T13:00:00.000Z', 'day', 'en')).toBe('2026-11-30')
  })
})
