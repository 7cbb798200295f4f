// Runs the configured scanners: one supervisor for the serial scanner, one
// for the HID scanner, each publishing into the ScanStream, each reporting
// its connection state. New settings stop the old supervisors and start new
// ones. The keyboard wedge needs nothing here: it types into the window.
import type { ConnectionState, ScannerSettings, ScannerStatus, ScanSource } from '../../shared/scanners'
import type { Words } from '../../shared/words'
import type { Clock } from '../core/clock'
import { english } from '../core/errors'
import { describeHidDevice, hidDeviceId, type ListHid } from './hid/hidDevices'
import { hidDriver } from './hid/hidScanner'
import { bytesToText, renderRaw } from './rawText'
import type { ScanStream } from './scanStream'
import { describeSerialDevice, serialDeviceId, type ListPorts } from './serial/serialPorts'
import { serialDriver } from './serial/serialScanner'
import { DEFAULT_SUPERVISOR, supervise, type DeviceDriver, type Supervisor, type SupervisorOptions } from './supervisor'

export type DeviceManagerOptions = {
  stream: ScanStream
  clock: Clock
  onStatus: (statuses: ScannerStatus[]) => void
  supervisor?: Partial<Omit<SupervisorOptions, 'onState'>>
  /** Port and device listing, replaceable in tests. */
  listPorts?: ListPorts
  listHid?: ListHid
}

const KEYBOARD_READY: Words = { key: 'scanners:device.keyboardReady' }
const SERIAL_OFF: Words = { key: 'scanners:device.serialOff' }
const HID_OFF: Words = { key: 'scanners:device.hidOff' }

export class DeviceManager {
  private running: Supervisor[] = []
  private readonly status = new Map<ScanSource, ScannerStatus>()
  private applying: Promise<void> = Promise.resolve()

  constructor(private readonly options: DeviceManagerOptions) {
    this.set('keyboard', 'keyboard', 'Keyboard wedge', 'connected', KEYBOARD_READY, false)
    this.set('serial', 'serial:none', 'Serial scanner', 'off', SERIAL_OFF, false)
    this.set('hid', 'hid:none', 'HID scanner', 'off', HID_OFF, false)
  }

  /** Every scanner's state: keyboard first, then serial, then HID. */
  statuses(): ScannerStatus[] {
    return (['keyboard', 'serial', 'hid'] as const).map((s) => this.status.get(s)!)
  }

  /** Starts the scanners of `settings`, after stopping the running ones. Calls are applied in order. */
  apply(settings: ScannerSettings): Promise<void> {
    this.applying = this.applying.then(() => this.restart(settings)).catch(() => {})
    return this.applying
  }

  stop(): Promise<void> {
    this.applying = this.applying.then(() => this.stopAll())
    return this.applying
  }

  private async restart(settings: ScannerSettings) {
    await this.stopAll()
    const { stream } = this.options
    if (settings.serial) {
      const device = settings.serial.device
      const deviceId = serialDeviceId(device)
      const name = describeSerialDevice(device)
      const deviceWords: Words = { key: 'scanners:device.serialScanner', params: { name } }
      this.start(
        'serial',
        deviceId,
        'Serial scanner',
        serialDriver(
          settings.serial,
          (frame) =>
            stream.publish({
              source: 'serial',
              deviceId,
              device: english(deviceWords),
              deviceWords,
              decoded: bytesToText(frame.bytes),
              raw: renderRaw(frame.raw)
            }),
          this.options.listPorts
        )
      )
    } else {
      this.set('serial', 'serial:none', 'Serial scanner', 'off', SERIAL_OFF)
    }
    if (settings.hid) {
      const deviceId = hidDeviceId(settings.hid.device)
      const name = describeHidDevice(settings.hid.device)
      const deviceWords: Words = { key: 'scanners:device.hidScanner', params: { name } }
      this.start(
        'hid',
        deviceId,
        'HID scanner',
        hidDriver(
          settings.hid,
          (scan) => stream.publish({ source: 'hid', deviceId, device: english(deviceWords), deviceWords, ...scan }),
          this.options.listHid
        )
      )
    } else {
      this.set('hid', 'hid:none', 'HID scanner', 'off', HID_OFF)
    }
  }

  private start(source: ScanSource, deviceId: string, label: string, driver: DeviceDriver) {
    this.set(source, deviceId, label, 'waiting', { key: 'scanners:device.starting' })
    this.running.push(
      supervise(driver, {
        ...DEFAULT_SUPERVISOR,
        ...this.options.supervisor,
        onState: (state, message) => this.set(source, deviceId, label, state, message)
      })
    )
  }

  private async stopAll() {
    const running = this.running.splice(0)
    await Promise.all(running.map((s) => s.stop()))
  }

  /** `label` stays English (the logs); each screen words the scanner from its `source`. */
  private set(source: ScanSource, deviceId: string, label: string, state: ConnectionState, words: Words, tell = true) {
    const since = this.options.clock().toISOString()
    this.status.set(source, { source, deviceId, label, state, message: english(words), words, since })
    if (tell) this.options.onStatus(this.statuses())
  }
}
