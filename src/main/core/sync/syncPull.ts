// Orders from the OMS, on a timer: each round pulls what changed since the
// last pull, tells the screens which orders changed, and comes back after
// the pull interval. A failed round is recorded as the last error and tried again.
import type { StationContext } from '../context'
import type { OmsClient } from './omsClient'
import { pullOrders, type PullOutcome } from './orderPull'
import type { LedgerLoop } from './ledgerLoop'
import type { SyncState } from './syncStatus'
import { readSyncSetting } from './syncSettings'
import { RoundTimer } from './roundTimer'

export type PullDeps = {
  context: StationContext
  /** A client for the OMS the settings name; null when no OMS is set (an offline station). */
  client: () => OmsClient | null
  state: SyncState
  stopped: () => boolean
  /** The serial ledger's own loop: pulled in the same round too. */
  ledger: Pick<LedgerLoop, 'pull'>
}

export class PullLoop {
  private readonly timer: RoundTimer

  constructor(private readonly deps: PullDeps) {
    this.timer = new RoundTimer(deps.stopped, () => this.round())
  }

  /** One pull; null when no OMS is set. Throws what the pull threw, after recording it. */
  async pull(): Promise<PullOutcome | null> {
    const { context, state, stopped } = this.deps
    const api = this.deps.client()
    if (!api) return null
    try {
      const outcome = await pullOrders(context.db, context.clock, api, { stopped })
      if (stopped()) return outcome
      state.succeeded()
      if (outcome.changedOrderIds.length > 0) context.notify('orders:changed', { orderIds: outcome.changedOrderIds })
      if (outcome.conflicts.length > 0) state.problem(outcome.conflicts.join(' '), outcome.conflictWords)
      // The serials other stations committed, in the same round: scans refuse an IMEI live elsewhere.
      await this.deps.ledger.pull()
      return outcome
    } catch (error) {
      state.failed(error)
      throw error
    }
  }

  /** The next round in `delayMs` (instead of any round already planned); none once the station closed. */
  schedule(delayMs: number): void {
    this.timer.schedule(delayMs)
  }

  stop(): void {
    this.timer.stop()
  }

  private async round(): Promise<void> {
    try {
      await this.deps.state.busy(() => this.pull())
    } catch {
      // Recorded as the last error; the next round tries again.
    }
    // The station may have closed (and its database with it) while the pull waited on the network.
    if (!this.deps.stopped()) this.schedule(readSyncSetting(this.deps.context.db, 'oms').pullIntervalSeconds * 1000)
  }
}
