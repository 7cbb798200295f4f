// Keeps one scanner connected: finds the device, opens it, watches it
// (the link's own close/error events and polling, because those events are
// unreliable on some platforms), and after an unplug or a failed open tries
// again with backoff until the device is back. Knows nothing about serial or
// HID: a DeviceDriver supplies locate/connect/describe.
import type { ConnectionState } from '../../shared/scanners'
import type { Words } from '../../shared/words'

/** An open device. `lost` resolves (with a reason) when the device goes away by itself. */
export type Link = { lost: Promise<string>; close(): Promise<void> }

/** A driver's sentences: catalogue words (`scanners:device.*`), or plain text in tests. */
export type DeviceDriver<M = Words> = {
  /** Where the device is now (a path), or null while it is not plugged in. */
  locate(): Promise<string | null>
  connect(where: string): Promise<Link>
  /** The operator's sentence for an open/read failure, with what to do about it. */
  describeError(error: unknown, where: string): M
  /** The connected sentence, e.g. "Connected on /dev/ttyACM0 at 9600 baud". */
  describeConnected(where: string): M
  /** The waiting sentence, e.g. "Waiting for the scanner: plug it in…". */
  describeWaiting(reason: string | null): M
}

export type SupervisorOptions<M = Words> = {
  /** How often the device list is polled, while waiting and while connected. */
  pollMs: number
  /** Waits after a failure, growing; the last one repeats. */
  backoffMs: readonly number[]
  onState: (state: ConnectionState, message: M) => void
}

export const DEFAULT_SUPERVISOR: Omit<SupervisorOptions, 'onState'> = {
  pollMs: 1000,
  backoffMs: [250, 500, 1000, 2000, 4000, 8000]
}

export type Supervisor = { stop(): Promise<void> }

export function supervise<M = Words>(driver: DeviceDriver<M>, options: SupervisorOptions<M>): Supervisor {
  const stopping = new AbortController()
  let failures = 0
  let lastState = ''
  const report = (state: ConnectionState, message: M) => {
    const key = `${state}\n${JSON.stringify(message)}`
    if (key === lastState || stopping.signal.aborted) return
    lastState = key
    options.onState(state, message)
  }
  const backoff = () => options.backoffMs[Math.min(failures++, options.backoffMs.length - 1)]

  const locate = async (): Promise<string | null> => {
    try {
      return await driver.locate()
    } catch {
      return null
    }
  }

  /** Resolves with a reason when the device is no longer at `where` (unplugged, or re-enumerated elsewhere). */
  const watch = async (where: string, signal: AbortSignal): Promise<string> => {
    while (!signal.aborted) {
      await sleep(options.pollMs, signal)
      if (signal.aborted) break
      const now = await locate()
      if (now !== where) return now === null ? 'unplugged' : 'moved to another port'
    }
    return 'stopped'
  }

  const run = async () => {
    let reason: string | null = null
    while (!stopping.signal.aborted) {
      const where = await locate()
      if (stopping.signal.aborted) break
      if (where === null) {
        report('waiting', driver.describeWaiting(reason))
        await sleep(options.pollMs, stopping.signal)
        continue
      }
      let link: Link
      try {
        link = await driver.connect(where)
      } catch (error) {
        report('error', driver.describeError(error, where))
        await sleep(backoff(), stopping.signal)
        continue
      }
      if (stopping.signal.aborted) {
        await link.close().catch(() => {})
        break
      }
      failures = 0
      report('connected', driver.describeConnected(where))
      const session = new AbortController()
      reason = await Promise.race([link.lost, watch(where, AbortSignal.any([stopping.signal, session.signal]))])
      session.abort()
      await link.close().catch(() => {})
      if (stopping.signal.aborted) break
      report('waiting', driver.describeWaiting(reason))
      await sleep(backoff(), stopping.signal)
    }
  }

  const running = run()
  return {
    stop: async () => {
      stopping.abort()
      await running
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}
