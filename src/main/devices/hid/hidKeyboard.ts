// Scanners in keyboard emulation, read as HID reports (where the OS lets us
// open them): the 8-byte boot keyboard report — modifier byte, reserved byte,
// up to six key codes — turned back into characters with the US layout.
// A key counts when it is pressed, i.e. present now and absent in the
// previous report, so a repeated digit (press, release, press) is typed twice
// while a held key is typed once. Enter (or Tab) ends a scan.

const SHIFT = 0x02 | 0x20
const ENTER = 0x28
const KEYPAD_ENTER = 0x58
const TAB = 0x2b
/** HID "ErrorRollOver" and friends: not keys. */
const NOT_A_KEY = new Set([0x00, 0x01, 0x02, 0x03])
const MAX_SCAN = 1024

const DIGITS = '1234567890'
const SHIFTED_DIGITS = '!@#$%^&*()'
const PUNCTUATION: Record<number, [string, string]> = {
  0x2c: [' ', ' '],
  0x2d: ['-', '_'],
  0x2e: ['=', '+'],
  0x2f: ['[', '{'],
  0x30: [']', '}'],
  0x31: ['\\', '|'],
  0x33: [';', ':'],
  0x34: ["'", '"'],
  0x35: ['`', '~'],
  0x36: [',', '<'],
  0x37: ['.', '>'],
  0x38: ['/', '?'],
  0x54: ['/', '/'],
  0x55: ['*', '*'],
  0x56: ['-', '-'],
  0x57: ['+', '+'],
  0x63: ['.', '.']
}

/** The character a key code types, or null for keys that type none. */
export function keyToChar(code: number, shift: boolean): string | null {
  if (code >= 0x04 && code <= 0x1d) {
    const letter = String.fromCharCode(0x61 + code - 0x04)
    return shift ? letter.toUpperCase() : letter
  }
  if (code >= 0x1e && code <= 0x27) return (shift ? SHIFTED_DIGITS : DIGITS)[code - 0x1e]
  if (code >= 0x59 && code <= 0x62) return DIGITS[code - 0x59]
  const pair = PUNCTUATION[code]
  return pair ? pair[shift ? 1 : 0] : null
}

export type KeyboardScan = { text: string; keys: string }

export class KeyboardReportDecoder {
  private held = new Set<number>()
  private text = ''
  private keys: string[] = []

  /** @param reportId the report id in front of each report when the device numbers its reports (null: boot reports). */
  constructor(private readonly reportId: number | null = null) {}

  /** Feeds one report; returns the scans it completed (usually none or one). */
  push(report: Uint8Array): KeyboardScan[] {
    let bytes = report
    if (this.reportId !== null) {
      if (bytes[0] !== this.reportId) return []
      bytes = bytes.subarray(1)
    }
    if (bytes.length < 3) return []
    const shift = (bytes[0] & SHIFT) !== 0
    const now = [...bytes.subarray(2, 8)].filter((c) => !NOT_A_KEY.has(c))
    const pressed = now.filter((c) => !this.held.has(c))
    this.held = new Set(now)
    const scans: KeyboardScan[] = []
    for (const code of pressed) {
      if (code === ENTER || code === KEYPAD_ENTER || code === TAB) {
        this.keys.push(code === TAB ? '<TAB>' : '<Enter>')
        scans.push(this.end())
        continue
      }
      const char = keyToChar(code, shift)
      this.keys.push(
        char === null ? `<key 0x${code.toString(16).padStart(2, '0')}>` : shift && /[a-z]/i.test(char) ? `Shift+${char}` : char
      )
      if (char !== null) this.text += char
      if (this.text.length >= MAX_SCAN) scans.push(this.end())
    }
    return scans.filter((s) => s.text.length > 0)
  }

  private end(): KeyboardScan {
    const scan = { text: this.text, keys: this.keys.join(' ') }
    this.text = ''
    this.keys = []
    return scan
  }
}
