// Multi-serial codes (a 2D code holding several IMEIs, or a box label's
// DataMatrix): one scan, several serials separated by newline, comma,
// semicolon or the GS control character. Each part is then cleaned on its own.
import { cleanScan, type ScannerAffixes } from './serial'

const SEPARATORS = /[\r\n,;\u001d]+/

/** The serials in one scan, cleaned; an ordinary scan gives one part (a trailing CR/LF is not a second one). */
export function splitScan(raw: string, affixes?: ScannerAffixes): string[] {
  return raw
    .split(SEPARATORS)
    .map((part) => cleanScan(part, affixes))
    .filter((part) => part.length > 0)
}
