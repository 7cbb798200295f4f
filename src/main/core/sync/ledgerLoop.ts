// The serial ledger on its own short timer (SPEC §7): a scan can refuse an
// IMEI live at another station only once this station has pulled it, so the
// ledger is pulled every 30 seconds besides each order pull round and Sync
// now. One pull at a time: a pull asked for while one runs joins it. A failed
// round is tried again at the next; the order pull and the relay already
// show the OMS's state in the status bar.
import type { StationContext } from '../context'
import { pullSerialLedger, type LedgerPullOutcome } from './ledgerPull'
import type { OmsClient } from './omsClient'
import { RoundTimer } from './roundTimer'

/** How often the ledger is pulled between order pulls: short, as each pull after the first is one small page. */
export const LEDGER_PULL_MS = 30_000

export type LedgerLoopDeps = {
  context: Pick<StationContext, 'db' | 'clock' | 'stationId'>
  /** A client for the OMS the settings name; null when no OMS is set. */
  client: () => OmsClient | null
  stopped: () => boolean
}

export class LedgerLoop {
  private readonly timer: RoundTimer
  private running: Promise<LedgerPullOutcome | null> | null = null

  constructor(private readonly deps: LedgerLoopDeps) {
    this.timer = new RoundTimer(deps.stopped, () => this.round())
  }

  /** Pulls the ledger (or joins the pull under way); null when no OMS is set. Throws what the pull threw. */
  pull(): Promise<LedgerPullOutcome | null> {
    this.running ??= this.pullOnce().finally(() => {
      this.running = null
    })
    return this.running
  }

  schedule(delayMs: number): void {
    this.timer.schedule(delayMs)
  }

  stop(): void {
    this.timer.stop()
  }

  private async pullOnce(): Promise<LedgerPullOutcome | null> {
    const { context, client, stopped } = this.deps
    const api = client()
    if (!api) return null
    return pullSerialLedger(context.db, context.clock, api, { ownStationId: context.stationId, stopped })
  }

  private async round(): Promise<void> {
    let more = false
    try {
      more = (await this.pull())?.more ?? false
    } catch {
      // The next round tries again; the order pull records the OMS's errors for the status bar.
    }
    // A station catching up (its first pull of a busy warehouse) goes on at once, page limit after page limit.
    if (!this.deps.stopped()) this.schedule(more ? 0 : LEDGER_PULL_MS)
  }
}
