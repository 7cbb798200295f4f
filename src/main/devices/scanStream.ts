// The one stream of device scans in the main process: serial and HID
// scanners publish into it, the handlers forward it to the screens as
// `scanners:scan`. Each scan loses the noise at its edges, as a typed one
// does; the core still reads the code (separators inside it included),
// strips the station's prefix/suffix and validates when the screen submits it.
import type { DeviceScan, ScanSource } from '../../shared/scanners'
import type { Words } from '../../shared/words'
import type { Clock } from '../core/clock'
import { trimScanEdges } from '../core/scanning/codes/readCode'
import { cleanScan } from '../core/scanning/serial'

export type ScanInput = {
  source: ScanSource
  deviceId: string
  device: string
  /** `device` as catalogue words. */
  deviceWords?: Words
  /** What the device decoded, before cleaning. */
  decoded: string
  /** Printable rendering of what arrived (see renderRaw). */
  raw: string
  symbology?: string | null
}

export type ScanListener = (scan: DeviceScan) => void

export class ScanStream {
  private readonly listeners = new Set<ScanListener>()
  private latest: DeviceScan | null = null

  constructor(private readonly clock: Clock) {}

  /** Publishes a scan; input that is nothing once cleaned (a stray CR, line noise) is not a scan and returns null. */
  publish(input: ScanInput): DeviceScan | null {
    // Only the noise at the edges goes: the separators inside a code (GS between GS1 elements, newlines
    // between a box code's labelled parts) are the code's own, and the core's code reader needs them.
    const data = trimScanEdges(input.decoded)
    if (cleanScan(data).length === 0) return null
    const scan: DeviceScan = {
      source: input.source,
      data: data.slice(0, 4096),
      raw: input.raw.slice(0, 4096),
      deviceId: input.deviceId,
      device: input.device,
      ...(input.deviceWords && { deviceWords: input.deviceWords }),
      symbology: input.symbology ?? null,
      at: this.clock().toISOString()
    }
    this.latest = scan
    for (const listener of this.listeners) listener(scan)
    return scan
  }

  /** The last scan from any device (the Test scan area shows it). */
  last(): DeviceScan | null {
    return this.latest
  }

  /** Remembers a keyboard-wedge test scan as the last one without sending it to any screen. */
  remember(scan: DeviceScan): void {
    this.latest = scan
  }

  subscribe(listener: ScanListener): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }
}
