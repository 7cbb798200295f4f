// node-hid, loaded only when a HID scanner is listed or used: a station
// whose node-hid (or libusb/hidraw underneath) cannot load still opens, and
// the Scanners screen says why HID is unavailable.
import type * as NodeHid from 'node-hid'
import { refusal } from '../../core/errors'

export type NodeHidModule = typeof NodeHid

let loading: Promise<NodeHidModule> | null = null

export function loadNodeHid(): Promise<NodeHidModule> {
  loading ??= import('node-hid').then(
    (m) => ((m as { default?: NodeHidModule }).default ?? m) as NodeHidModule,
    (error: unknown) => {
      loading = null
      // A StationError: its message is the English sentence, its words go to the Scanners screen.
      throw refusal('hid_unavailable', {
        key: 'scanners:device.hidUnavailable',
        params: { error: (error as Error)?.message ?? String(error) }
      })
    }
  )
  return loading
}
