// An OMS that only acknowledges, for the outbox benchmark: on 127.0.0.1 it
// answers every event batch "accepted" for each event (after parsing the
// JSON, as any OMS must), the order pull and the serial ledger with empty
// pages, and anything else 404, every answer in the contract's version. It
// stores nothing and checks no rule, so a drain against it times the
// station's own side of the outbox (read, serialize, post, settle) rather
// than the stand-in's (tools/oms-dev keeps every event and its serial ledger
// in SQLite, ~90 µs an event, which caps any drain to it). Run in a process
// of its own, as a real OMS would be:
//
//   npx tsx bench/paths/omsSink.ts --port N      prints "OMS sink on <url>"
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { API_PREFIX, CONTRACT_VERSION, VERSION_HEADER } from '../../src/main/core/sync/omsWire'

type Counts = { batches: number; events: number }

/** The sink's answer to one request: status and JSON body. */
export function sinkAnswer(method: string, path: string, body: string, counts: Counts): { status: number; body: unknown } {
  if (!path.startsWith(API_PREFIX)) return { status: 404, body: { error: 'not_found' } }
  const route = path.slice(API_PREFIX.length).split('?')[0]
  if (method === 'POST' && route === '/events') {
    const events = (JSON.parse(body) as { events?: { id: string }[] }).events ?? []
    counts.batches++
    counts.events += events.length
    return { status: 200, body: { results: events.map((e) => ({ id: e.id, status: 'accepted' })) } }
  }
  if (method === 'GET' && /^\/stations\/[^/]+\/orders$/.test(route)) {
    return { status: 200, body: { orders: [], products: [], next_cursor: '0', has_more: false } }
  }
  if (method === 'GET' && route === '/serial-ledger') return { status: 200, body: { entries: [], next_cursor: '0', has_more: false } }
  if (method === 'GET' && route === '/sink/counts') return { status: 200, body: counts }
  return { status: 404, body: { error: 'not_found' } }
}

export function startSink(port: number): Promise<{ url: string; counts: Counts; close(): Promise<void> }> {
  const counts: Counts = { batches: 0, events: 0 }
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      let answer: { status: number; body: unknown }
      try {
        answer = sinkAnswer(req.method ?? 'GET', req.url ?? '/', Buffer.concat(chunks).toString('utf8'), counts)
      } catch {
        answer = { status: 400, body: { error: 'bad_request' } }
      }
      res.writeHead(answer.status, { 'content-type': 'application/json', [VERSION_HEADER]: CONTRACT_VERSION })
      res.end(JSON.stringify(answer.body))
    })
  })
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${bound}`,
        counts,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          })
      })
    })
  })
}

if (process.argv[1]?.endsWith('omsSink.ts')) {
  const at = process.argv.indexOf('--port')
  const sink = await startSink(at > 0 ? Number(process.argv[at + 1]) : 0)
  console.log(`OMS sink on ${sink.url}`)
  process.on('SIGTERM', () => void sink.close().then(() => process.exit(0)))
}
