// The outbox relay against a real HTTP server on 127.0.0.1 (the stand-in OMS):
// every event reaches the OMS exactly once, in order per order, whatever the
// network does; nothing is marked sent before the OMS acknowledged it.
import { afterEach, describe, expect, it } from 'vitest'
import { createOutboxRelay, type OutboxRelay } from '../../src/main/core/sync/outboxRelay'
import type { OmsClient } from '../../src/main/core/sync/omsClient'
import { seededRandom } from '../../tools/oms-dev/server'
import { allProducts, importRecords, openTestStation, orderIdOf, orderRecord, type TestStation } from '../core/helpers'
import { cleanup, clientFor, outboxRows, stationIdOf, standIn, writeEvents } from './helpers'

afterEach(cleanup)

const CONFIG = { batchSize: 7, backoffBaseMs: 10, backoffCapMs: 2_000 }

function relayFor(t: TestStation, seed = 7): OutboxRelay {
  return createOutboxRelay({ db: t.db, clock: t.clock, stationId: stationIdOf(t), config: () => CONFIG, random: seededRandom(seed) })
}

/** Sends until nothing waits; a backoff moves the test's clock instead of sleeping. Returns the waits asked for. */
async function drain(t: TestStation, relay: OutboxRelay, client: OmsClient, maxRounds = 5_000): Promise<number[]> {
  const waits: number[] = []
  for (let round = 0; round < maxRounds; round++) {
    const outcome = await relay.sendBatch(client)
    if (outcome.kind === 'idle' && outcome.retryInMs === null) return waits
    const wait = outcome.kind === 'sent' ? 0 : (outcome.retryInMs ?? 0)
    if (outcome.kind === 'failed') waits.push(wait)
    t.time.advance(wait)
  }
  throw new Error('the outbox did not drain')
}

function stationWithOrders(n: number): { t: TestStation; orderIds: number[] } {
  const t = openTestStation()
  importRecords(
    t,
    Array.from({ length: n }, (_, i) => orderRecord(100 + i)),
    allProducts()
  )
  return { t, orderIds: Array.from({ length: n }, (_, i) => orderIdOf(t, `OMS-${100 + i}`)) }
}

describe('outbox relay', () => {
  it('delivers every event exactly once with 30% of requests failing (500/503/429, timeouts, resets after commit)', async () => {
    const oms = await standIn({ seed: 42, failure: { errorRate: 0.1, timeoutRate: 0.1, dropRate: 0.1 } })
    const { t, orderIds } = stationWithOrders(12)
    const ids = writeEvents(t, [...orderIds, null], 400)
    expect(ids).toHaveLength(400)

    const waits = await drain(t, relayFor(t), clientFor(t, oms.url, 250))

    // The set the OMS holds is exactly the outbox, each id once.
    const received = [...oms.store.received.keys()]
    expect(new Set(received).size).toBe(received.length)
    expect(new Set(received)).toEqual(new Set(ids))
    expect(oms.store.tally.accepted).toBe(400)
    // Lost answers were sent again and recognised by the OMS, never applied twice.
    expect(oms.store.tally.duplicate).toBeGreaterThan(0)
    expect(oms.injected.errors).toBeGreaterThan(0)
    expect(oms.injected.timeouts).toBeGreaterThan(0)
    expect(oms.injected.drops).toBeGreaterThan(0)
    // Every injected failure cost the relay a backoff (a slow machine may add real timeouts of its own).
    expect(waits.length).toBeGreaterThanOrEqual(oms.injected.errors + oms.injected.timeouts + oms.injected.drops)

    // Every row is marked sent; per order, the OMS accepted the events in the order they were written.
    const rows = outboxRows(t)
    expect(rows.every((r) => r.sent_at !== null && r.rejected_at === null)).toBe(true)
    const arrival = new Map(received.map((id, i) => [id, i]))
    for (const orderId of [...orderIds, null]) {
      const written = rows.filter((r) => r.order_id === orderId).map((r) => r.id)
      const accepted = [...written].sort((a, b) => arrival.get(a)! - arrival.get(b)!)
      expect(accepted).toEqual(written)
    }
    console.info(
      `[relay figures] events 400, batches posted ${oms.injected.eventPosts}, backoffs ${waits.length}, injected failures: ${oms.injected.errors} errors, ${oms.injected.timeouts} timeouts, ${oms.injected.drops} resets; duplicates suppressed by the OMS ${oms.store.tally.duplicate}`
    )
  })

  it('marks nothing sent while the OMS is unreachable, backs off the connection with full jitter, and catches up when it returns', async () => {
    const oms = await standIn()
    const url = oms.url
    await oms.close()
    const { t, orderIds } = stationWithOrders(2)
    writeEvents(t, orderIds, 10)
    const relay = relayFor(t)
    const client = clientFor(t, url, 250)

    const delays: number[] = []
    for (let i = 0; i < 8; i++) {
      const outcome = await relay.sendBatch(client)
      expect(outcome.kind).toBe('failed')
      if (outcome.kind !== 'failed') return
      expect(outcome.error.kind).toBe('network')
      // The first try is a whole batch; after that, one event tries whether the OMS answers again.
      expect(outcome.events).toBe(i === 0 ? CONFIG.batchSize : 1)
      delays.push(outcome.retryInMs)
      // Not due yet: nothing is sent before the backoff passed (full jitter may also draw a wait of 0).
      if (outcome.retryInMs > 0) expect(await relay.sendBatch(client)).toMatchObject({ kind: 'idle', retryInMs: outcome.retryInMs })
      t.time.advance(outcome.retryInMs)
    }
    // Each wait lies within [0, min(cap, base·2^failures)).
    delays.forEach((d, attempt) => expect(d).toBeLessThan(Math.min(CONFIG.backoffCapMs, CONFIG.backoffBaseMs * 2 ** attempt)))
    const waiting = outboxRows(t)
    expect(waiting.every((r) => r.sent_at === null)).toBe(true)
    // The tries are counted on the events that went, with the reason; none waits for a retry time of its own.
    expect(waiting.map((r) => r.attempts)).toEqual([8, 1, 1, 1, 1, 1, 1, 0, 0, 0])
    expect(waiting.filter((r) => r.attempts > 0).every((r) => r.last_error?.includes('cannot be reached'))).toBe(true)
    expect(t.sqlite.prepare('select count(*) n from outbox where next_attempt_at is not null').get()).toEqual({ n: 0 })

    const back = await standIn({ port: Number(new URL(url).port) })
    await drain(t, relay, client)
    expect(back.store.tally.accepted).toBe(10)
    expect(outboxRows(t).every((r) => r.sent_at !== null)).toBe(true)
  })

  it("never lets an order's later event overtake one that is waiting for its retry", async () => {
    const oms = await standIn()
    const { t, orderIds } = stationWithOrders(2)
    const [a, b] = orderIds
    writeEvents(t, [a, b], 4) // a1 b1 a2 b2
    const rows = outboxRows(t)
    // a1 failed earlier and waits for its retry; b1 does not.
    t.sqlite
      .prepare('update outbox set attempts = 1, next_attempt_at = ? where id = ?')
      .run(new Date(t.clock().getTime() + 60_000).toISOString(), rows[0].id)

    const relay = relayFor(t)
    expect(await relay.sendBatch(clientFor(t, oms.url))).toMatchObject({ kind: 'sent', accepted: 2 })
    expect([...oms.store.received.keys()]).toEqual([rows[1].id, rows[3].id])
    expect(await relay.sendBatch(clientFor(t, oms.url))).toMatchObject({ kind: 'idle' })

    t.time.advance(60_000)
    await drain(t, relay, clientFor(t, oms.url))
    expect([...oms.store.received.keys()]).toEqual([rows[1].id, rows[3].id, rows[0].id, rows[2].id])
  })

  it('keeps a rejected event, with the reason, out of the retries and does not drop it', async () => {
    const oms = await standIn()
    const { t, orderIds } = stationWithOrders(1)
    writeEvents(t, orderIds, 3)
    const [first] = outboxRows(t)
    oms.store.receive = (
      (original) => (events) =>
        original
          .call(oms.store, events)
          .map((r) =>
            r.id === first.id
              ? { id: r.id, status: 'rejected' as const, reason: 'IMEI 356789012345678 was already shipped by station ST-OTHER' }
              : r
          )
    )(oms.store.receive)

    await drain(t, relayFor(t), clientFor(t, oms.url))
    const rows = outboxRows(t)
    expect(rows[0]).toMatchObject({
      sent_at: null,
      reject_reason: 'IMEI 356789012345678 was already shipped by station ST-OTHER',
      attempts: 1
    })
    expect(rows[0].rejected_at).not.toBeNull()
    expect(rows.slice(1).every((r) => r.sent_at !== null)).toBe(true)
  })
})
