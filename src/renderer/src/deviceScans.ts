// Scans from serial and HID scanners (the `scanners:scan` notice) go to the
// scan screen that is open: it registers itself with useScanStream and gets
// each scan exactly as if it had been typed into its field and Enter pressed.
// Scans are handed over one at a time (the next after the screen has
// finished with the last), so fast scanning loses nothing. With no scan
// screen open a scan is applied nowhere: the shell shows a notice instead.
import { useEffect, useRef, useState } from 'react'
import type { DeviceScan } from '../../shared/scanners'
import { station } from './api'

export type { DeviceScan }
export type ScanConsumer = (scan: DeviceScan) => void | Promise<unknown>

const consumers: { current: ScanConsumer }[] = []
const ignoredListeners = new Set<(scan: DeviceScan) => void>()
let queue: Promise<void> = Promise.resolve()
let listening = false

function listen() {
  if (listening) return
  listening = true
  station.on('scanners:scan', (scan) => {
    queue = queue.then(() => deliver(scan))
  })
}

async function deliver(scan: DeviceScan) {
  const consumer = consumers.at(-1)
  if (!consumer) {
    for (const listener of ignoredListeners) listener(scan)
    return
  }
  try {
    await consumer.current(scan)
  } catch (error) {
    console.error('A scan screen failed to take a device scan', error)
  }
  // Let the screen re-render (its busy state, its order) before the next scan.
  await new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * Makes this screen the consumer of device scans while it is mounted (and
 * `enabled`). The latest `onScan` is always the one called; return its
 * promise so the next scan waits for this one to be committed.
 */
export function useScanStream(onScan: ScanConsumer, enabled = true): void {
  const latest = useRef(onScan)
  latest.current = onScan
  useEffect(() => {
    if (!enabled) return
    listen()
    const entry = { current: (scan: DeviceScan) => latest.current(scan) }
    consumers.push(entry)
    return () => {
      const i = consumers.indexOf(entry)
      if (i >= 0) consumers.splice(i, 1)
    }
  }, [enabled])
}

/** The last device scan that no screen took (for the shell's notice), and a way to dismiss it. */
export function useIgnoredScans(): { ignored: DeviceScan | null; dismiss: () => void } {
  const [ignored, setIgnored] = useState<DeviceScan | null>(null)
  useEffect(() => {
    listen()
    ignoredListeners.add(setIgnored)
    return () => void ignoredListeners.delete(setIgnored)
  }, [])
  return { ignored, dismiss: () => setIgnored(null) }
}
