// The scan parser (SPEC §5): what a scanner sent, read for the serial(s) it
// carries before any of them is checked. In this order:
//  - a GS1 element string (AIM `]d2`/`]C1`/`]Q3`, bracketed `(01)…(21)…`, or
//    bare `01<GTIN>21…`): gs1Code.ts;
//  - a labelled box code (`IMEI1:… IMEI2:… S/N:…`): labelledCode.ts;
//  - otherwise a plain code: one serial, or several separated by newline,
//    comma, semicolon, tab or GS (splitScan), a printed IMEI typed with dashes
//    or dots read as its digits.
// A format or bidi character (Unicode Cf) is never stripped: a labelled or
// GS1 code holding one is refused whole, naming the character; a plain code
// keeps it, so the serial checks refuse the part that holds it.
import { cleanScan, formatCharacterRefusal, type ScannerAffixes } from '../serial'
import { splitScan } from '../splitScan'
import { compactPrintedImei, unreadable, type CodeRead } from './codeText'
import { gs1Form, readGs1 } from './gs1Code'
import { isLabelled, readLabelled } from './labelledCode'

export type { CodePart, CodeRead, NamedSerial } from './codeText'

const NO_AFFIXES: ScannerAffixes = { prefixes: [], suffixes: [] }
/** Scanner noise at either end: control characters (the suffix CR/LF, a stray NUL) and white space. */
const EDGE_NOISE = /^[\p{Cc}\p{Z}]+|[\p{Cc}\p{Z}]+$/gu

/** A scan without the noise at its edges (a trailing CR/LF, padding); separators inside it are the code's own. */
export const trimScanEdges = (raw: string): string => raw.replace(EDGE_NOISE, '')
const AIM_ID = /^\][A-Za-z][0-9A-Za-z]/
const FORMAT_CHARS = /\p{Cf}/gu
/** A code of one part with no label: the common scan, read without splitting. */
const SEPARATOR = /[\r\n,;\t\u001d]/

/** Reads a scan; a `problem` refuses it before any serial is checked. */
export function readCode(raw: string, affixes: ScannerAffixes = NO_AFFIXES): CodeRead {
  const { text, symbology } = outline(raw, affixes)
  const hidden = formatCharacterRefusal(text)
  if (hidden && !hidden.ok) {
    // Told apart without the format characters, so none can hide a label or a GS1 element; refused as a whole code.
    const visible = text.replace(FORMAT_CHARS, '')
    if (gs1Form(visible, symbology) === 'certain') return unreadable('gs1', symbology, hidden.message)
    if (isLabelled(visible)) return unreadable('labelled', symbology, hidden.message)
    return readPlain(raw, affixes, symbology)
  }
  const form = gs1Form(text, symbology)
  const gs1 = form && readGs1(text, symbology, form)
  if (gs1) return gs1
  if (isLabelled(text)) return readLabelled(text, symbology)
  return readPlain(raw, affixes, symbology)
}

/** The scan without the configured prefix and suffix and the AIM symbology identifier, which it reports. */
function outline(raw: string, affixes: ScannerAffixes): { text: string; symbology: string | null } {
  let s = trimScanEdges(raw)
  for (const prefix of affixes.prefixes) if (prefix && s.startsWith(prefix)) s = s.slice(prefix.length)
  for (const suffix of affixes.suffixes) if (suffix && s.endsWith(suffix)) s = s.slice(0, -suffix.length)
  const aim = AIM_ID.exec(s)
  return aim ? { text: s.slice(aim[0].length).replace(EDGE_NOISE, ''), symbology: aim[0] } : { text: s, symbology: null }
}

/** One serial, or several unlabelled ones; cleaned as splitScan always has. */
function readPlain(raw: string, affixes: ScannerAffixes, symbology: string | null): CodeRead {
  const values = SEPARATOR.test(raw.replace(EDGE_NOISE, '')) ? splitScan(raw, affixes) : [cleanScan(raw, affixes)]
  const serials = values.filter((v) => v.length > 0).map((v) => ({ name: null, value: compactPrintedImei(v) }))
  return {
    format: serials.length > 1 ? 'list' : 'plain',
    symbology,
    serials,
    oneDevice: false,
    gtin: null,
    extras: [],
    problem: null
  }
}
