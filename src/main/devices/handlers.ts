// scanners:* — the scanners of this station: what can be chosen, the saved
// choice, the connection state, and the Test scan area. The device manager
// starts once the station is open and stops when it closes.
import { StationError } from '../../shared/contract'
import type { DeviceScan, ScannerDevices, TestedScan } from '../../shared/scanners'
import type { Words } from '../../shared/words'
import type { HandlersOf, StationContext } from '../core/context'
import { english } from '../core/errors'
import { readCode } from '../core/scanning/codes/readCode'
import { cleanScan } from '../core/scanning/serial'
import { getSetting } from '../core/settings/settings'
import { DeviceManager } from './deviceManager'
import { listHidDevices } from './hid/hidDevices'
import { renderTyped } from './rawText'
import { readScannerSettings, saveScannerSettings } from './scannerSettings'
import { ScanStream } from './scanStream'
import { listSerialPorts } from './serial/serialPorts'

export function scannerHandlers(context: StationContext): HandlersOf<'scanners'> {
  const { db, clock } = context
  const stream = new ScanStream(clock)
  stream.subscribe((scan) => context.notify('scanners:scan', scan))
  const manager = new DeviceManager({ stream, clock, onStatus: (scanners) => context.notify('scanners:status', { scanners }) })

  // Started on the next turn of the event loop, so a station opened and closed
  // at once (the import command, tests) never touches a port.
  const starting = setImmediate(() => void manager.apply(readScannerSettings(db)))
  context.onClose(() => {
    clearImmediate(starting)
    void manager.stop()
  })

  /** What the station would validate: the core strips the configured prefixes/suffixes and reads the code (`input`: as sent). */
  const tested = (scan: DeviceScan, input = scan.data): TestedScan => {
    const affixes = getSetting(db, 'scannerAffixes')
    return { ...scan, cleaned: cleanScan(scan.data, affixes), read: readCode(input, affixes) }
  }

  return {
    'scanners:list': () => listScannerDevices(),
    'scanners:settings': () => readScannerSettings(db),
    // An `approval` channel: the guard checked the shift lead's badge and PIN.
    'scanners:save': async ({ approval: _, ...args }) => {
      const saved = saveScannerSettings(db, args)
      clearImmediate(starting)
      await manager.apply(saved)
      return saved
    },
    'scanners:status': () => manager.statuses(),
    'scanners:lastScan': () => {
      const last = stream.last()
      return last ? tested(last) : null
    },
    'scanners:testScan': ({ raw }) => {
      const scan: DeviceScan = {
        source: 'keyboard',
        data: cleanScan(raw),
        raw: renderTyped(raw),
        deviceId: 'keyboard',
        device: english(KEYBOARD_WEDGE),
        deviceWords: KEYBOARD_WEDGE,
        symbology: null,
        at: clock().toISOString()
      }
      stream.remember(scan)
      return tested(scan, raw)
    }
  }
}

const KEYBOARD_WEDGE: Words = { key: 'scanners:device.keyboardWedge' }

/** Serial ports and HID devices; a list the station cannot read comes back empty with the reason (and its words). */
export async function listScannerDevices(): Promise<ScannerDevices> {
  const [serial, hid] = await Promise.allSettled([listSerialPorts(), listHidDevices()])
  const reason = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? ((r.reason as Error)?.message ?? String(r.reason)) : null)
  const serialProblemWords: Words | null =
    serial.status === 'rejected' ? { key: 'scanners:device.serialListFailed', params: { error: reason(serial)! } } : null
  const hidError: unknown = hid.status === 'rejected' ? hid.reason : null
  const hidProblemWords: Words | null =
    hidError instanceof StationError && hidError.key ? { key: hidError.key, params: hidError.params } : null
  return {
    serialPorts: serial.status === 'fulfilled' ? serial.value : [],
    hidDevices: hid.status === 'fulfilled' ? hid.value : [],
    serialProblem: serialProblemWords && english(serialProblemWords),
    hidProblem: reason(hid),
    serialProblemWords,
    hidProblemWords
  }
}
