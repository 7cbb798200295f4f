// The outbox's way out, on a timer: each round writes the export folder (when
// it is on) and sends the events due to the OMS, then comes back after the
// push interval, or sooner when the relay says the next event is due sooner.
import type { SyncNowResult } from '../../../shared/sync'
import type { StationContext } from '../context'
import { exportEvents } from './fileExport'
import type { OmsClient, OmsError } from './omsClient'
import type { BatchOutcome, OutboxRelay } from './outboxRelay'
import type { SyncLog, SyncState } from './syncStatus'
import { readSyncSetting } from './syncSettings'
import { RoundTimer } from './roundTimer'

/** At most this many batches in one push round, so a day's backlog does not hold the event loop for long. */
const BATCHES_PER_ROUND = 20

export type PushOutcome = { sent: NonNullable<SyncNowResult['sent']>; retryInMs: number | null; error: OmsError | null }

export type PushDeps = {
  context: StationContext
  relay: OutboxRelay
  /** A client for the OMS the settings name; null when no OMS is set (an offline station). */
  client: () => OmsClient | null
  state: SyncState
  stopped: () => boolean
  log: SyncLog
}

export class PushLoop {
  private readonly timer: RoundTimer

  constructor(private readonly deps: PushDeps) {
    this.timer = new RoundTimer(deps.stopped, () => this.round())
  }

  /** Sends batches until nothing is due; returns the totals and when to come back. */
  async push(): Promise<PushOutcome> {
    const { relay, state, stopped } = this.deps
    const sent = { accepted: 0, duplicate: 0, rejected: 0 }
    const api = this.deps.client()
    if (!api) return { sent, retryInMs: null, error: null }
    for (let round = 0; round < BATCHES_PER_ROUND && !stopped(); round++) {
      const outcome: BatchOutcome = await relay.sendBatch(api)
      if (outcome.kind === 'idle') return { sent, retryInMs: outcome.retryInMs, error: null }
      if (outcome.kind === 'failed') {
        state.failed(outcome.error)
        return { sent, retryInMs: outcome.retryInMs, error: outcome.error }
      }
      state.succeeded()
      sent.accepted += outcome.accepted
      sent.duplicate += outcome.duplicate
      sent.rejected += outcome.rejected
    }
    return { sent, retryInMs: 0, error: null }
  }

  /** Writes the events not yet exported to the export folder; the number written, or null when off or failed. */
  exportFiles(): number | null {
    const { context, state } = this.deps
    const settings = readSyncSetting(context.db, 'export')
    if (!settings.enabled || !settings.folder) return null
    try {
      const outcome = exportEvents(context.db, context.clock, context.stationId, settings.folder)
      state.exportError = null
      return outcome.events
    } catch (error) {
      state.exportError = `Export to ${settings.folder} failed: ${(error as Error).message}`
      return null
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
    const { context, state, stopped, log } = this.deps
    const interval = readSyncSetting(context.db, 'oms').pushIntervalSeconds * 1000
    let next = interval
    try {
      this.exportFiles()
      const { retryInMs } = await state.busy(() => this.push())
      if (retryInMs !== null) next = Math.min(interval, Math.max(retryInMs, 50))
    } catch (error) {
      log('Outbox relay round failed', error)
    }
    // The station may have closed (and its database with it) while the round waited on the network.
    if (stopped()) return
    state.publish()
    this.schedule(next)
  }
}
