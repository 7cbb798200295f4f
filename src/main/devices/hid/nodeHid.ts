// node-hid, loaded only when a HID scanner is listed or used: a station
// whose node-hid (or libusb/hidraw underneath) cannot load still opens, and
// the Scanners screen says why HID is unavailable.
import type * as NodeHid from 'node-hid'

export type NodeHidModule = typeof NodeHid

let loading: Promise<NodeHidModule> | null = null

export function loadNodeHid(): Promise<NodeHidModule> {
  loading ??= import('node-hid').then(
    (m) => ((m as { default?: NodeHidModule }).default ?? m) as NodeHidModule,
    (error: unknown) => {
      loading = null
      throw new Error(
        `HID scanners are unavailable: node-hid could not load (${(error as Error)?.message ?? String(error)}). ` +
          'On Linux install libusb-1.0-0 and libudev1; serial and keyboard-wedge scanners still work.'
      )
    }
  )
  return loading
}
