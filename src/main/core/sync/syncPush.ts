// The outbox's way out, on a timer: each round writes the export folder (when
// it is on) and sends everything due to the OMS, batch after batch without
// pause, then comes back after the push interval, or sooner when the relay
// says the next try is due sooner (the OMS's backoff, an event's own retry).
import type { SyncNowResult } from '../../../shared/sync'
import type { StationContext } from '../context'
import { exportEvents } from './fileExport'
import type { OmsClient, OmsError } from './omsClient'
import type { BatchOutcome, OutboxRelay } from './outboxRelay'
import type { SyncLog, SyncState } from './syncStatus'
import { readSyncSetting } from './syncSettings'
import { RoundTimer } from './roundTimer'

/** While a backlog drains, the status bar's "n waiting" is brought up to date about this often. */
const PUBLISH_EVERY_MS = 1_000

export type PushOutcome = { sent: NonNullable<SyncNowResult['sent']>; retryInMs: number | null; error: OmsError | null }

export type PushDeps = {
  context: Pick<StationContext, 'db' | 'clock' | 'stationId'>
  relay: OutboxRelay
  /** A client for the OMS the settings name; null when no OMS is set (an offline station). */
  client: () => OmsClient | null
  state: SyncState
  stopped: () => boolean
  log: SyncLog
}

/** The shortest gap between two rounds, so an event due "now" never spins the loop. */
const MIN_ROUND_GAP_MS = 50

export class PushLoop {
  private readonly timer: RoundTimer

  constructor(private readonly deps: PushDeps) {
    this.timer = new RoundTimer(deps.stopped, () => this.round())
  }

  /**
   * Sends batch after batch, each as soon as the one before is settled, until nothing
   * may go now; returns the totals and when to come back. `now` ("Sync now") tries at
   * once even while the relay waits out the OMS's backoff.
   */
  async push({ now = false }: { now?: boolean } = {}): Promise<PushOutcome> {
    const { relay, state, stopped } = this.deps
    const sent = { accepted: 0, duplicate: 0, rejected: 0 }
    const api = this.deps.client()
    if (!api) return { sent, retryInMs: null, error: null }
    let answered = false
    let published = performance.now()
    // The last success is written once per push, not once per batch: a batch is one commit.
    const done = (outcome: PushOutcome): PushOutcome => {
      if (answered && !stopped()) state.succeeded()
      if (outcome.error) state.failed(outcome.error)
      return outcome
    }
    for (let first = true; !stopped(); first = false) {
      const outcome: BatchOutcome = await relay.sendBatch(api, { now: now && first })
      if (outcome.kind === 'idle') return done({ sent, retryInMs: outcome.retryInMs, error: null })
      if (outcome.kind === 'failed') return done({ sent, retryInMs: outcome.retryInMs, error: outcome.error })
      if (!answered) state.reached()
      answered = true
      sent.accepted += outcome.accepted
      sent.duplicate += outcome.duplicate
      sent.rejected += outcome.rejected
      if (performance.now() - published >= PUBLISH_EVERY_MS) {
        state.publish()
        published = performance.now()
      }
    }
    return { sent, retryInMs: null, error: null }
  }

  /** Writes the events not yet exported to the export folder; the number written, or null when off or failed. */
  exportFiles(): number | null {
    const { context, state } = this.deps
    const settings = readSyncSetting(context.db, 'export')
    if (!settings.enabled || !settings.folder) return null
    try {
      const outcome = exportEvents(context.db, context.clock, context.stationId, settings.folder)
      state.exportError = null
      state.exportErrorWords = null
      return outcome.events
    } catch (error) {
      const problem = (error as Error).message
      state.exportError = `Export to ${settings.folder} failed: ${problem}`
      state.exportErrorWords = { key: 'sync:now.exportFailed', params: { folder: settings.folder, problem } }
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
      if (retryInMs !== null) next = Math.min(interval, Math.max(retryInMs, MIN_ROUND_GAP_MS))
    } catch (error) {
      log('Outbox relay round failed', error)
    }
    // The station may have closed (and its database with it) while the round waited on the network.
    if (stopped()) return
    state.publish()
    this.schedule(next)
  }
}
