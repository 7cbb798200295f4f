// Scanners (SPEC §8): the devices and ports the station can read scans from,
// their settings, their connection state, and the scans themselves.
import { z } from 'zod'
import { Approval } from './operators'
import { none } from './primitives'
import { CodeRead } from './scanning'
import { Words } from './words'

export const ScanSource = z.enum(['keyboard', 'serial', 'hid'])
export type ScanSource = z.infer<typeof ScanSource>

/** One scan from a device, as the active scan screen receives it. */
export const DeviceScan = z.object({
  source: ScanSource,
  /** The decoded scan, control characters and whitespace removed: what a typed scan would be. */
  data: z.string().max(4096),
  /** The bytes as they came, printable: `<CR>`, `<LF>`, `<0x1B>`… */
  raw: z.string().max(4096),
  /** Stable id of the configured device, e.g. `serial:0c2e:0b61:19012B1C` or `serial:/dev/ttyUSB0`. */
  deviceId: z.string().max(300),
  /** The device as an operator knows it, e.g. "Honeywell 1950g (COM4)". */
  device: z.string().max(300),
  /** `device` as catalogue words (`scanners:device.*`), for each screen to word in its language. */
  deviceWords: Words.optional(),
  /** AIM symbology identifier when the device reports one (HID POS), e.g. "]E0". */
  symbology: z.string().max(8).nullable(),
  at: z.string()
})
export type DeviceScan = z.infer<typeof DeviceScan>

/** The last scan for the Test scan area: plus what the station validates after prefix/suffix stripping, and what it reads from the code. */
export const TestedScan = DeviceScan.extend({ cleaned: z.string().max(4096), read: CodeRead })
export type TestedScan = z.infer<typeof TestedScan>

export const ConnectionState = z.enum(['connected', 'waiting', 'error', 'off'])
export type ConnectionState = z.infer<typeof ConnectionState>

export const ScannerStatus = z.object({
  source: ScanSource,
  deviceId: z.string(),
  /** "Keyboard wedge", "Serial scanner", "HID scanner". */
  label: z.string(),
  state: ConnectionState,
  /** What is going on and, for an error, what to do about it (English, for the logs). */
  message: z.string(),
  /** `message` as catalogue words (`scanners:device.*`), for each screen to word in its language. */
  words: Words.optional(),
  since: z.string()
})
export type ScannerStatus = z.infer<typeof ScannerStatus>

const affix = z
  .string()
  .min(1)
  .max(16)
  .refine((s) => !/[\r\n]/.test(s), 'a prefix or suffix cannot hold a line break')
export const KeyboardSettings = z.strictObject({
  prefixes: z.array(affix).max(8),
  suffixes: z.array(affix).max(8)
})
export type KeyboardSettings = z.infer<typeof KeyboardSettings>

const hexId = z
  .string()
  .regex(/^[0-9a-fA-F]{4}$/, 'a USB id is 4 hex digits')
  .transform((s) => s.toLowerCase())

export const SerialDevice = z.strictObject({
  /** Where the port was (COM4, /dev/ttyACM0) or, for a device without USB ids, where it always is. */
  path: z
    .string()
    .trim()
    .min(1, 'choose a port or type its path')
    .max(260)
    .refine((s) => !/[\0\r\n]/.test(s), 'a port path cannot hold control characters'),
  vendorId: hexId.nullable(),
  productId: hexId.nullable(),
  serialNumber: z.string().max(128).nullable()
})
export type SerialDevice = z.infer<typeof SerialDevice>

export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const
export const SerialSuffix = z.enum(['cr', 'lf', 'crlf', 'timeout'])
export type SerialSuffix = z.infer<typeof SerialSuffix>

export const SerialSettings = z.strictObject({
  device: SerialDevice,
  baudRate: z
    .number()
    .int()
    .refine((b) => (BAUD_RATES as readonly number[]).includes(b), `the baud rate is one of ${BAUD_RATES.join(', ')}`),
  /** How a scan ends: CR, LF, CR LF, or a pause between bytes for scanners that send no suffix. */
  suffix: SerialSuffix,
  interByteTimeoutMs: z.number().int().min(10).max(2000)
})
export type SerialSettings = z.infer<typeof SerialSettings>

export const HidMode = z.enum(['pos', 'keyboard'])
export type HidMode = z.infer<typeof HidMode>

export const HidDevice = z.strictObject({
  path: z.string().min(1).max(500),
  vendorId: z.number().int().min(0).max(0xffff),
  productId: z.number().int().min(0).max(0xffff),
  serialNumber: z.string().max(128).nullable(),
  usagePage: z.number().int().min(0).max(0xffff).nullable()
})
export type HidDevice = z.infer<typeof HidDevice>

export const HidSettings = z.strictObject({
  device: HidDevice,
  /** HID POS barcode reports (usage page 0x8C), or keyboard-emulation reports. */
  mode: HidMode
})
export type HidSettings = z.infer<typeof HidSettings>

export const ScannerSettings = z.strictObject({
  keyboard: KeyboardSettings,
  serial: SerialSettings.nullable(),
  hid: HidSettings.nullable()
})
export type ScannerSettings = z.infer<typeof ScannerSettings>

export const SerialPortInfo = z.object({
  path: z.string(),
  manufacturer: z.string().nullable(),
  vendorId: z.string().nullable(),
  productId: z.string().nullable(),
  serialNumber: z.string().nullable()
})
export type SerialPortInfo = z.infer<typeof SerialPortInfo>

export const HidDeviceInfo = HidDevice.extend({
  manufacturer: z.string().nullable(),
  product: z.string().nullable(),
  usage: z.number().int().nullable(),
  /** What the device looks like from its usage page: a HID POS scanner, a keyboard, or something else. */
  kind: z.enum(['pos', 'keyboard', 'other'])
})
export type HidDeviceInfo = z.infer<typeof HidDeviceInfo>

export const ScannerDevices = z.object({
  serialPorts: z.array(SerialPortInfo),
  hidDevices: z.array(HidDeviceInfo),
  /** Why a list is empty when the station could not read it (e.g. node-hid could not load). */
  serialProblem: z.string().nullable(),
  hidProblem: z.string().nullable(),
  /** The problems as catalogue words (`scanners:device.*`), for each screen to word in its language. */
  serialProblemWords: Words.nullable().optional(),
  hidProblemWords: Words.nullable().optional()
})
export type ScannerDevices = z.infer<typeof ScannerDevices>

export const scannerChannels = {
  'scanners:list': { args: none, result: ScannerDevices },
  'scanners:settings': { args: none, result: ScannerSettings },
  'scanners:save': { args: ScannerSettings.extend({ approval: Approval }), result: ScannerSettings },
  'scanners:status': { args: none, result: z.array(ScannerStatus) },
  'scanners:lastScan': { args: none, result: TestedScan.nullable() },
  /** The Test scan area's keyboard-wedge field: what the station makes of a typed scan. */
  'scanners:testScan': { args: z.object({ raw: z.string().max(4096) }).strict(), result: TestedScan }
} as const

export const scannerNotices = {
  /** A scan from a serial or HID scanner, for the active scan screen. */
  'scanners:scan': DeviceScan,
  /** The connection state of every scanner, whenever one changes. */
  'scanners:status': z.object({ scanners: z.array(ScannerStatus) })
} as const
