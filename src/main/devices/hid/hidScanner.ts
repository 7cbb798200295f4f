// A HID scanner as a DeviceDriver: opens the device with node-hid and
// decodes its input reports, HID POS or keyboard emulation, into scans.
import type { HidSettings } from '../../../shared/scanners'
import { renderRaw } from '../rawText'
import type { DeviceDriver, Link } from '../supervisor'
import { UDEV_RULE_FILE } from '../udev'
import { describeHidDevice, locateHidDevice, type ListHid } from './hidDevices'
import { KeyboardReportDecoder } from './hidKeyboard'
import { PosScanAssembler } from './hidPos'
import { loadNodeHid } from './nodeHid'

export type HidScan = { decoded: string; raw: string; symbology: string | null }

/** A decoder for one mode: reports in, finished scans out. */
export function hidDecoder(mode: HidSettings['mode']): (report: Uint8Array) => HidScan[] {
  if (mode === 'pos') {
    const assembler = new PosScanAssembler()
    return (report) => {
      const scan = assembler.push(report)
      if (!scan) return []
      const raw = `${scan.symbology}${renderRaw(scan.data)}${scan.reports > 1 ? ` (${scan.reports} reports)` : ''}`
      return [{ decoded: scan.data.toString('latin1'), raw, symbology: scan.symbology || null }]
    }
  }
  const decoder = new KeyboardReportDecoder()
  return (report) => decoder.push(report).map((s) => ({ decoded: s.text, raw: s.keys, symbology: null }))
}

export function hidDriver(settings: HidSettings, onScan: (scan: HidScan) => void, list?: ListHid): DeviceDriver {
  const name = describeHidDevice(settings.device)
  return {
    locate: () => locateHidDevice(settings.device, list),
    connect: (where) => openHidLink(where, settings, onScan),
    describeError: (error) => describeHidError(error, name),
    describeConnected: () => `Connected: ${name}, ${settings.mode === 'pos' ? 'HID POS barcode reports' : 'keyboard reports'}`,
    describeWaiting: (reason) => `Waiting for ${name}${reason ? ` (${reason})` : ''}: plug the scanner in, it reconnects by itself`
  }
}

async function openHidLink(where: string, settings: HidSettings, onScan: (scan: HidScan) => void): Promise<Link> {
  const hid = await loadNodeHid()
  const device = await hid.HIDAsync.open(where)
  const decode = hidDecoder(settings.mode)
  const lost = new Promise<string>((resolve) => device.on('error', (error: Error) => resolve(`read failed: ${error.message}`)))
  device.on('data', (report: Buffer) => {
    for (const scan of decode(report)) onScan(scan)
  })
  return {
    lost,
    close: async () => {
      device.removeAllListeners('data')
      await device.close().catch(() => {})
    }
  }
}

export function describeHidError(error: unknown, name: string, platform: NodeJS.Platform = process.platform): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/unavailable: node-hid/.test(message)) return message
  if (platform === 'linux' && /cannot open|could not open|permission/i.test(message)) {
    return `Cannot open ${name}: no permission. Install the udev rule ${UDEV_RULE_FILE}, then unplug and replug the scanner. Retrying.`
  }
  return (
    `Cannot open ${name} (${message}). Another program may hold it, or the system keeps it for itself ` +
    '(keyboards on Windows and macOS): switch the scanner to HID POS, or use keyboard-wedge mode. Retrying.'
  )
}
