// The outbox relay: sends waiting events to the OMS in batches, oldest first
// and in order per order, and records the OMS's answer per event. A batch that
// fails as a whole (network, timeout, 429, 5xx) waits a full-jitter backoff;
// nothing is marked sent until the OMS acknowledged it, so a crash or a lost
// answer only means the OMS sees the event again and answers "duplicate".
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { fullJitterDelay } from './backoff'
import { OmsError, type OmsClient } from './omsClient'
import { deferBatch, nextBatch, nextRetryAt, settleBatch, waitingCount, type Settled } from './outboxRows'

export type RelayConfig = { batchSize: number; backoffBaseMs: number; backoffCapMs: number }

export type RelayDeps = {
  db: Db
  clock: Clock
  stationId: string
  config: () => RelayConfig
  random?: () => number
}

export type BatchOutcome =
  /** Nothing may be sent now; `retryInMs` until the next event is due, null when nothing waits at all. */
  | { kind: 'idle'; retryInMs: number | null }
  | ({ kind: 'sent'; events: number } & Settled)
  | { kind: 'failed'; error: OmsError; events: number; retryInMs: number }

export type OutboxRelay = {
  /** Sends one batch of due events (if any) through `client`. One batch at a time: a second call waits for the first. */
  sendBatch(client: OmsClient): Promise<BatchOutcome>
  /** Stops writing: an answer that arrives after this is ignored (the events stay unsent and go again next start). */
  stop(): void
}

export function createOutboxRelay({ db, clock, stationId, config, random = Math.random }: RelayDeps): OutboxRelay {
  let stopped = false
  let inFlight: Promise<BatchOutcome> | null = null

  const untilNextRetry = (): number | null => {
    const now = clock()
    const at = nextRetryAt(db, now.toISOString())
    if (at !== null) return Math.max(0, Date.parse(at) - now.getTime())
    return waitingCount(db) > 0 ? 0 : null
  }

  async function send(client: OmsClient): Promise<BatchOutcome> {
    const { batchSize, backoffBaseMs, backoffCapMs } = config()
    const batch = nextBatch(db, stationId, isoNow(clock), batchSize)
    if (batch.length === 0) return { kind: 'idle', retryInMs: untilNextRetry() }

    const backoff = (extraMs: number | null = null) => {
      const attempt = Math.max(...batch.map((r) => r.attempts))
      const delay = Math.max(fullJitterDelay(attempt, backoffBaseMs, backoffCapMs, random), extraMs ?? 0)
      return { delay, retryAt: new Date(clock().getTime() + delay).toISOString() }
    }

    const wire = batch.map(({ orderKey: _k, attempts: _a, ...event }) => event)
    try {
      const answer = await client.postEvents(wire)
      if (stopped) return { kind: 'idle', retryInMs: null }
      const { retryAt } = backoff()
      const settled = settleBatch(db, batch, answer.results, isoNow(clock), retryAt)
      return { kind: 'sent', events: batch.length, ...settled }
    } catch (caught) {
      const error = caught instanceof OmsError ? caught : new OmsError('network', (caught as Error).message)
      if (stopped || error.kind === 'aborted') return { kind: 'idle', retryInMs: null }
      // A refusal that retrying cannot fix (400, 401…) still waits the longest backoff, not forever:
      // the cause (a token, the OMS's configuration) is usually fixed on the other side.
      const { delay, retryAt } = error.retryable
        ? backoff(error.retryAfterMs)
        : { delay: backoffCapMs, retryAt: new Date(clock().getTime() + backoffCapMs).toISOString() }
      deferBatch(db, batch, error.message, retryAt)
      return { kind: 'failed', error, events: batch.length, retryInMs: delay }
    }
  }

  return {
    sendBatch(client) {
      if (stopped) return Promise.resolve({ kind: 'idle', retryInMs: null })
      inFlight ??= send(client).finally(() => {
        inFlight = null
      })
      return inFlight
    },
    stop() {
      stopped = true
    }
  }
}
