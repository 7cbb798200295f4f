// The browser host against DNS rebinding: a page on evil.example whose name
// resolves to 127.0.0.1 sends its own name in Host and Origin. It must get
// neither the page (with the token) nor a WebSocket that answers calls.
import { writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startBrowserHost, type BrowserHost } from '../../src/main/host/browserHost'
import { cleanup, makeDataDir, openTestStation } from '../core/helpers'

const PAGE = '<!doctype html><html><head><meta name="station-token" content="" /></head><body></body></html>'

let host: BrowserHost

beforeEach(async () => {
  const rendererDir = makeDataDir()
  writeFileSync(`${rendererDir}/index.html`, PAGE)
  host = await startBrowserHost({ station: openTestStation().station, rendererDir })
})

afterEach(async () => {
  await host.close()
  cleanup()
})

function get(hostHeader: string, path = '/'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers: { host: hostHeader } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const tokenIn = (page: string) => /<meta name="station-token" content="([^"]*)" \/>/.exec(page)?.[1] ?? ''

async function realToken(): Promise<string> {
  const token = tokenIn((await get(`127.0.0.1:${host.port}`)).body)
  expect(token).toMatch(/^[\w-]{20,}$/)
  return token
}

type Opened = { ws: WebSocket } | { refused: number | string }

/** Connects to 127.0.0.1:PORT whatever the Host header says, as a rebound name would. */
function connect(hostHeader: string, origin: string | undefined, token: string): Promise<Opened> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/station?token=${encodeURIComponent(token)}`, {
      headers: { host: hostHeader },
      ...(origin === undefined ? {} : { origin })
    })
    ws.on('open', () => resolve({ ws }))
    ws.on('unexpected-response', (_req, res) => {
      resolve({ refused: res.statusCode ?? 0 })
      ws.terminate()
    })
    ws.on('error', (error) => resolve({ refused: error.message }))
  })
}

function call(ws: WebSocket, channel: string, args: unknown = {}): Promise<{ ok: boolean; value?: unknown }> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve((JSON.parse(String(data)) as { envelope: { ok: boolean } }).envelope))
    ws.send(JSON.stringify({ id: 1, channel, args }))
  })
}

describe('HTTP', () => {
  it('refuses a foreign Host with 421 and no token', async () => {
    for (const bad of [`evil.example:${host.port}`, `evil.example`, `127.0.0.1:${host.port + 1}`, `127.0.0.1`]) {
      const answer = await get(bad)
      expect(answer.status, bad).toBe(421)
      expect(answer.body).not.toContain('station-token')
      expect(answer.body).toMatch(/^Misdirected request/)
    }
    const token = await realToken()
    expect((await get(`evil.example:${host.port}`)).body).not.toContain(token)
    expect((await get(`evil.example:${host.port}`, '/index.html')).status).toBe(421)
  })

  it('serves the page with the token to 127.0.0.1, localhost and [::1] on our port (host name in any case)', async () => {
    const token = await realToken()
    for (const good of [`127.0.0.1:${host.port}`, `localhost:${host.port}`, `LocalHost:${host.port}`, `[::1]:${host.port}`]) {
      const answer = await get(good)
      expect(answer.status, good).toBe(200)
      expect(tokenIn(answer.body)).toBe(token)
    }
  })
})

describe('WebSocket', () => {
  const goodHost = () => `127.0.0.1:${host.port}`

  it('refuses a foreign Host and Origin, even with the right token', async () => {
    const evil = `evil.example:${host.port}`
    expect(await connect(evil, `http://${evil}`, await realToken())).toEqual({ refused: 421 })
  })

  it('refuses a foreign Origin under a good Host, and a missing Origin', async () => {
    const token = await realToken()
    expect(await connect(goodHost(), `http://evil.example:${host.port}`, token)).toEqual({ refused: 403 })
    expect(await connect(goodHost(), `http://localhost:${host.port + 1}`, token)).toEqual({ refused: 403 })
    expect(await connect(goodHost(), `https://localhost:${host.port}`, token)).toEqual({ refused: 403 })
    expect(await connect(goodHost(), undefined, token)).toEqual({ refused: 403 })
  })

  it('still refuses a wrong token from a good Origin', async () => {
    const token = await realToken()
    expect(await connect(goodHost(), `http://localhost:${host.port}`, 'x'.repeat(token.length))).toEqual({ refused: 403 })
  })

  it('answers app:info to a good Host and Origin with the token', async () => {
    const opened = await connect(goodHost(), `http://localhost:${host.port}`, await realToken())
    if (!('ws' in opened)) throw new Error(`refused: ${opened.refused}`)
    try {
      const answer = await call(opened.ws, 'app:info')
      expect(answer.ok).toBe(true)
      expect(answer.value).toMatchObject({ orderCount: 0 })
    } finally {
      opened.ws.terminate()
    }
  })
})
