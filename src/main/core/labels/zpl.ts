// A small ZPL II writer for thermal printers: positions in points (the PDF
// layout's unit) turned into dots at 203 or 300 dpi; text in UTF-8 (^CI28)
// with every byte outside plain ASCII sent as a ^FH hex escape; text that
// does not fit its box is shrunk, then cut, never printed past the box.
import { dots } from './sizes'

export type Align = 'L' | 'C' | 'R'

/** Printer font 0 is proportional; 0.6 × height is a safe upper bound of its mean character width. */
const CHAR_WIDTH = 0.6

/** ^FH escaping: `_` + two hex digits for every byte that is not safe printable ASCII (and for ^ ~ _ \ themselves). */
export function zplEscape(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code >= 0x20 && code <= 0x7e && !'^~_\\'.includes(ch)) out += ch
    else for (const byte of Buffer.from(ch, 'utf8')) out += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/** Greedy word wrap by estimated width. */
function estimateLines(text: string, charsPerLine: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let w = word
      while (w.length > charsPerLine) {
        if (line) lines.push(line)
        lines.push(w.slice(0, charsPerLine))
        w = w.slice(charsPerLine)
        line = ''
      }
      if (!line) line = w
      else if (line.length + 1 + w.length <= charsPerLine) line += ` ${w}`
      else {
        lines.push(line)
        line = w
      }
    }
    lines.push(line)
  }
  return lines
}

export class ZplLabel {
  private readonly fields: string[] = []

  constructor(
    readonly width: number,
    readonly height: number,
    readonly dpi: number
  ) {}

  d(points: number): number {
    return dots(points, this.dpi)
  }

  /** Text in a box: wrapped (^FB), shrunk from `size` to `minSize` points until it fits, then cut. */
  text(
    text: string,
    box: { x: number; y: number; width: number; height: number },
    style: { size: number; minSize?: number; align?: Align; reverse?: boolean }
  ): void {
    const min = style.minSize ?? style.size
    let size = Math.min(style.size, box.height)
    const linesAt = (s: number) => estimateLines(text, Math.max(1, Math.floor(box.width / (s * CHAR_WIDTH))))
    let lines = linesAt(size)
    while (size > min && lines.length * size > box.height) {
      size = Math.max(min, size - 0.5)
      lines = linesAt(size)
    }
    const room = Math.max(1, Math.floor(box.height / size))
    if (lines.length > room) {
      lines = lines.slice(0, room)
      lines[room - 1] = `${lines[room - 1].slice(0, -1)}…`
    }
    const h = this.d(size)
    this.fields.push(
      `^FO${this.d(box.x)},${this.d(box.y)}^A0N,${h},${h}^FB${this.d(box.width)},${lines.length},0,${style.align ?? 'L'}^FH${style.reverse ? '^FR' : ''}^FD${zplEscape(lines.join('\n')).replace(/_0A/g, '\\&')}^FS`
    )
  }

  /** A horizontal rule, or a filled box when `thickness` equals the height. */
  box(x: number, y: number, width: number, height: number, thickness = height): void {
    this.fields.push(`^FO${this.d(x)},${this.d(y)}^GB${this.d(width)},${this.d(height)},${Math.max(1, this.d(thickness))}^FS`)
  }

  /** Code 128, automatic subsets (the printer picks C for digit pairs); no interpretation line. */
  code128(data: string, x: number, y: number, moduleDots: number, heightPoints: number): void {
    this.fields.push(`^FO${this.d(x)},${this.d(y)}^BY${moduleDots}^BCN,${this.d(heightPoints)},N,N,N,A^FH^FD${zplEscape(data)}^FS`)
  }

  /** GS1-128 of an SSCC: start C, FNC1, AI 00, the 18 digits. */
  sscc128(sscc: string, x: number, y: number, moduleDots: number, heightPoints: number): void {
    this.fields.push(`^FO${this.d(x)},${this.d(y)}^BY${moduleDots}^BCN,${this.d(heightPoints)},N,N,N,N^FD>;>800${sscc}^FS`)
  }

  /** QR code, manual input: digit runs as numeric segments, the rest as bytes (newlines included). */
  qr(serials: string[], separator: string, x: number, y: number, magnification: number, eclevel: 'M' | 'L'): void {
    const segments: string[] = []
    serials.forEach((serial, i) => {
      if (i > 0) segments.push(byteSegment(separator))
      segments.push(/^\d+$/.test(serial) ? `N${serial}` : byteSegment(serial))
    })
    this.fields.push(`^FO${this.d(x)},${this.d(y)}^BQN,2,${magnification},${eclevel},7^FH^FD${eclevel}M,${segments.join(',')}^FS`)
  }

  toString(): string {
    return ['^XA', '^CI28', `^PW${this.d(this.width)}`, `^LL${this.d(this.height)}`, '^LH0,0', ...this.fields, '^PQ1', '^XZ'].join('\n')
  }
}

function byteSegment(text: string): string {
  const bytes = Buffer.byteLength(text, 'utf8')
  return `B${String(bytes).padStart(4, '0')}${zplEscape(text)}`
}
