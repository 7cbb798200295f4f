// Background work (hold release, WAL checkpoints) runs on timers and must
// never end the process: a disk that fills up between scans makes the
// checkpoint throw SQLITE_FULL, and an uncaught throw in a timer kills the
// station. The fault is logged once per kind until the work succeeds again.
export type Log = (message: string, error?: unknown) => void

/** Runs `work` every `everyMs`; a throw is logged, never re-thrown. Returns the stop function. */
export function everyInterval(name: string, everyMs: number, work: () => void, log: Log = (m, e) => console.error(m, e)): () => void {
  let failing = false
  const timer = setInterval(() => {
    try {
      work()
      failing = false
    } catch (error) {
      if (!failing) log(`${name} failed; the station keeps running and tries again`, error)
      failing = true
    }
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
