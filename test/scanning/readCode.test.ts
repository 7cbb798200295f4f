// The scan parser over the codes printed on real phone boxes: what each
// vendor format reads as, and what is refused before any serial is checked.
import { describe, expect, it } from 'vitest'
import { readCode, type CodeRead } from '../../src/main/core/scanning/codes/readCode'
import { gtin14, gtinCheckDigit, isGtin } from '../../src/main/core/scanning/codes/gtin'
import { imei } from '../core/helpers'

const A = imei('35578824311685') // 355788243116853
const B = imei('35578824311686')
const GS = '\u001d'
/** A GTIN-14 with a good check digit, and the same with a wrong one. */
const GTIN = '09501101530003'
const BAD_GTIN = '09501101530004'

type Expected = Partial<Omit<CodeRead, 'serials'>> & { serials?: [string | null, string][] }

const read = (raw: string) => {
  const r = readCode(raw)
  return { ...r, serials: r.serials.map((s) => [s.name, s.value] as [string | null, string]) }
}

describe('readCode: what a scan carries', () => {
  it.each<[string, string, Expected]>([
    // Plain codes: what splitScan always read.
    ['a plain IMEI with the scanner suffix', `${A}\r\n`, { format: 'plain', serials: [[null, A]], extras: [], problem: null }],
    ['an AIM identifier in front of a plain IMEI (Code 128)', `]C0${A}`, { format: 'plain', symbology: ']C0', serials: [[null, A]] }],
    ['a GS1 AIM in front of a bare IMEI (a scanner set to send ]C1 always)', `]C1${A}`, { format: 'plain', serials: [[null, A]] }],
    [
      'newline separated',
      `${A}\n${B}`,
      {
        format: 'list',
        serials: [
          [null, A],
          [null, B]
        ]
      }
    ],
    [
      'comma separated',
      `${A},${B}`,
      {
        format: 'list',
        serials: [
          [null, A],
          [null, B]
        ]
      }
    ],
    [
      'semicolon and tab',
      `${A};\t${B}`,
      {
        format: 'list',
        serials: [
          [null, A],
          [null, B]
        ]
      }
    ],
    [
      'GS separated',
      `${A}${GS}${B}`,
      {
        format: 'list',
        serials: [
          [null, A],
          [null, B]
        ]
      }
    ],
    // Printed IMEIs typed by hand.
    ['typed with dashes', '35-578824-311685-3', { format: 'plain', serials: [[null, A]] }],
    ['typed with spaces', '35 578824 311685 3', { format: 'plain', serials: [[null, A]] }],
    ['typed with dots', '35.578824.311685.3', { format: 'plain', serials: [[null, A]] }],
    ['a serial number with a dash stays as it is', 'AB-1234', { format: 'plain', serials: [[null, 'AB-1234']] }],
    ['digits with dashes that are no IMEI stay as they are', '12-34', { serials: [[null, '12-34']] }],
    // Labelled box codes.
    [
      'Samsung box QR: IMEI1, IMEI2 and S/N',
      `IMEI1:${A},IMEI2:${B},S/N:R58M12ABCDE`,
      {
        format: 'labelled',
        serials: [
          ['IMEI 1', A],
          ['IMEI 2', B]
        ],
        oneDevice: true,
        extras: [{ name: 'S/N', value: 'R58M12ABCDE' }],
        problem: null
      }
    ],
    ['IMEI and S/N on a single-IMEI box', `IMEI:${A},S/N:R58M12ABCDE`, { serials: [['IMEI', A]], oneDevice: false }],
    [
      '"IMEI 1:" with a space, newline separated',
      `IMEI 1: ${A}\nIMEI 2: ${B}`,
      {
        serials: [
          ['IMEI 1', A],
          ['IMEI 2', B]
        ]
      }
    ],
    [
      'lower case labels',
      `imei1:${A};imei2:${B}`,
      {
        serials: [
          ['IMEI 1', A],
          ['IMEI 2', B]
        ]
      }
    ],
    [
      'a space instead of a colon',
      `IMEI1 ${A}\tIMEI2 ${B}`,
      {
        serials: [
          ['IMEI 1', A],
          ['IMEI 2', B]
        ]
      }
    ],
    [
      'GS between labelled parts',
      `IMEI1:${A}${GS}IMEI2:${B}${GS}SN:R58M1`,
      {
        serials: [
          ['IMEI 1', A],
          ['IMEI 2', B]
        ],
        extras: [{ name: 'S/N', value: 'R58M1' }]
      }
    ],
    [
      'no separator at all (a serial scanner stream, line breaks cleaned)',
      `IMEI1:${A}IMEI2:${B}S/N:R58M1`,
      {
        serials: [
          ['IMEI 1', A],
          ['IMEI 2', B]
        ]
      }
    ],
    ['a labelled IMEI typed with dashes', 'IMEI: 35-578824-311685-3', { serials: [['IMEI', A]] }],
    ['S/N alone is the serial', 'S/N: R58M12ABCDE', { serials: [['S/N', 'R58M12ABCDE']] }],
    ['SN with a space', 'SN R58M12ABCDE', { serials: [['S/N', 'R58M12ABCDE']] }],
    [
      'MEID beside the IMEI is kept',
      `IMEI:${A},MEID:A1000049A2B3C4`,
      { serials: [['IMEI', A]], extras: [{ name: 'MEID', value: 'A1000049A2B3C4' }] }
    ],
    ['other labelled parts are kept under their label', `IMEI:${A},Model:SM-S901B`, { extras: [{ name: 'Model', value: 'SM-S901B' }] }],
    // GS1 element strings.
    [
      'GS1 DataMatrix with AIM ]d2, GS before the lot',
      `]d201${GTIN}21${A}${GS}10LOT42`,
      {
        format: 'gs1',
        symbology: ']d2',
        serials: [['Serial (21)', A]],
        gtin: GTIN,
        extras: [
          { name: 'GTIN', value: GTIN },
          { name: 'Lot (10)', value: 'LOT42' }
        ],
        problem: null
      }
    ],
    [
      'GS1 without an AIM identifier',
      `01${GTIN}21${A}${GS}10LOT42`,
      { format: 'gs1', symbology: null, serials: [['Serial (21)', A]], gtin: GTIN }
    ],
    ['GS1 QR (]Q3)', `]Q301${GTIN}21${A}`, { format: 'gs1', symbology: ']Q3', serials: [['Serial (21)', A]] }],
    ['GS1-128 (]C1) with a serial number', `]C101${GTIN}21R58M12ABCDE`, { format: 'gs1', serials: [['Serial (21)', 'R58M12ABCDE']] }],
    ['bracketed human-readable form', `(01)${GTIN}(21)${A}`, { format: 'gs1', serials: [['Serial (21)', A]], gtin: GTIN }],
    [
      'bracketed, typed with spaces',
      `(01) ${GTIN} (21) ${A} (10) L7`,
      {
        serials: [['Serial (21)', A]],
        extras: [
          { name: 'GTIN', value: GTIN },
          { name: 'Lot (10)', value: 'L7' }
        ]
      }
    ],
    [
      'an expiry date is kept as printed',
      `(01)${GTIN}(17)261231(21)${A}`,
      {
        extras: [
          { name: 'GTIN', value: GTIN },
          { name: 'Expiry date (17)', value: '261231' }
        ]
      }
    ]
  ])('%s', (_name, raw, expected) => {
    expect(read(raw)).toMatchObject(expected)
  })
})

describe('readCode: refused before any serial is checked', () => {
  it.each<[string, string, string | RegExp]>([
    ['a bad GTIN check digit (GS1 with AIM)', `]d201${BAD_GTIN}21${A}`, `GTIN ${BAD_GTIN}: check digit should be 3; rescan the code`],
    ['a bad GTIN check digit (bracketed)', `(01)${BAD_GTIN}(21)${A}`, /^GTIN 09501101530004: check digit should be 3/],
    ['a GS1 code without a serial (21)', `(01)${GTIN}(10)LOT42`, 'This GS1 code holds no serial (21): scan the IMEI or serial barcode'],
    ['a GS1 code with an empty serial', `(01)${GTIN}(21)`, 'The serial (21) of this GS1 code is empty'],
    ['a truncated GTIN', `(01)0950110153000(21)${A}`, /^GS1 code not readable: truncated fixed length element/],
    ['an unlabelled part in a labelled code', `IMEI1:${A},${B}`, /^"355788243116861" has no label/],
    ['a label without a value', `IMEI1:${A},IMEI2:`, 'IMEI 2 has no value in this code'],
    ['the same IMEI label twice', `IMEI1:${A},IMEI 1:${B}`, 'IMEI 1 is twice in this code']
  ])('%s', (_name, raw, problem) => {
    const r = readCode(raw)
    if (typeof problem === 'string') expect(r.problem).toBe(problem)
    else expect(r.problem).toMatch(problem)
  })

  it('a bad IMEI inside each format is read as it is, for the serial checks to refuse by its name', () => {
    const bad = A.slice(0, 14) + '4'
    expect(read(`IMEI1:${A},IMEI2:${bad}`).serials).toEqual([
      ['IMEI 1', A],
      ['IMEI 2', bad]
    ])
    expect(read(`]d201${GTIN}21${bad}`).serials).toEqual([['Serial (21)', bad]])
    expect(read(`${A}\n${bad}`).serials).toEqual([
      [null, A],
      [null, bad]
    ])
    expect(read('35-578824-311685-4').serials).toEqual([[null, bad]])
  })

  it.each([
    ['RLO inside a labelled IMEI', `IMEI1:\u202e${A},IMEI2:${B}`, 'U+202E (a hidden text-direction character)'],
    ['RLO in the label itself', `IM\u202eEI1:${A}`, 'U+202E (a hidden text-direction character)'],
    ['zero-width space in a GS1 serial', `]d201${GTIN}21\u200b${A}`, 'U+200B (a hidden formatting character)'],
    ['BOM in a bracketed GS1 code', `\ufeff(01)${GTIN}(21)${A}`, 'U+FEFF (a hidden formatting character)'],
    ['soft hyphen inside the GTIN', `(01)0950110\u00ad1530003(21)${A}`, 'U+00AD (a hidden formatting character)']
  ])('a format or bidi character refuses a labelled or GS1 code whole: %s', (_name, raw, named) => {
    expect(readCode(raw)).toMatchObject({ serials: [], problem: `Scan contains ${named}: rescan the label` })
  })

  it.each([
    ['LRM in a typed IMEI', `35-578824\u200e-311685-3`, '\u200e'],
    ['RLO around a plain IMEI', `\u202e${A}\u202c`, '\u202e'],
    ['ZWSP in one part of a list', `${A}\n\u200b${B}`, '\u200b']
  ])('a format or bidi character in a plain code is kept, never stripped, for the serial check to refuse: %s', (_name, raw, char) => {
    const r = readCode(raw)
    expect(r.problem).toBeNull()
    expect(r.serials.some((s) => s.value.includes(char))).toBe(true)
  })

  it('strips the configured prefix and suffix around any format', () => {
    const affixes = { prefixes: ['PFX'], suffixes: ['#END'] }
    expect(readCode(`PFX]d201${GTIN}21${A}#END\r\n`, affixes)).toMatchObject({ format: 'gs1', serials: [{ value: A }] })
    expect(readCode(`PFXIMEI1:${A},IMEI2:${B}#END`, affixes)).toMatchObject({ format: 'labelled', oneDevice: true })
    expect(readCode(`PFX${A}#END`, affixes)).toMatchObject({ format: 'plain', serials: [{ value: A }] })
  })
})

describe('gtinCheckDigit', () => {
  it.each([
    ['09501101530003', 3],
    ['4006381333931', 1],
    ['036000291452', 2],
    ['96385074', 4]
  ])('%s → %i', (gtin, digit) => {
    expect(gtinCheckDigit(gtin)).toBe(digit)
    expect(isGtin(gtin)).toBe(true)
    expect(gtin14(gtin)).toHaveLength(14)
    expect(isGtin(gtin14(gtin))).toBe(true)
  })

  it.each(['09501101530004', '0950110153000', '12345', 'ABCDEFGHIJKLM'])('%s is no GTIN', (value) => {
    expect(isGtin(value)).toBe(false)
  })
})
