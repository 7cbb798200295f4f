// Pieces of the relay tests that drive the station's own push loop with the
// test's clock: the relay, the sync status and the push loop of a test station
// (its own background sync stays idle: no OMS address is set), a minimal OMS
// on 127.0.0.1 that acknowledges every event or fails as told, and the number
// of SQLite commits some work wrote.
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { DATABASE_FILE } from '../../src/main/station'
import { createOutboxRelay, type OutboxRelay } from '../../src/main/core/sync/outboxRelay'
import type { EventResult, WireEvent } from '../../src/main/core/sync/omsWire'
import { plainFileSecretStore } from '../../src/main/core/sync/secretStore'
import { PushLoop } from '../../src/main/core/sync/syncPush'
import { readSyncSetting } from '../../src/main/core/sync/syncSettings'
import { SyncState } from '../../src/main/core/sync/syncStatus'
import { seededRandom } from '../../tools/oms-dev/server'
import { allProducts, importRecords, openTestStation, orderIdOf, orderRecord, type TestStation } from '../core/helpers'
import { clientFor, stationIdOf } from './helpers'

export type Pusher = { relay: OutboxRelay; push: PushLoop; state: SyncState }

/** The station's relay and push loop, sending to `url` with the station's sync settings. */
export function pusherFor(t: TestStation, url: string, seed = 1): Pusher {
  const stationId = stationIdOf(t)
  const relay = createOutboxRelay({
    db: t.db,
    clock: t.clock,
    stationId,
    config: () => readSyncSetting(t.db, 'oms'),
    random: seededRandom(seed)
  })
  const context = { db: t.db, clock: t.clock, stationId, notify: () => {} }
  const stopped = () => false
  const log = () => {}
  const state = new SyncState({ context, secrets: plainFileSecretStore(t.dataDir), log, stopped, nextTryAt: () => relay.nextTryAt() })
  const client = clientFor(t, url, 1_000)
  const push = new PushLoop({ context, relay, client: () => client, state, stopped, log })
  return { relay, push, state }
}

/** One round of the push timer: push, then move the clock to the next round as PushLoop.round() plans it. Returns the wait. */
export async function round(t: TestStation, { push }: Pusher): Promise<number> {
  const interval = readSyncSetting(t.db, 'oms').pushIntervalSeconds * 1000
  const { retryInMs } = await push.push()
  const next = retryInMs === null ? interval : Math.min(interval, Math.max(retryInMs, 50))
  t.time.advance(next)
  return next
}

export const waitingEvents = (t: TestStation): number =>
  (t.sqlite.prepare('select count(*) n from outbox where sent_at is null and rejected_at is null').get() as { n: number }).n

export type Failing = { status: number; retryAfter?: string }

export type TestOms = {
  url: string
  port: number
  /** The number of events in each POST /events, in arrival order (failed ones too). */
  posts: number[]
  /** The ids of each POST /events. */
  batches: string[][]
  /** Every event posted, as the OMS parsed it, in arrival order. */
  received: WireEvent[]
  /** Ids of the events acknowledged, in arrival order. */
  acknowledged: string[]
  /** Answer every request with this status (and Retry-After) instead; null: answer. */
  failing: Failing | null
  /** Per-event answer (null: none, the event goes unanswered); null: `acknowledge`. */
  answer: ((event: WireEvent, seen: boolean) => EventResult | null) | null
  close(): Promise<void>
}

/** What an OMS that takes everything answers: accepted, or duplicate when it had the event already. */
export const acknowledge = (event: WireEvent, seen: boolean): EventResult => ({ id: event.id, status: seen ? 'duplicate' : 'accepted' })

const servers: TestOms[] = []

/** A minimal OMS: POST /v1/events answered per event, nothing else. On `port` when given (to come back after an outage). */
export async function testOms(port = 0): Promise<TestOms> {
  const seen = new Set<string>()
  const server = createServer((req, res) => {
    void body(req).then((text) => {
      const events = (JSON.parse(text) as { events: WireEvent[] }).events
      oms.posts.push(events.length)
      oms.batches.push(events.map((e) => e.id))
      oms.received.push(...events)
      if (oms.failing) {
        const headers: Record<string, string> = oms.failing.retryAfter ? { 'retry-after': oms.failing.retryAfter } : {}
        res.writeHead(oms.failing.status, headers).end('{"error":"failing on purpose"}')
        return
      }
      const results: EventResult[] = []
      for (const event of events) {
        const result = (oms.answer ?? acknowledge)(event, seen.has(event.id))
        if (!result) continue
        if (result.status === 'accepted') oms.acknowledged.push(event.id)
        if (result.status !== 'rejected') seen.add(event.id)
        results.push(result)
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results }))
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const bound = (server.address() as AddressInfo).port
  const oms: TestOms = {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    posts: [],
    batches: [],
    received: [],
    acknowledged: [],
    failing: null,
    answer: null,
    close: () =>
      new Promise<void>((resolve) => {
        servers.splice(servers.indexOf(oms), 1)
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
  servers.push(oms)
  return oms
}

/** afterEach: every test OMS still listening stops. */
export const closeTestOms = () => Promise.all([...servers].map((s) => s.close()))

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * The commits the station's database wrote during `work`, counted from the write-ahead log: each
 * commit ends with a frame that records the database size. A second connection holds a read
 * snapshot meanwhile, so no checkpoint can restart the log under the count.
 */
export async function commitsDuring<T>(t: TestStation, work: () => Promise<T>): Promise<{ result: T; commits: number }> {
  const file = join(t.dataDir, DATABASE_FILE)
  t.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  const reader = new Database(file, { readonly: true })
  try {
    reader.exec('begin')
    reader.prepare('select count(*) from outbox').get()
    const result = await work()
    return { result, commits: walCommits(`${file}-wal`) }
  } finally {
    reader.exec('commit')
    reader.close()
  }
}

function walCommits(file: string): number {
  const wal = readFileSync(file)
  if (wal.length < 32) return 0
  const pageSize = wal.readUInt32BE(8)
  const [salt1, salt2] = [wal.readUInt32BE(16), wal.readUInt32BE(20)]
  let commits = 0
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break
    if (wal.readUInt32BE(at + 4) !== 0) commits++
  }
  return commits
}

/** A test station with `n` imported orders (OMS-100…), and their ids. */
export function stationWithOrders(n: number): { t: TestStation; orderIds: number[] } {
  const t = openTestStation()
  importRecords(
    t,
    Array.from({ length: n }, (_, i) => orderRecord(100 + i)),
    allProducts()
  )
  return { t, orderIds: Array.from({ length: n }, (_, i) => orderIdOf(t, `OMS-${100 + i}`)) }
}
