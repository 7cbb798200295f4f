// The stand-in OMS (`npm run oms:dev`): the contract of docs/oms-api.yaml on
// 127.0.0.1 only (every request must name its station and contract version,
// every answer names its version), its state in a SQLite database (db.ts; a file
// survives a restart, `:memory:` for tests), each station served its share of
// the orders (per-station assignment, assignment.ts), and failures on demand (error rate,
// timeouts, connections reset after the store committed, latency) for
// development, demos and tests. A development tool: never shipped.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { API_PREFIX, CONTRACT_VERSION, EventBatch, STATION_HEADER, VERSION_HEADER } from '../../src/main/core/sync/omsWire'
import { AssignRequest, OrderAssignments, splitAssignment } from './assignment'
import { claimRoutes, OmsClaims } from './claims'
import { openOmsDb, type OmsDb } from './db'
import type { ApiRoutes } from './routes'
import { SerialLedger } from './ledger'
import { stationRefusal } from './stationCheck'
import { OmsStore } from './store'

export const Failure = z.object({
  /** Share of requests answered 500, 503 or 429 without doing anything. */
  errorRate: z.number().min(0).max(1).default(0),
  /** Share of requests done, then never answered (the station times out). */
  timeoutRate: z.number().min(0).max(1).default(0),
  /** Share of requests done, then the connection is reset (the station never hears the answer). */
  dropRate: z.number().min(0).max(1).default(0),
  /** Delay before every answer. */
  latencyMs: z.number().int().min(0).max(60_000).default(0)
})
export type Failure = z.infer<typeof Failure>

export type OmsDevOptions = {
  port?: number
  /** The database: a file path (its state survives a restart), `:memory:` (the default), or an open handle the caller closes. */
  db?: string | OmsDb
  /** The stand-in's clock (event times, claim leases); tests pass a fake one. */
  now?: () => Date
  /** Requests must carry `Authorization: Bearer <token>` when set. */
  token?: string | null
  failure?: Partial<Failure>
  orders?: Record<string, unknown>[]
  products?: Record<string, unknown>[]
  /** Seed for the failure dice, so a test run can be repeated exactly. */
  seed?: number
  /** The contract version it answers in (X-Contract-Version); another major than the station's plays a newer OMS. */
  contractVersion?: string
  /** Longest a "timeout" request is held open. */
  hangMs?: number
  log?: (line: string) => void
}

export type Injected = { errors: number; timeouts: number; drops: number; requests: number; eventPosts: number }

export type OmsDev = {
  url: string
  /** The stand-in's database: every concern (store, claims, a ledger) keeps its tables on this one handle. */
  db: OmsDb
  store: OmsStore
  /** Order claims with leases on the stand-in's clock (claims.ts). */
  claims: OmsClaims
  /** Which station each order is assigned to; the pull serves a station its share (assignment.ts). */
  assignments: OrderAssignments
  /** The shared serial ledger, fed by the events the store accepts (ledger.ts). */
  ledger: SerialLedger
  injected: Injected
  setFailure(failure: Partial<Failure>): Failure
  close(): Promise<void>
}

const OrderList = z.object({
  orders: z.array(z.record(z.string(), z.unknown())).default([]),
  products: z.array(z.record(z.string(), z.unknown())).default([])
})
const StatusChange = z.object({ status: z.string().min(1) })
const BlockSerials = z.object({ serials: z.array(z.string().min(1)).min(1), reason: z.string().min(1) })

/** mulberry32: a small seeded generator for repeatable failure dice. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export async function startOmsDev(options: OmsDevOptions = {}): Promise<OmsDev> {
  const ownsDb = typeof options.db !== 'object'
  const db = typeof options.db === 'object' ? options.db : openOmsDb(options.db ?? ':memory:')
  const now = options.now ?? (() => new Date())
  const store = new OmsStore(db, now)
  const assignments = new OrderAssignments(db)
  store.putProducts(options.products ?? [])
  // An order file's `assigned_station_id` counts only for orders the database does not hold yet (as the orders themselves).
  db.transaction(() => {
    for (const order of options.orders ?? []) {
      const { record, assigned } = splitAssignment(order)
      if (store.record(String(record.oms_order_id))) continue
      store.putOrder(record as never)
      if (assigned !== undefined) assignments.set(String(record.oms_order_id), assigned)
    }
  })()
  let failure = Failure.parse(options.failure ?? {})
  const random = seededRandom(options.seed ?? Date.now())
  const injected: Injected = { errors: 0, timeouts: 0, drops: 0, requests: 0, eventPosts: 0 }
  const log = options.log ?? (() => {})
  const hangMs = options.hangMs ?? 30_000
  const contractVersion = options.contractVersion ?? CONTRACT_VERSION
  /** The contract's other parts, each a concern of its own on the same database (see routes.ts). */
  const ledger = new SerialLedger(db, now)
  const claims = new OmsClaims(
    db,
    now,
    (omsOrderId) => store.record(omsOrderId) !== null,
    (stationId) => ledger.nameOf(stationId)
  )
  const routes: ApiRoutes[] = [claimRoutes(claims)]
  store.addRule(ledger)
  store.addRule(claims)
  routes.push(ledger.routes)

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`error: ${(error as Error).message}`)
      if (!res.headersSent) send(res, 500, { error: 'internal error in the stand-in' })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const body = req.method === 'POST' || req.method === 'PUT' || req.method === 'DELETE' ? await readJson(req) : undefined
    if (url.pathname.startsWith('/admin/')) return admin(req.method ?? 'GET', url, body, res)
    if (!url.pathname.startsWith(`${API_PREFIX}/`)) return send(res, 404, { error: 'not found' })

    injected.requests++
    res.setHeader(VERSION_HEADER, contractVersion)
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`)
      return send(res, 401, { error: 'missing or wrong bearer token' })
    const refusal = stationRefusal(req.headers, url.pathname.slice(API_PREFIX.length), body, contractVersion)
    if (refusal) {
      log(`${req.method} ${url.pathname} → 400 ${refusal.code}`)
      return send(res, 400, refusal)
    }
    if (failure.latencyMs) await sleep(failure.latencyMs)

    const roll = random()
    if (roll < failure.errorRate) {
      injected.errors++
      const status = [500, 503, 429][injected.errors % 3]!
      log(`${req.method} ${url.pathname} → injected ${status}`)
      return send(res, status, { error: 'injected failure' }, status === 429 ? { 'retry-after': '0' } : {})
    }
    const answer = api(req.method ?? 'GET', url, body, String(req.headers[STATION_HEADER]), req.headers)
    if (roll < failure.errorRate + failure.timeoutRate) {
      injected.timeouts++
      log(`${req.method} ${url.pathname} → done, answer withheld (timeout)`)
      const timer = setTimeout(() => req.socket.destroy(), hangMs)
      res.once('close', () => clearTimeout(timer))
      return
    }
    if (roll < failure.errorRate + failure.timeoutRate + failure.dropRate) {
      injected.drops++
      log(`${req.method} ${url.pathname} → done, connection reset`)
      req.socket.destroy()
      return
    }
    send(res, answer.status, answer.body)
  }

  function api(
    method: string,
    url: URL,
    body: unknown,
    stationId: string,
    headers: IncomingHttpHeaders
  ): { status: number; body: unknown } {
    const path = url.pathname.slice(API_PREFIX.length)
    for (const route of routes) {
      const answer = route({ method, path, url, body, stationId, headers })
      if (answer) return answer
    }
    const pull = path.match(/^\/stations\/([^/]+)\/orders$/)
    if (method === 'GET' && pull) {
      const limit = Math.min(500, Math.max(1, Number(url.searchParams.get('limit') ?? 100) || 100))
      const page = store.page(url.searchParams.get('cursor'), limit, assignments.visibleTo(stationId))
      assignments.delivered(
        stationId,
        page.orders.map((o) => String(o.oms_order_id))
      )
      return { status: 200, body: page }
    }
    const status = path.match(/^\/orders\/([^/]+)\/status$/)
    if (method === 'GET' && status) {
      const answer = store.status(decodeURIComponent(status[1]!))
      return answer ? { status: 200, body: answer } : { status: 404, body: { error: 'no such order' } }
    }
    if (method === 'POST' && path === '/events') {
      const batch = EventBatch.safeParse(body)
      if (!batch.success) return { status: 400, body: { error: z.prettifyError(batch.error) } }
      injected.eventPosts++
      return { status: 200, body: { results: store.receive(batch.data.events) } }
    }
    return { status: 404, body: { error: 'not found' } }
  }

  function admin(method: string, url: URL, body: unknown, res: ServerResponse) {
    const path = url.pathname
    if (method === 'GET' && path === '/admin/events')
      return send(res, 200, { events: [...store.received.values()].map((r) => r.event), tally: store.tally, rejections: store.rejections })
    if (method === 'GET' && path === '/admin/claims') return send(res, 200, { claims: claims.list() })
    if (method === 'GET' && path === '/admin/stats') return send(res, 200, { injected, tally: store.tally, failure })
    if (method === 'PUT' && path === '/admin/failure') {
      const parsed = Failure.partial().safeParse(body)
      return parsed.success ? send(res, 200, setFailure(parsed.data)) : send(res, 400, { error: z.prettifyError(parsed.error) })
    }
    if (method === 'POST' && path === '/admin/orders') {
      const parsed = OrderList.safeParse(body)
      if (!parsed.success) return send(res, 400, { error: z.prettifyError(parsed.error) })
      store.putProducts(parsed.data.products)
      for (const order of parsed.data.orders) {
        const { record, assigned } = splitAssignment(order)
        db.transaction(() => {
          if (assigned !== undefined) assignments.set(String(record.oms_order_id), assigned)
          store.putOrder(record as never)
        })()
      }
      return send(res, 200, { orders: parsed.data.orders.length })
    }
    const status = path.match(/^\/admin\/orders\/([^/]+)\/status$/)
    if (method === 'POST' && status) {
      const parsed = StatusChange.safeParse(body)
      if (!parsed.success) return send(res, 400, { error: z.prettifyError(parsed.error) })
      return store.setStatus(decodeURIComponent(status[1]!), parsed.data.status)
        ? send(res, 200, { ok: true })
        : send(res, 404, { error: 'no such order' })
    }
    const assign = path.match(/^\/admin\/orders\/([^/]+)\/assign$/)
    if (method === 'POST' && assign) {
      const parsed = AssignRequest.safeParse(body)
      if (!parsed.success) return send(res, 400, { error: z.prettifyError(parsed.error) })
      const omsOrderId = decodeURIComponent(assign[1]!)
      const record = store.record(omsOrderId)
      if (!record) return send(res, 404, { error: 'no such order' })
      // A changed assignment is a change of the order: pulled again by the station it goes to (and by those that had it).
      db.transaction(() => {
        assignments.set(omsOrderId, parsed.data.stationId)
        store.putOrder(record)
      })()
      return send(res, 200, { omsOrderId, stationId: parsed.data.stationId })
    }
    if (method === 'GET' && path === '/admin/assignments') return send(res, 200, { assignments: assignments.list() })
    if (method === 'POST' && path === '/admin/reject-serials') {
      const parsed = BlockSerials.safeParse(body)
      if (!parsed.success) return send(res, 400, { error: z.prettifyError(parsed.error) })
      store.blockSerials(parsed.data.serials, parsed.data.reason)
      return send(res, 200, { ok: true })
    }
    return send(res, 404, { error: 'not found' })
  }

  function setFailure(next: Partial<Failure>): Failure {
    failure = Failure.parse({ ...failure, ...next })
    return failure
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    store,
    claims,
    assignments,
    ledger,
    injected,
    setFailure,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      if (ownsDb && db.open) db.close()
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > 10_000_000) throw new Error('request body over 10 MB')
    chunks.push(chunk as Buffer)
  }
  if (size === 0) return undefined
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    return undefined
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
