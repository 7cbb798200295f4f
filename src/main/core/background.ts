// Background work (hold release, WAL checkpoints, backups, the fault probe)
// runs on timers and must never end the process: a disk that fills up between
// scans makes the checkpoint throw SQLITE_FULL, and an uncaught throw in a
// timer (or a rejected promise nobody awaits) kills the station. A fault is
// logged once per kind until the work succeeds again, and shown in the status
// bar through `faults` while it lasts.
import type { Faults } from './health/faults'
import { logFault } from './log/logger'

export type Log = (message: string, error?: unknown) => void

/** The station's log (logs/station.log), whatever the host. */
const stationLog: Log = logFault

/**
 * Runs `work` every `everyMs`; a throw (or a rejection, for async work) is logged and reported, never
 * re-thrown. An async run still going when the next is due is not started twice. Returns the stop function.
 */
export function everyInterval(name: string, everyMs: number, work: () => unknown, log: Log = stationLog, faults?: Faults): () => void {
  let failing = false
  let running = false
  const failed = (error: unknown) => {
    if (!failing) log(`${name} failed; the station keeps running and tries again`, error)
    failing = true
    faults?.report(name, error)
  }
  const succeeded = () => {
    failing = false
    faults?.succeeded(name)
  }
  const timer = setInterval(() => {
    if (running) return
    try {
      const result = work()
      if (result instanceof Promise) {
        running = true
        result.then(succeeded, failed).finally(() => {
          running = false
        })
      } else succeeded()
    } catch (error) {
      failed(error)
    }
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}

/** Runs one piece of async background work now (a backup at sign-out): a failure is logged and reported, never thrown. */
export function inBackground(name: string, work: () => Promise<unknown>, log: Log = stationLog, faults?: Faults): Promise<void> {
  return work().then(
    () => faults?.succeeded(name),
    (error: unknown) => {
      log(`${name} failed; the station keeps running`, error)
      faults?.report(name, error)
    }
  )
}
