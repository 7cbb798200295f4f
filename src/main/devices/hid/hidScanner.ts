// A HID scanner as a DeviceDriver: opens the device with node-hid and
// decodes its input reports, HID POS or keyboard emulation, into scans.
import { StationError } from '../../../shared/contract'
import type { HidSettings } from '../../../shared/scanners'
import type { Words } from '../../../shared/words'
import { waitingWords } from '../deviceWords'
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
    describeConnected: () => ({
      key: 'scanners:device.connectedHid',
      // Keys: scanners:device.reports.pos, .keyboard
      params: { name, reports: [{ key: `scanners:device.reports.${settings.mode}` }] }
    }),
    describeWaiting: (reason) => waitingWords(name, reason)
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

/** The sentence as catalogue words (`scanners:device.hid*`). */
export function describeHidError(error: unknown, name: string, platform: NodeJS.Platform = process.platform): Words {
  if (error instanceof StationError && error.key) return { key: error.key, params: error.params }
  const message = error instanceof Error ? error.message : String(error)
  if (platform === 'linux' && /cannot open|could not open|permission/i.test(message)) {
    return { key: 'scanners:device.hidPermission', params: { name, rule: UDEV_RULE_FILE } }
  }
  return { key: 'scanners:device.hidFailed', params: { name, error: message } }
}
