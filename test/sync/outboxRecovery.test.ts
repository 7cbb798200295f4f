// The relay after an OMS outage, driven by the test's clock through the
// station's own push loop and its default settings: the backoff belongs to
// the connection, so however long the OMS was away, everything that waits
// goes within one probe of it answering again. Retry-After is honoured.
import { afterEach, describe, expect, it } from 'vitest'
import { readSyncSetting } from '../../src/main/core/sync/syncSettings'
import { cleanup, outboxRows, writeEvents } from './helpers'
import type { TestStation } from '../core/helpers'
import { closeTestOms, pusherFor, round, testOms, waitingEvents, stationWithOrders } from './pushHelpers'

afterEach(async () => {
  await cleanup()
  await closeTestOms()
})

const now = (t: TestStation) => t.clock().getTime()

/** A port nothing listens on (yet): connection refused. */
async function deadPort(): Promise<number> {
  const oms = await testOms()
  await oms.close()
  return oms.port
}

describe('outbox relay after an OMS outage', () => {
  it('drains everything that piled up during 30 minutes of outage within one probe of the OMS answering again', async () => {
    const { t, orderIds } = stationWithOrders(4)
    const cap = readSyncSetting(t.db, 'oms').backoffCapMs
    const port = await deadPort()
    const pusher = pusherFor(t, `http://127.0.0.1:${port}`, 11)

    // 30 minutes without the OMS: the station keeps packing (100 events a minute) and the push timer keeps trying.
    const outageEnds = now(t) + 30 * 60_000
    const waits: number[] = []
    let nextMinute = now(t)
    while (now(t) < outageEnds) {
      if (now(t) >= nextMinute) {
        writeEvents(t, [...orderIds, null], 100, true)
        nextMinute += 60_000
      }
      waits.push(await round(t, pusher))
    }
    const ids = outboxRows(t).map((r) => r.id)
    expect(ids).toHaveLength(3_000)
    expect(waitingEvents(t)).toBe(3_000)
    // The backoff is the connection's: it never grows past the cap, and no event carries a retry time of its own.
    expect(Math.max(...waits)).toBeLessThanOrEqual(cap)
    expect(t.sqlite.prepare('select count(*) n from outbox where next_attempt_at is not null').get()).toEqual({ n: 0 })
    const status = pusher.state.status()
    expect(status).toMatchObject({ online: false, waiting: 3_000, lastError: expect.stringContaining('cannot be reached') })
    expect(Date.parse(status.nextTryAt!) - now(t)).toBeLessThanOrEqual(cap)

    // The OMS answers again: the next try (a probe of one event) finds it, and the same push sends everything.
    const oms = await testOms(port)
    const upAt = now(t)
    let drainedAt: number | null = null
    const pushesThatSent: number[] = []
    for (let i = 0; i < 10 && drainedAt === null; i++) {
      const before = now(t)
      const posts = oms.posts.length
      await round(t, pusher)
      if (oms.posts.length > posts) pushesThatSent.push(i)
      if (waitingEvents(t) === 0) drainedAt = before
    }
    expect(drainedAt).not.toBeNull()
    expect(drainedAt! - upAt).toBeLessThanOrEqual(cap)
    expect(drainedAt! - upAt).toBeLessThan(10_000)
    expect(pushesThatSent).toHaveLength(1)
    expect(oms.posts).toEqual([1, 500, 500, 500, 500, 500, 499])

    // Each event once, in the order written (per order, and here overall).
    expect(oms.acknowledged).toEqual(ids)
    expect(pusher.state.status()).toMatchObject({ online: true, waiting: 0, nextTryAt: null, lastError: null })
  })

  it.each([
    { status: 503, retryAfter: '120', waitMs: 120_000 },
    { status: 429, retryAfter: '30', waitMs: 30_000 }
  ])(
    'waits as long as the OMS asks (HTTP $status, Retry-After $retryAfter s), beyond the backoff cap',
    async ({ status, retryAfter, waitMs }) => {
      const { t, orderIds } = stationWithOrders(2)
      writeEvents(t, orderIds, 20)
      const oms = await testOms()
      oms.failing = { status, retryAfter }
      const pusher = pusherFor(t, oms.url)

      const first = await pusher.push.push()
      expect(first.error).toMatchObject({ kind: 'http', status })
      expect(first.retryInMs).toBe(waitMs)
      expect(pusher.state.status()).toMatchObject({ online: false, nextTryAt: new Date(now(t) + waitMs).toISOString() })

      // The OMS is fine again, but asked for the wait: nothing goes before it is over.
      oms.failing = null
      t.time.advance(waitMs - 1_000)
      expect(await pusher.push.push()).toMatchObject({ retryInMs: 1_000, error: null })
      expect(oms.posts).toEqual([20])

      t.time.advance(1_000)
      expect(await pusher.push.push()).toMatchObject({ sent: { accepted: 20 }, retryInMs: null, error: null })
      expect(oms.posts).toEqual([20, 1, 19])
      expect(waitingEvents(t)).toBe(0)
    }
  )

  it('tries at once on Sync now while it waits out the backoff', async () => {
    const { t, orderIds } = stationWithOrders(1)
    writeEvents(t, orderIds, 5)
    const oms = await testOms()
    oms.failing = { status: 503, retryAfter: '600' }
    const pusher = pusherFor(t, oms.url)
    expect(await pusher.push.push()).toMatchObject({ retryInMs: 600_000 })

    oms.failing = null
    expect(await pusher.push.push()).toMatchObject({ sent: { accepted: 0 }, retryInMs: 600_000 })
    expect(await pusher.push.push({ now: true })).toMatchObject({ sent: { accepted: 5 }, retryInMs: null })
    expect(oms.posts).toEqual([5, 1, 4])
  })

  it('says the OMS answered but refused (401), and tries again after the longest backoff', async () => {
    const { t, orderIds } = stationWithOrders(1)
    writeEvents(t, orderIds, 5)
    const oms = await testOms()
    oms.failing = { status: 401 }
    const pusher = pusherFor(t, oms.url)
    const cap = readSyncSetting(t.db, 'oms').backoffCapMs

    expect(await pusher.push.push()).toMatchObject({ retryInMs: cap, error: { status: 401 } })
    expect(pusher.state.status()).toMatchObject({ online: true, lastError: expect.stringContaining('token was refused') })
    expect(pusher.state.status().nextTryAt).toBe(new Date(now(t) + cap).toISOString())
  })
})
