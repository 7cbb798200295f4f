// The timer of a background loop (pull, push): one round planned at a time,
// none once the station closed, never keeping the process alive.
import { logFault } from '../log/logger'

const RETRY_AFTER_FAILURE_MS = 30_000

export class RoundTimer {
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly stopped: () => boolean,
    private readonly round: () => Promise<void>
  ) {}

  /** The next round in `delayMs` (instead of any round already planned); none once the station closed. */
  schedule(delayMs: number): void {
    clearTimeout(this.timer)
    if (this.stopped()) return
    this.timer = setTimeout(() => {
      // A round that throws past its own catch (its status read on a full or busy disk) must not end the
      // station as an unhandled rejection, nor stop the loop: it is logged and tried again.
      this.round().catch((error: unknown) => {
        logFault('A sync round failed; the station keeps running and tries again', error)
        this.schedule(RETRY_AFTER_FAILURE_MS)
      })
    }, delayMs)
    this.timer.unref?.()
  }

  stop(): void {
    clearTimeout(this.timer)
  }
}
