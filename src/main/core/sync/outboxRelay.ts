// The outbox relay: sends waiting events to the OMS in batches, oldest first
// and in order per order (a batch goes only once the OMS answered for every
// event before it), and records the OMS's answer per event, one commit per
// batch. A batch that fails as a whole (network, timeout, 429, 5xx) means
// the OMS cannot be reached: the relay waits a connection backoff
// (omsConnection), then tries one small batch, and on the first answer sends
// everything waiting at full speed again. Nothing is marked sent until the OMS
// acknowledged it, so a crash or a lost answer only means the OMS sees the
// event again and answers "duplicate".
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { fullJitterDelay } from './backoff'
import { OmsError, type OmsClient } from './omsClient'
import { OmsConnection } from './omsConnection'
import type { EventBatchAnswer, EventResult } from './omsWire'
import { anyWaiting, nextBatch, nextRetryAt, oldestBatch, type PendingRow } from './outboxRows'
import { recordFailure, settleBatch, type Settled } from './outboxSettle'

export type RelayConfig = { batchSize: number; backoffBaseMs: number; backoffCapMs: number }

/** Events in the batch that tries whether the OMS answers again. */
export const PROBE_SIZE = 1

export type RelayDeps = {
  db: Db
  clock: Clock
  stationId: string
  config: () => RelayConfig
  random?: () => number
}

export type BatchOutcome =
  /** Nothing may be sent now; `retryInMs` until something may, null when nothing waits at all. */
  | { kind: 'idle'; retryInMs: number | null }
  /** `probe`: the batch was the small one that tried whether the OMS answers again. */
  | ({ kind: 'sent'; events: number; probe: boolean } & Settled)
  | { kind: 'failed'; error: OmsError; events: number; retryInMs: number }

export type SendOptions = {
  /** Try now even while waiting out the connection backoff ("Sync now"). */
  now?: boolean
}

export type OutboxRelay = {
  /**
   * Sends one batch of due events (if any) through `client` and records the answer. A second call
   * waits for the first. When the OMS answered for every event of a batch, the next one is sent
   * before this one is recorded, so the OMS works while the station writes: at most two on the way.
   */
  sendBatch(client: OmsClient, options?: SendOptions): Promise<BatchOutcome>
  /** When the next try goes while the OMS cannot be reached or refuses the batches; null while it answers. */
  nextTryAt(): string | null
  /** The settings or the token changed: forget the backoff, try at once. */
  reset(): void
  /** Stops writing: an answer that arrives after this is ignored (the events stay unsent and go again next start). */
  stop(): void
}

const IDLE: BatchOutcome = { kind: 'idle', retryInMs: null }

const onTheWire = (batch: PendingRow[]) => batch.map(({ orderKey: _k, attempts: _a, ...event }) => event)

/** A batch on its way to the OMS. `plain`: no event before its last one waits for a retry time of its own. */
type Flight = { batch: PendingRow[]; probe: boolean; plain: boolean; answer: Promise<EventBatchAnswer> }

function dispatch(client: OmsClient, batch: PendingRow[], probe: boolean, plain: boolean): Flight {
  const answer = client.postEvents(onTheWire(batch))
  answer.catch(() => {}) // awaited later: no unhandled rejection meanwhile
  return { batch, probe, plain, answer }
}

/** Lets a request just started reach its socket before the thread does synchronous database work. */
const letItGo = () => new Promise<void>((resolve) => setImmediate(resolve))

const answersAll = (batch: PendingRow[], results: EventResult[]) => {
  const answered = new Set(results.map((r) => r.id))
  return batch.every((row) => answered.has(row.id))
}

export function createOutboxRelay({ db, clock, stationId, config, random = Math.random }: RelayDeps): OutboxRelay {
  let stopped = false
  let inFlight: Promise<BatchOutcome> | null = null
  /** The next batch, sent as soon as the OMS answered for every event of the one before, while that one is recorded. */
  let ahead: Flight | null = null
  const connection = new OmsConnection(clock, random)

  /** Nothing was due: how long until an event waiting for its own retry time is. */
  const untilNextRetry = (): number | null => {
    const now = clock()
    const at = nextRetryAt(db, now.toISOString())
    if (at !== null) return Math.max(0, Date.parse(at) - now.getTime())
    return anyWaiting(db) ? 0 : null
  }

  /** An event the OMS answered the batch without: sent again after a backoff of its own. */
  const unansweredRetryAt = (batch: PendingRow[], { backoffBaseMs, backoffCapMs }: RelayConfig) => {
    const attempt = batch.reduce((most, r) => Math.max(most, r.attempts), 0)
    return new Date(clock().getTime() + fullJitterDelay(attempt, backoffBaseMs, backoffCapMs, random)).toISOString()
  }

  /** The batch to send now, or what to say when none may go. */
  function takeOff(client: OmsClient, settings: RelayConfig, now: boolean): Flight | BatchOutcome {
    const wait = connection.waitMs()
    if (wait > 0 && !now) return { kind: 'idle', retryInMs: anyWaiting(db) ? wait : null }
    const probe = connection.failing
    const size = probe ? Math.min(PROBE_SIZE, settings.batchSize) : settings.batchSize
    const at = isoNow(clock)
    const plain = oldestBatch(db, stationId, at, size)
    const batch = plain ?? nextBatch(db, stationId, at, size)
    if (batch.length === 0) return { kind: 'idle', retryInMs: untilNextRetry() }
    return dispatch(client, batch, probe, plain !== null)
  }

  async function send(client: OmsClient, { now = false }: SendOptions): Promise<BatchOutcome> {
    const settings = config()
    const flight = ahead ?? takeOff(client, settings, now)
    ahead = null
    if (!('answer' in flight)) return flight
    // While the OMS works on this batch, the one after it is read (it goes only if every event of this one is answered).
    await letItGo()
    if (stopped) return IDLE
    const spare = flight.plain && !flight.probe ? oldestBatch(db, stationId, isoNow(clock), settings.batchSize, flight.batch.at(-1)) : null

    let answer: EventBatchAnswer
    try {
      answer = await flight.answer
    } catch (caught) {
      const error = caught instanceof OmsError ? caught : new OmsError('network', (caught as Error).message)
      if (stopped || error.kind === 'aborted') return IDLE
      const retryInMs = connection.failed(error, settings)
      recordFailure(db, flight.batch, error.message)
      return { kind: 'failed', error, events: flight.batch.length, retryInMs }
    }
    if (stopped) return IDLE
    connection.answered()
    if (spare?.length && answersAll(flight.batch, answer.results)) {
      ahead = dispatch(client, spare, false, true)
      await letItGo()
      if (stopped) return IDLE
    }
    const settled = settleBatch(db, flight.batch, answer.results, isoNow(clock), unansweredRetryAt(flight.batch, settings))
    return { kind: 'sent', events: flight.batch.length, probe: flight.probe, ...settled }
  }

  return {
    sendBatch(client, options = {}) {
      if (stopped) return Promise.resolve(IDLE)
      inFlight ??= send(client, options).finally(() => {
        inFlight = null
      })
      return inFlight
    },
    nextTryAt: () => (connection.failing ? connection.nextTryAt() : null),
    reset() {
      // A batch already on its way to the old address is forgotten: its events stay waiting and go again.
      ahead = null
      connection.reset()
    },
    stop() {
      stopped = true
    }
  }
}
