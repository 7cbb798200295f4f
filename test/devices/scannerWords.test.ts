// The scanners' status sentences travel as catalogue words: worded in English they are the sentences the
// station always said (logs, e2e), and a Polish station words them in Polish.
import { describe, expect, it } from 'vitest'
import { mainCatalogue } from '../../src/main/core/i18n/catalogue'
import { english } from '../../src/main/core/errors'
import { waitingWords } from '../../src/main/devices/deviceWords'
import { describeHidError, hidDriver } from '../../src/main/devices/hid/hidScanner'
import { describeSerialError } from '../../src/main/devices/serial/serialErrors'
import { serialDriver } from '../../src/main/devices/serial/serialScanner'
import { wordSentence, type Words } from '../../src/shared/words'

const polish = (words: Words) => wordSentence(mainCatalogue().getFixedT('pl'), words)
const serial = (suffix: 'cr' | 'timeout') =>
  serialDriver(
    {
      device: { path: '/dev/ttyACM0', vendorId: '0c2e', productId: '0b61', serialNumber: null },
      baudRate: 9600,
      suffix,
      interByteTimeoutMs: 50
    },
    () => {}
  )
const hid = hidDriver(
  { device: { path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b61, serialNumber: null, usagePage: 0x8c }, mode: 'pos' },
  () => {}
)

describe('scanner status words', () => {
  it.each([
    [serial('cr').describeConnected('/dev/ttyACM0'), 'Connected: USB 0c2e:0b61 on /dev/ttyACM0, 9600 baud, scans end with CR'],
    [serial('timeout').describeConnected('/dev/ttyACM0'), 'Connected: USB 0c2e:0b61 on /dev/ttyACM0, 9600 baud, scans end with a pause'],
    [hid.describeConnected('/dev/hidraw3'), 'Connected: HID 0c2e:0b61, HID POS barcode reports'],
    [waitingWords('/dev/x', null), 'Waiting for /dev/x: plug the scanner in, it reconnects by itself'],
    [
      waitingWords('/dev/x', 'moved to another port'),
      'Waiting for /dev/x (moved to another port): plug the scanner in, it reconnects by itself'
    ],
    [waitingWords('/dev/x', 'port error: EIO'), 'Waiting for /dev/x (port error: EIO): plug the scanner in, it reconnects by itself'],
    [describeSerialError(new Error('Error: Inappropriate ioctl'), '/dev/x', 'linux'), 'Cannot use /dev/x: Inappropriate ioctl. Retrying.'],
    [
      describeSerialError(new Error('EACCES'), '/dev/x', 'linux'),
      'Permission denied on /dev/x. Add this user to the dialout group (sudo usermod -aG dialout $USER, then log out and in) or install the udev rule resources/udev/60-packing-station-scanners.rules. Retrying.'
    ],
    [
      describeHidError(new Error('busy'), 'HID 0c2e:0b61', 'win32'),
      'Cannot open HID 0c2e:0b61 (busy). Another program may hold it, or the system keeps it for itself (keyboards on Windows and macOS): switch the scanner to HID POS, or use keyboard-wedge mode. Retrying.'
    ]
  ])('words %j in English as before, and in Polish', (words, sentence) => {
    expect(english(words)).toBe(sentence)
    const pl = polish(words)
    expect(pl).not.toBe(sentence)
    expect(pl).not.toContain('{{')
    expect(pl).not.toContain('scanners:')
  })

  it('words the waiting reason in Polish', () => {
    expect(polish(waitingWords('/dev/x', 'unplugged'))).toBe('Czekam na /dev/x (odłączony): podłącz skaner, połączy się sam')
  })
})
