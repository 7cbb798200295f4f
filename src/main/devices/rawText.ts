// The "raw" of a scan for people: printable ASCII as is, everything else
// named (<CR>, <LF>, <GS>) or as a hex byte (<0xFF>), so the Test scan area
// shows exactly what the scanner sent, terminators and garbage included.

const NAMED: Record<number, string> = {
  0x00: '<NUL>',
  0x02: '<STX>',
  0x03: '<ETX>',
  0x04: '<EOT>',
  0x09: '<TAB>',
  0x0a: '<LF>',
  0x0d: '<CR>',
  0x1b: '<ESC>',
  0x1d: '<GS>',
  0x1e: '<RS>'
}

/** At most this many characters of rendering; longer input ends in "…". */
export const MAX_RAW_LENGTH = 1000

export function renderRaw(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) {
    out += b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : (NAMED[b] ?? `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`)
    if (out.length > MAX_RAW_LENGTH) return `${out.slice(0, MAX_RAW_LENGTH)}…`
  }
  return out
}

/** Bytes to text one byte per character (Latin-1): a garbage byte stays visible, and the core refuses it by name. */
export const bytesToText = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')

/** The same rendering for typed text (the keyboard-wedge test field); characters beyond Latin-1 as <U+XXXX>. */
export function renderTyped(text: string): string {
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0)!
    out += code <= 0xff ? renderRaw(Uint8Array.of(code)) : `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`
    if (out.length > MAX_RAW_LENGTH) return `${out.slice(0, MAX_RAW_LENGTH)}…`
  }
  return out
}
