// app://station: registered privileged before ready, serving only the files
// of the renderer folder, with their content types; nothing outside it, no
// other host. And the app-URL check the IPC sender check relies on.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { recorded } from './electronStub'
import { APP_ENTRY_URL, appUrlMatcher, handleAppProtocol, registerAppScheme } from '../../src/main/appProtocol'

vi.mock('electron', () => import('./electronStub'))

let dir: string
let rendererDir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ps-app-protocol-'))
  rendererDir = join(dir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Packing Station</title>')
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.js'), 'export const ok = 1')
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.css'), 'body{}')
  writeFileSync(join(rendererDir, 'assets', 'ok-1a2b.wav'), Buffer.from('RIFF....WAVE'))
  writeFileSync(join(rendererDir, 'assets', 'inter-9f.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]))
  writeFileSync(join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  // Next to the renderer folder: what a traversal would try to read.
  writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function serve(url: string, method = 'GET'): Promise<Response> {
  const handler = recorded.protocolHandlers.get('app')
  if (!handler) throw new Error('no app:// handler registered')
  return handler({ url, method })
}

describe('the app:// scheme', () => {
  it('is registered as standard, secure and fetch-capable, and bypasses no CSP', () => {
    registerAppScheme()
    expect(recorded.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }
    ])
  })

  it('answers a recording’s video from the station’s media answer, with the request’s range, on app://station only', async () => {
    const asked: [string, string | null][] = []
    handleAppProtocol(rendererDir, (pathname, request) => {
      asked.push([pathname, request.headers.get('range')])
      return pathname.startsWith('/evidence-media/') ? new Response('video bytes', { status: 206 }) : null
    })
    const handler = recorded.protocolHandlers.get('app')!
    const video = await handler({
      url: 'app://station/evidence-media/t/video.webm',
      method: 'GET',
      headers: new Headers({ range: 'bytes=5-' })
    } as never)
    expect(video.status).toBe(206)
    expect(await video.text()).toBe('video bytes')
    // Any other path falls through to the renderer's files; another host never reaches the media answer.
    expect(await (await handler({ url: 'app://station/index.html', method: 'GET', headers: new Headers() } as never)).text()).toContain(
      'Packing Station'
    )
    expect((await handler({ url: 'app://other/evidence-media/t/video.webm', method: 'GET', headers: new Headers() } as never)).status).toBe(
      403
    )
    expect(asked).toEqual([
      ['/evidence-media/t/video.webm', 'bytes=5-'],
      ['/index.html', null]
    ])
    handleAppProtocol(rendererDir)
  })

  it('serves the renderer files with their content types', async () => {
    handleAppProtocol(rendererDir)
    expect(APP_ENTRY_URL).toBe('app://station/index.html')
    const cases: [string, string, string][] = [
      [APP_ENTRY_URL, 'text/html; charset=utf-8', '<!doctype html><title>Packing Station</title>'],
      ['app://station/', 'text/html; charset=utf-8', '<!doctype html><title>Packing Station</title>'],
      ['app://station/index.html#/orders?x=1', 'text/html; charset=utf-8', '<!doctype html><title>Packing Station</title>'],
      ['app://station/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'export const ok = 1'],
      ['app://station/assets/index-abc123.css', 'text/css; charset=utf-8', 'body{}'],
      ['app://station/assets/logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
      ['app://station/assets/ok-1a2b.wav', 'audio/wav', 'RIFF....WAVE']
    ]
    for (const [url, type, body] of cases) {
      const res = await serve(url)
      expect(res.status, url).toBe(200)
      expect(res.headers.get('content-type'), url).toBe(type)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(await res.text(), url).toBe(body)
    }
    const font = await serve('app://station/assets/inter-9f.woff2')
    expect(font.headers.get('content-type')).toBe('font/woff2')
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]))
  })

  it('answers 404 for a file that is not there (or a folder)', async () => {
    for (const url of ['app://station/missing.js', 'app://station/assets', 'app://station/assets/']) {
      expect((await serve(url)).status, url).toBe(404)
    }
  })

  it('never serves a file outside the renderer folder', async () => {
    const attempts = [
      'app://station/../../etc/passwd',
      'app://station/../secret.txt',
      'app://station/%2e%2e/secret.txt',
      'app://station/..%2fsecret.txt',
      'app://station/assets/..%2f..%2fsecret.txt',
      'app://station/..%5csecret.txt',
      'app://station/%2Fetc%2Fpasswd',
      `app://station/${encodeURIComponent(join(dir, 'secret.txt'))}`,
      'app://station/index.html%00.js',
      'app://station/%E0%A4%A'
    ]
    for (const url of attempts) {
      const res = await serve(url)
      expect([403, 404], url).toContain(res.status)
      const body = await res.text()
      expect(body, url).not.toContain('TOP SECRET')
      expect(body, url).not.toMatch(/root:/)
    }
    expect((await serve('app://station/..%2fsecret.txt')).status).toBe(403)
  })

  it('serves only its own host', async () => {
    const others = [
      'app://evil/index.html',
      'app://station.evil/index.html',
      'app://station:8080/index.html',
      'app://user:pw@station/index.html',
      'app:///index.html'
    ]
    for (const url of others) {
      expect((await serve(url)).status, url).toBe(403)
    }
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await serve(APP_ENTRY_URL, 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    expect((await serve(APP_ENTRY_URL, 'POST')).status).toBe(405)
  })
})

describe('appUrlMatcher (the IPC sender check)', () => {
  it('accepts exactly app://station when packaged', () => {
    const isAppUrl = appUrlMatcher(undefined)
    const own = ['app://station/index.html', 'app://station/index.html#/orders/12', 'app://station/index.html?operator=1', 'app://station/']
    for (const url of own) {
      expect(isAppUrl(url), url).toBe(true)
    }
    const foreign = [
      'app://evil/index.html',
      'app://station.evil/index.html',
      'app://station:1/index.html',
      'app://user:pw@station/index.html',
      'https://station/index.html',
      'file:///opt/Packing%20Station/resources/app.asar/out/renderer/index.html',
      'http://localhost:5173/',
      'about:blank',
      'javascript:alert(1)',
      'not a url',
      ''
    ]
    for (const url of foreign) expect(isAppUrl(url), url).toBe(false)
  })

  it('in development accepts exactly the dev server origin (not a look-alike, not app://)', () => {
    const isAppUrl = appUrlMatcher('http://localhost:5173')
    expect(isAppUrl('http://localhost:5173/')).toBe(true)
    expect(isAppUrl('http://localhost:5173/#/orders')).toBe(true)
    const others = [
      'http://localhost:5173.evil.example/',
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://u:p@localhost:5173/',
      'app://station/index.html'
    ]
    for (const url of others) {
      expect(isAppUrl(url), url).toBe(false)
    }
  })
})
