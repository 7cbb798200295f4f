// The browser host: the station core in plain Node, the renderer served to a
// browser, and the contract spoken over a WebSocket. Bound to 127.0.0.1 only;
// a per-run token (given to the page we serve), a Host check (DNS rebinding)
// and an Origin check keep other web pages and other users' programs from
// talking to the station.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { Readable, type Duplex } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { WebSocketServer } from 'ws'
import { dispatch } from '../core/dispatch'
import { refusal } from '../core/errors'
import type { Station } from '../station'
import { isAllowedHost, isAllowedOrigin } from './allowedHosts'

export type BrowserHost = { url: string; port: number; close(): Promise<void> }

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

export async function startBrowserHost(opts: {
  station: Pick<Station, 'handlers' | 'subscribe' | 'media'>
  rendererDir: string
  port?: number
}): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url')
  // Set once listening; no request can arrive before that.
  let port = 0
  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, port)) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(MISDIRECTED)
      return
    }
    const media = answerMediaRequest(opts.station, req, res)
    if (media) {
      media.catch(() => res.destroy())
      return
    }
    serveFile(opts.rendererDir, token, req, res).catch(() => {
      res.writeHead(500).end('Internal error')
    })
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: 25 * 1024 * 1024 })

  server.on('upgrade', (req, socket, head) => {
    if (!isAllowedHost(req.headers.host, port)) {
      refuseUpgrade(socket, '421 Misdirected Request', MISDIRECTED)
      return
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== '/station' || !isAllowedOrigin(req.headers.origin, port) || !sameToken(url.searchParams.get('token'), token)) {
      refuseUpgrade(socket, '403 Forbidden', 'Forbidden')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('message', async (data) => {
        let id: unknown = null
        try {
          const message = JSON.parse(String(data)) as { id?: unknown; channel?: unknown; args?: unknown }
          id = message.id
          const envelope = await dispatch(opts.station.handlers, message.channel, message.args)
          ws.send(JSON.stringify({ id, envelope }))
        } catch {
          const error = refusal('bad_message', { key: 'refusals:station.badMessage' }).toFailure()
          ws.send(JSON.stringify({ id, envelope: { ok: false, error } }))
        }
      })
    })
  })

  // Notices go to every authenticated page, as `{ notice, payload }` (requests are answered as `{ id, envelope }`).
  const unsubscribe = opts.station.subscribe((notice, payload) => {
    const message = JSON.stringify({ notice, payload })
    for (const client of wss.clients) client.send(message)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as { port: number }).port
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise((resolve) => {
        unsubscribe()
        for (const client of wss.clients) client.terminate()
        wss.close()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

const MISDIRECTED = 'Misdirected request: open the station at 127.0.0.1 or localhost.'

function refuseUpgrade(socket: Duplex, status: string, text: string) {
  const headers = `Connection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}`
  socket.end(`HTTP/1.1 ${status}\r\n${headers}\r\n\r\n${text}`)
}

function sameToken(given: string | null, token: string): boolean {
  if (!given || given.length !== token.length) return false
  return timingSafeEqual(Buffer.from(given), Buffer.from(token))
}

/** A recording's video (/evidence-media/…), streamed with its byte ranges; null for any other path. */
function answerMediaRequest(station: Pick<Station, 'media'>, req: IncomingMessage, res: ServerResponse): Promise<void> | null {
  const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
  const headers = new Headers()
  if (typeof req.headers.range === 'string') headers.set('range', req.headers.range)
  const answer = station.media?.(pathname, { method: req.method ?? 'GET', headers })
  if (!answer) return null
  res.writeHead(answer.status, Object.fromEntries(answer.headers))
  if (!answer.body) {
    res.end()
    return Promise.resolve()
  }
  return pipeline(Readable.fromWeb(answer.body as WebReadableStream<Uint8Array>), res)
}

async function serveFile(root: string, token: string, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end()
    return
  }
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
  const relative = normalize(path === '/' ? '/index.html' : path).replace(/^([/\\])+/, '')
  const file = join(root, relative)
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(403).end()
    return
  }
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
    return
  }
  if (relative === 'index.html') {
    // The page learns the per-run token from a meta tag; no inline script is needed.
    body = Buffer.from(String(body).replace('<meta name="station-token" content="" />', `<meta name="station-token" content="${token}" />`))
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer'
  })
  res.end(req.method === 'HEAD' ? undefined : body)
}
