// The relay's batches at warehouse scale, through the station's own push loop
// against a real HTTP OMS on 127.0.0.1: up to the contract's 500 events per
// request, one after another without pause, one SQLite commit per batch; and
// per-event answers (rejected, duplicate, unanswered) recorded as before.
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, outboxRows, stationIdOf, writeEvents } from './helpers'
import { acknowledge, closeTestOms, commitsDuring, pusherFor, testOms, waitingEvents, stationWithOrders } from './pushHelpers'

afterEach(async () => {
  await cleanup()
  await closeTestOms()
})

describe('outbox batches', () => {
  it('sends 1,200 waiting events in one push as batches of 500, 500 and 200, one commit each', async () => {
    const oms = await testOms()
    const { t, orderIds } = stationWithOrders(3)
    const ids = writeEvents(t, [...orderIds, null], 1_200, true)
    // Time passes while the OMS works (SQLite writes nothing for a row set to the value it has).
    oms.answer = (event, seen) => (t.time.advance(1), acknowledge(event, seen))
    const pusher = pusherFor(t, oms.url)

    const { result, commits } = await commitsDuring(t, () => pusher.push.push())
    expect(result).toEqual({ sent: { accepted: 1_200, duplicate: 0, rejected: 0 }, retryInMs: null, error: null })
    expect(oms.posts).toEqual([500, 500, 200])
    // One commit per settled batch, and one for the time of the last success at the end of the push.
    expect(commits).toBe(3 + 1)
    expect(oms.acknowledged).toEqual(ids)
    // Each event as the workflows wrote it: the payload spliced in from the outbox's JSON text arrives whole.
    expect(oms.received[1_000]).toEqual({
      id: ids[1_000],
      type: 'test.event',
      stationId: stationIdOf(t),
      operator: null,
      at: expect.any(String),
      omsOrderId: 'OMS-100',
      payload: { seq: 1_000, orderId: orderIds[0] }
    })
    expect(waitingEvents(t)).toBe(0)
    expect(outboxRows(t).every((r) => r.sent_at !== null && r.attempts === 1 && r.last_error === null)).toBe(true)
  })

  it('records per-event answers within a batch: rejections with their own reasons, duplicates, and an unanswered event retried alone', async () => {
    const oms = await testOms()
    const { t, orderIds } = stationWithOrders(4)
    const ids = writeEvents(t, orderIds, 500, true)
    const rejected = new Map([
      [ids[10]!, 'IMEI 356789012345678 was already shipped by station ST-OTHER'],
      [ids[20]!, 'order OMS-101 was cancelled in the OMS before it was packed']
    ])
    oms.answer = (event, seen) => {
      if (event.id === ids[40] && !seen && oms.posts.length === 1) return null
      if (event.id === ids[30]) return { id: event.id, status: 'duplicate' }
      const reason = rejected.get(event.id)
      return reason ? { id: event.id, status: 'rejected', reason } : acknowledge(event, seen)
    }
    const pusher = pusherFor(t, oms.url)

    const first = await pusher.push.push()
    expect(first.sent).toEqual({ accepted: 496, duplicate: 1, rejected: 2 })
    expect(oms.posts).toEqual([500])
    const rows = new Map(outboxRows(t).map((r) => [r.id, r]))
    for (const [id, reason] of rejected) expect(rows.get(id)).toMatchObject({ sent_at: null, reject_reason: reason, attempts: 1 })
    expect(rows.get(ids[10]!)!.rejected_at).not.toBeNull()
    expect(rows.get(ids[30]!)!.sent_at).not.toBeNull()
    // The event the OMS did not answer for waits for a retry time of its own (it says nothing about the connection).
    expect(rows.get(ids[40]!)).toMatchObject({
      sent_at: null,
      rejected_at: null,
      attempts: 1,
      last_error: expect.stringContaining('did not answer')
    })
    expect(first.retryInMs).toBeGreaterThanOrEqual(0)
    expect(pusher.relay.nextTryAt()).toBeNull()

    t.time.advance(first.retryInMs!)
    expect(await pusher.push.push()).toMatchObject({ sent: { accepted: 1 }, retryInMs: null })
    expect(oms.posts).toEqual([500, 1])
    expect(waitingEvents(t)).toBe(0)
    expect(
      outboxRows(t)
        .filter((r) => r.rejected_at !== null)
        .map((r) => r.id)
    ).toEqual([ids[10], ids[20]])
  })

  it("holds back the next batch's events of an order whose event the OMS did not answer for", async () => {
    const oms = await testOms()
    const { t, orderIds } = stationWithOrders(4)
    const ids = writeEvents(t, orderIds, 700, true)
    const orderOf = new Map(outboxRows(t).map((r) => [r.id, r.order_id]))
    oms.answer = (event, seen) => (event.id === ids[40] && oms.posts.length === 1 ? null : acknowledge(event, seen))
    const pusher = pusherFor(t, oms.url)

    const first = await pusher.push.push()
    expect(first.sent.accepted).toBe(649)
    // The second batch went only after the first was answered, and without the later events of ids[40]'s order.
    expect(oms.batches[0]).toEqual(ids.slice(0, 500))
    const held = orderOf.get(ids[40]!)
    expect(oms.batches[1]).toEqual(ids.slice(500).filter((id) => orderOf.get(id) !== held))
    expect(oms.batches[1]).toHaveLength(150)

    t.time.advance(first.retryInMs!)
    expect(await pusher.push.push()).toMatchObject({ sent: { accepted: 51 }, retryInMs: null })
    expect(oms.batches[2]).toEqual([ids[40], ...ids.slice(500).filter((id) => orderOf.get(id) === held)])
    expect(waitingEvents(t)).toBe(0)
  })
})
