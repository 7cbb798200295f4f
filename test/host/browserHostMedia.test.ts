// The browser host serves a recording's video only as the station answers it
// (a granted /evidence-media/ path), with the request's byte range passed on,
// and only to requests that pass the Host check like every other page.
import { request } from 'node:http'
import { afterEach, expect, it } from 'vitest'
import { startBrowserHost, type BrowserHost } from '../../src/main/host/browserHost'
import type { Station } from '../../src/main/station'
import { cleanup, makeDataDir } from '../core/helpers'

let host: BrowserHost | undefined
afterEach(async () => {
  await host?.close()
  cleanup()
})

function get(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host!.port, path, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

it('streams what the station’s media answer gives, with the range, behind the Host check', async () => {
  const asked: (string | null)[] = []
  const station = {
    handlers: {},
    subscribe: () => () => undefined,
    media: (pathname: string, req: { headers: Headers }) => {
      if (!pathname.startsWith('/evidence-media/')) return null
      asked.push(req.headers.get('range'))
      return new Response('0123456789'.slice(2, 6), {
        status: 206,
        headers: { 'content-range': 'bytes 2-5/10', 'content-type': 'video/webm' }
      })
    }
  } as unknown as Pick<Station, 'handlers' | 'subscribe' | 'media'>
  host = await startBrowserHost({ station, rendererDir: makeDataDir() })
  const local = `127.0.0.1:${host.port}`

  const video = await get('/evidence-media/t/video.webm', { host: local, range: 'bytes=2-5' })
  expect(video).toMatchObject({ status: 206, body: '2345' })
  expect(video.headers['content-range']).toBe('bytes 2-5/10')
  expect(asked).toEqual(['bytes=2-5'])

  // A rebound name never reaches the media answer.
  expect((await get('/evidence-media/t/video.webm', { host: `evil.example:${host.port}`, range: 'bytes=0-' })).status).toBe(421)
  expect(asked).toHaveLength(1)
  // Other paths are the renderer's files as before.
  expect((await get('/missing.js', { host: local })).status).toBe(404)
})
