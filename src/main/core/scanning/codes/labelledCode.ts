// Labelled box codes (SPEC §5): the QR code on a phone box that names its
// parts, e.g. `IMEI1:<a>,IMEI2:<b>,S/N:R58M…`, `IMEI:<a>`, `IMEI 1: <a>`,
// `imei1 <a>`, `MEID:<m>`, any case, a colon or a space after the label,
// parts separated by newline, comma, semicolon, tab or GS (or by nothing but
// the next label, as a serial scanner's stream arrives once its line breaks
// are cleaned away). No library reads these vendor formats: written here.
import { compactPrintedImei, emptyRead, quoted, tidyValue, type CodeRead } from './codeText'

/** The labels the station knows; any other `Word:` part is kept as an extra under its own label. */
const KNOWN_LABEL = String.raw`IMEI\s*[12](?=\s*[:：=]|\s)|IMEI|MEID|S\/N|SN|SERIAL(?:\s*(?:NO\.?|NUMBER))?`
/** A code is labelled when it starts with a known label followed by a colon, or by a space and a value. */
const LABELLED_START = new RegExp(String.raw`^(?:${KNOWN_LABEL})\s*(?:[:：=]|\s+\S)`, 'i')
const SEPARATORS = /[\r\n,;\t\u001d]+/
/** Where a known label starts inside a part with no separator before it (`…3IMEI2:…`). */
const LABEL_AHEAD = new RegExp(String.raw`(?<![A-Za-z/])(?=(?:IMEI\s*[12]?|MEID|S\/N|SN)\s*[:：])`, 'i')
const KNOWN_PART = new RegExp(String.raw`^(${KNOWN_LABEL})\s*(?:[:：=]\s*|\s+)([^]*)$`, 'i')
const OTHER_PART = /^([A-Za-z][A-Za-z0-9 ./_-]{0,23}?)\s*[:：=]\s*([^]*)$/
const IMEI_SLOT = /^IMEI\s*([12]?)$/i
const SERIAL_LABEL = /^(?:S\/N|SN|SERIAL)/i

export const isLabelled = (text: string): boolean => LABELLED_START.test(text)

type Part = { label: string; value: string }

/** Reads a labelled code: its IMEIs are the serials; an S/N is the serial only when the code has no IMEI. */
export function readLabelled(text: string, symbology: string | null): CodeRead {
  const read = emptyRead('labelled', symbology)
  const imeis: (Part | undefined)[] = [undefined, undefined]
  let serialNumber: Part | undefined
  let meid: Part | undefined
  for (const chunk of text.split(SEPARATORS)) {
    for (const piece of chunk.split(LABEL_AHEAD)) {
      const raw = piece.trim()
      if (raw === '') continue
      const part = partOf(raw)
      if (!part) return { ...read, problem: `"${quoted(raw)}" has no label: a labelled code names every part (IMEI1:…, S/N:…)` }
      if (part.value === '') return { ...read, problem: `${part.label} has no value in this code` }
      const slot = IMEI_SLOT.exec(part.label)
      if (slot) {
        const i = slot[1] === '2' ? 1 : 0
        if (imeis[i]) return { ...read, problem: `${imeis[i]!.label} is twice in this code` }
        imeis[i] = { label: part.label, value: compactPrintedImei(part.value) }
      } else if (part.label === 'S/N' && !serialNumber) serialNumber = part
      else if (part.label === 'MEID' && !meid) meid = part
      else read.extras.push({ name: part.label, value: part.value })
    }
  }
  const [first, second] = imeis
  if (first && second) {
    read.serials.push({ name: 'IMEI 1', value: first.value }, { name: 'IMEI 2', value: second.value })
    read.oneDevice = true
  } else if (first || second) read.serials.push({ name: (first ?? second)!.label, value: (first ?? second)!.value })
  // The S/N and MEID are the serial only when the code carries no IMEI; otherwise they stay with the unit as extras.
  for (const other of [serialNumber, meid]) {
    if (!other) continue
    if (read.serials.length === 0) read.serials.push({ name: other.label, value: other.value })
    else read.extras.unshift({ name: other.label, value: other.value })
  }
  // A labelled code starts with a known label (isLabelled), so it always holds a serial by now.
  return read
}

/** One `label: value` part, the label in the station's words ("IMEI 1", "S/N", "MEID") and the value tidied. */
function partOf(raw: string): Part | null {
  const known = KNOWN_PART.exec(raw)
  if (known) return { label: canonicalLabel(known[1]), value: tidyValue(known[2]) }
  const other = OTHER_PART.exec(raw)
  return other ? { label: other[1].trim(), value: tidyValue(other[2]) } : null
}

function canonicalLabel(label: string): string {
  const slot = IMEI_SLOT.exec(label)
  if (slot) return slot[1] ? `IMEI ${slot[1]}` : 'IMEI'
  return SERIAL_LABEL.test(label) ? 'S/N' : 'MEID'
}
