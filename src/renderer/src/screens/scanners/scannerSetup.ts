// What the Scanners screen edits, as its form holds it, and how that becomes
// the station's ScannerSettings: the serial port chosen from the list, typed
// as a path, or the saved USB scanner that is not plugged in right now.
// The words (option labels, what is missing) come from the catalogue, read while the screen renders or saves.
import type { HidDeviceInfo, HidMode, ScannerDevices, ScannerSettings, SerialDevice, SerialSuffix } from '../../../../shared/scanners'
import { i18n } from '../../i18n'

/** The Port choice "Other port: type its path". */
export const OTHER = '__other__'
/** The Port choice for the saved USB scanner while it is not plugged in. */
export const SAVED = '__saved__'

/** What every control of a scanner's settings gets: large, and locked while the scanner is off (its panel dims them). */
export const controlProps = (enabled: boolean) => ({ size: 'lg', disabled: !enabled }) as const

export type SerialForm = {
  enabled: boolean
  port: string
  otherPath: string
  saved: SerialDevice | null
  baudRate: string
  suffix: SerialSuffix
  timeoutMs: number
}
export type HidForm = { enabled: boolean; path: string | null; mode: HidMode }
/** The devices found, and the settings being edited (the saved HID scanner kept for when it is unplugged). */
export type ScannerSetup = {
  devices: ScannerDevices
  keyboard: ScannerSettings['keyboard']
  serial: SerialForm
  hid: HidForm
  savedHid: ScannerSettings['hid']
}
type SerialPort = ScannerDevices['serialPorts'][number]

const hex4 = (n: number) => n.toString(16).padStart(4, '0')

const sameUsb = (d: SerialDevice, p: SerialPort) =>
  d.vendorId !== null &&
  d.vendorId === p.vendorId &&
  d.productId === p.productId &&
  (d.serialNumber === null || d.serialNumber === p.serialNumber)

function serialForm(settings: ScannerSettings, devices: ScannerDevices): SerialForm {
  const s = settings.serial
  const base = {
    baudRate: String(s?.baudRate ?? 9600),
    suffix: s?.suffix ?? 'cr',
    timeoutMs: s?.interByteTimeoutMs ?? 50,
    saved: s?.device ?? null
  }
  if (!s) return { ...base, enabled: false, port: '', otherPath: '' }
  const d = s.device
  const listed = devices.serialPorts.find((p) => sameUsb(d, p)) ?? devices.serialPorts.find((p) => d.vendorId === null && p.path === d.path)
  if (listed) return { ...base, enabled: true, port: listed.path, otherPath: '' }
  if (d.vendorId !== null) return { ...base, enabled: true, port: SAVED, otherPath: '' }
  return { ...base, enabled: true, port: OTHER, otherPath: d.path }
}

/** The form for the station's saved settings and the devices found now. */
export function setupFrom(settings: ScannerSettings, devices: ScannerDevices): ScannerSetup {
  return {
    devices,
    keyboard: settings.keyboard,
    serial: serialForm(settings, devices),
    savedHid: settings.hid,
    hid: { enabled: settings.hid !== null, path: settings.hid?.device.path ?? null, mode: settings.hid?.mode ?? 'pos' }
  }
}

function serialDevice({ serial, devices }: ScannerSetup): SerialDevice | null {
  if (serial.port === OTHER) return { path: serial.otherPath.trim(), vendorId: null, productId: null, serialNumber: null }
  if (serial.port === SAVED) return serial.saved
  const p = devices.serialPorts.find((x) => x.path === serial.port)
  return p ? { path: p.path, vendorId: p.vendorId, productId: p.productId, serialNumber: p.vendorId ? p.serialNumber : null } : null
}

function hidDevice({ hid, devices, savedHid }: ScannerSetup) {
  return devices.hidDevices.find((d) => d.path === hid.path) ?? (savedHid?.device.path === hid.path ? savedHid?.device : undefined)
}

/** The settings to save, or what is missing before they can be. */
export function settingsToSave(setup: ScannerSetup): { settings: ScannerSettings } | { problem: string } {
  const { serial, hid, keyboard } = setup
  const device = serial.enabled ? serialDevice(setup) : null
  if (serial.enabled && (!device || !device.path)) return { problem: i18n.t('scanners:serial.choosePort') }
  const chosenHid = hid.enabled ? hidDevice(setup) : null
  if (hid.enabled && !chosenHid) return { problem: i18n.t('scanners:hid.chooseDevice') }
  return {
    settings: {
      keyboard,
      serial: device ? { device, baudRate: Number(serial.baudRate), suffix: serial.suffix, interByteTimeoutMs: serial.timeoutMs } : null,
      hid: chosenHid ? { device: savedHidDevice(chosenHid), mode: hid.mode } : null
    }
  }
}

type HidSettingsDevice = NonNullable<ScannerSettings['hid']>['device']

/** What the settings keep of a HID device (a listed one also has its names and kind). */
const savedHidDevice = ({ path, vendorId, productId, serialNumber, usagePage }: HidSettingsDevice): HidSettingsDevice => ({
  path,
  vendorId,
  productId,
  serialNumber,
  usagePage
})

/** The Port list: the ports found, the saved scanner if it is not plugged in, and "Other port". */
export function portOptions(devices: ScannerDevices, serial: SerialForm) {
  const describe = (p: SerialPort) =>
    `${p.path}${p.manufacturer ? ` · ${p.manufacturer}` : ''}${p.vendorId ? ` · ${p.vendorId}:${p.productId}` : ''}${p.serialNumber ? ` #${p.serialNumber}` : ''}`
  return [
    ...devices.serialPorts.map((p) => ({ value: p.path, label: describe(p) })),
    ...(serial.port === SAVED && serial.saved
      ? [
          {
            value: SAVED,
            label: i18n.t('scanners:serial.savedPort', { vendor: serial.saved.vendorId, product: serial.saved.productId })
          }
        ]
      : []),
    { value: OTHER, label: i18n.t('scanners:serial.otherPort') }
  ]
}

const hidLabel = (d: HidDeviceInfo) =>
  `${[d.manufacturer, d.product].filter(Boolean).join(' ') || i18n.t('scanners:hid.unnamed')} · ${hex4(d.vendorId)}:${hex4(d.productId)}${d.serialNumber ? ` #${d.serialNumber}` : ''} · ${
    d.kind === 'pos'
      ? i18n.t('scanners:hid.kind.pos')
      : d.kind === 'keyboard'
        ? i18n.t('scanners:hid.kind.keyboard')
        : i18n.t('scanners:hid.kind.usagePage', { page: (d.usagePage ?? 0).toString(16) })
  }`

/** The Device list: the HID devices found, and the saved one if it is not plugged in. */
export function hidOptions({ devices, hid, savedHid }: ScannerSetup) {
  const options = devices.hidDevices.map((d) => ({ value: d.path, label: hidLabel(d) }))
  if (hid.path && savedHid && !options.some((o) => o.value === hid.path))
    options.push({ value: hid.path, label: i18n.t('scanners:hid.saved') })
  return options
}
