// GS1 element strings (SPEC §5): a GS1 DataMatrix, GS1 QR or GS1-128 on a
// phone box, as the scanner sends it (`]d2` + `01<GTIN>21<serial><GS>10<lot>`),
// without the AIM identifier, or typed in its human-readable form
// `(01)<GTIN>(21)<serial>`. AI 21 is the serial; AI 01 the GTIN, its check
// digit checked; every other element is kept as an extra part.
//
// The element string itself is cut by gs1-barcode-parser-mod: it knows the
// 226 application identifiers with their fixed and variable lengths, the GS
// (FNC1) separator, the AIM identifiers and the bracketed form. It does not
// check a GTIN's check digit, so gtinCheckDigit (gtin.ts) does.
import { parseBarcode, type ParsedElement } from 'gs1-barcode-parser-mod'
import { emptyRead, quoted, tidyValue, unreadable, type CodeRead } from './codeText'
import { gtinCheckDigit } from './gtin'

/** AIM identifiers that announce GS1 data: GS1-128, GS1 DataBar, GS1 DataMatrix, GS1 QR, GS1 DotCode. */
export const GS1_SYMBOLOGIES = new Set([']C1', ']e0', ']d2', ']Q3', ']J1'])
/** The bracketed human-readable form starts with an AI in parentheses. */
const BRACKETED = /^\(\d{2,4}\)/
/** Without an AIM identifier or brackets: a GTIN element (01 + 14 digits) followed by more elements. */
const BARE_ELEMENTS = /^01\d{16}/
const GS1_NOISE = /[\p{Zs}\r\n\t]/gu

/** The names extra elements go by on screen and in IMEI history; other AIs keep the standard's title. */
const PART_NAMES: Record<string, string> = {
  '10': 'Lot',
  '11': 'Production date',
  '17': 'Expiry date',
  '22': 'Variant',
  '240': 'Additional product id',
  '241': 'Customer part number',
  '250': 'Secondary serial',
  '30': 'Count'
}

/** How sure the reader is that a code is GS1: by its form (refuse what does not parse), or only by its AIM identifier. */
export function gs1Form(text: string, symbology: string | null): 'certain' | 'announced' | null {
  if (BRACKETED.test(text) || BARE_ELEMENTS.test(text)) return 'certain'
  return symbology !== null && GS1_SYMBOLOGIES.has(symbology) ? 'announced' : null
}

/**
 * Reads a GS1 element string. Returns null when a code only announced as GS1 (some scanners send `]C1` before
 * every Code 128) holds no GTIN or serial element: it is then read as a plain code.
 */
export function readGs1(text: string, symbology: string | null, form: 'certain' | 'announced'): CodeRead | null {
  let elements: ParsedElement[]
  try {
    elements = parseBarcode(text.replace(GS1_NOISE, '')).parsedCodeItems
  } catch (reason) {
    return form === 'announced' ? null : unreadable('gs1', symbology, `GS1 code not readable: ${String(reason)}`)
  }
  if (form === 'announced' && !elements.some((e) => e.ai === '01' || e.ai === '21')) return null
  const read = emptyRead('gs1', symbology)
  for (const element of elements) {
    const value = tidyValue(element.raw)
    if (element.ai === '21') {
      if (read.serials.length > 0) return { ...read, problem: 'This GS1 code holds two serials (21): scan one device at a time' }
      if (value === '') return { ...read, problem: 'The serial (21) of this GS1 code is empty' }
      read.serials.push({ name: 'Serial (21)', value })
    } else if (element.ai === '01') {
      const expected = gtinCheckDigit(value)
      if (expected !== Number(value[value.length - 1]))
        return { ...read, problem: `GTIN ${quoted(value)}: check digit should be ${expected}; rescan the code` }
      read.gtin = value
      read.extras.push({ name: 'GTIN', value })
    } else {
      read.extras.push({ name: `${PART_NAMES[element.ai] ?? titleCase(element.dataTitle)} (${element.ai})`, value })
    }
  }
  if (read.serials.length === 0) return { ...read, problem: 'This GS1 code holds no serial (21): scan the IMEI or serial barcode' }
  return read
}

const titleCase = (title: string): string => title.charAt(0) + title.slice(1).toLowerCase()
