// A serial scanner (USB-CDC or RS-232) as a DeviceDriver: opens the port
// with serialport, cuts the byte stream into scans (ScanFramer) and hands
// each to `onFrame`; the port's close/error events report an unplug.
import { SerialPort } from 'serialport'
import type { SerialSettings } from '../../../shared/scanners'
import { ScanFramer, type Frame } from '../framer'
import type { DeviceDriver, Link } from '../supervisor'
import { waitingWords } from '../deviceWords'
import { describeSerialError } from './serialErrors'
import { describeSerialDevice, locateSerialDevice, type ListPorts } from './serialPorts'

/** How a scan ends, as words. Keys: scanners:device.suffix.cr, .lf, .crlf, .timeout */
const suffixWords = (suffix: SerialSettings['suffix']) => [{ key: `scanners:device.suffix.${suffix}` }]

export function serialDriver(settings: SerialSettings, onFrame: (frame: Frame) => void, list?: ListPorts): DeviceDriver {
  const name = describeSerialDevice(settings.device)
  return {
    locate: () => locateSerialDevice(settings.device, list),
    connect: (where) => openSerialLink(where, settings, onFrame),
    describeError: (error, where) => describeSerialError(error, where),
    describeConnected: (where) => {
      const params = { where, baudRate: settings.baudRate, suffix: suffixWords(settings.suffix) }
      return name === where
        ? { key: 'scanners:device.connectedSerial', params }
        : { key: 'scanners:device.connectedSerialOn', params: { ...params, name } }
    },
    describeWaiting: (reason) => waitingWords(name, reason)
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
