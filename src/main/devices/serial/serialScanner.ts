// A serial scanner (USB-CDC or RS-232) as a DeviceDriver: opens the port
// with serialport, cuts the byte stream into scans (ScanFramer) and hands
// each to `onFrame`; the port's close/error events report an unplug.
import { SerialPort } from 'serialport'
import type { SerialSettings } from '../../../shared/scanners'
import { ScanFramer, type Frame } from '../framer'
import type { DeviceDriver, Link } from '../supervisor'
import { describeSerialError } from './serialErrors'
import { describeSerialDevice, locateSerialDevice, type ListPorts } from './serialPorts'

const SUFFIX_NAMES = { cr: 'CR', lf: 'LF', crlf: 'CR LF', timeout: 'a pause' } as const

export function serialDriver(settings: SerialSettings, onFrame: (frame: Frame) => void, list?: ListPorts): DeviceDriver {
  const name = describeSerialDevice(settings.device)
  return {
    locate: () => locateSerialDevice(settings.device, list),
    connect: (where) => openSerialLink(where, settings, onFrame),
    describeError: (error, where) => describeSerialError(error, where),
    describeConnected: (where) =>
      `Connected: ${name === where ? where : `${name} on ${where}`}, ${settings.baudRate} baud, scans end with ${SUFFIX_NAMES[settings.suffix]}`,
    describeWaiting: (reason) => `Waiting for ${name}${reason ? ` (${reason})` : ''}: plug the scanner in, it reconnects by itself`
  }
}

async function openSerialLink(where: string, settings: SerialSettings, onFrame: (frame: Frame) => void): Promise<Link> {
  const port = new SerialPort({ path: where, baudRate: settings.baudRate, autoOpen: false })
  const framer = new ScanFramer({ suffix: settings.suffix, interByteTimeoutMs: settings.interByteTimeoutMs, onFrame })
  const lost = new Promise<string>((resolve) => {
    port.on('close', (error?: { disconnected?: boolean }) => resolve(error?.disconnected ? 'unplugged' : 'port closed'))
    port.on('error', (error: Error) => resolve(`port error: ${error.message}`))
  })
  port.on('data', (chunk: Buffer) => framer.push(chunk))
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())))
  return {
    lost,
    close: async () => {
      // A scan in progress when the link goes (timeout mode) still counts: it is complete up to here.
      if (settings.suffix === 'timeout') framer.flush()
      framer.dispose()
      port.removeAllListeners('data')
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()))
    }
  }
}
