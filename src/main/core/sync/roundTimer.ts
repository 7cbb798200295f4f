// The timer of a background loop (pull, push): one round planned at a time,
// none once the station closed, never keeping the process alive.
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
    this.timer = setTimeout(() => void this.round(), delayMs)
    this.timer.unref?.()
  }

  stop(): void {
    clearTimeout(this.timer)
  }
}
