// A granted video as an HTTP answer with byte ranges, so a <video> element can
// seek (a WebM player jumps by asking for the bytes at an offset). Both hosts
// answer with it: Electron's protocol handler returns the Response as is, the
// browser host writes it to its Node response. One range per request, which is
// what media players ask for; several ranges get the whole file.
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import type { MediaGrant } from './mediaGrants'
import type { VideoPart } from './playable'

const TYPE = 'video/webm'

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` within `size`: [start, end] inclusive; 'bad' when unsatisfiable; null: the whole file. */
export function byteRange(header: string | null, size: number): [number, number] | 'bad' | null {
  if (!header) return null
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (match[1] === '' && match[2] === '')) return null
  if (match[1] === '') {
    const suffix = Number(match[2])
    if (suffix === 0) return 'bad'
    return [Math.max(0, size - suffix), size - 1]
  }
  const start = Number(match[1])
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  if (start >= size || end < start) return 'bad'
  return [start, end]
}

/** The bytes [start, end] (inclusive) of the video the parts make, read part by part as the player takes them. */
export function readParts(parts: VideoPart[], start: number, end: number): Readable {
  async function* chunks() {
    let offset = 0
    for (const part of parts) {
      const length = part.end - part.start
      const from = Math.max(start, offset)
      const to = Math.min(end + 1, offset + length)
      if (from < to) {
        yield* createReadStream(part.path, { start: part.start + (from - offset), end: part.start + (to - offset) - 1 })
      }
      offset += length
      if (offset > end) break
    }
  }
  return Readable.from(chunks(), { objectMode: false })
}

export function mediaResponse(grant: MediaGrant, request: { method: string; headers: Headers }): Response {
  const headers = new Headers({
    'content-type': TYPE,
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff'
  })
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers })
  const range = byteRange(request.headers.get('range'), grant.bytes)
  if (range === 'bad') {
    headers.set('content-range', `bytes */${grant.bytes}`)
    return new Response(null, { status: 416, headers })
  }
  const [start, end] = range ?? [0, grant.bytes - 1]
  headers.set('content-length', String(end - start + 1))
  if (range) headers.set('content-range', `bytes ${start}-${end}/${grant.bytes}`)
  const body =
    request.method === 'HEAD' || grant.bytes === 0
      ? null
      : (Readable.toWeb(readParts(grant.parts, start, end)) as ReadableStream<Uint8Array>)
  return new Response(body, { status: range ? 206 : 200, headers })
}

/** What a request for a media path gets: the video, or 404 for an unknown or expired grant. */
export function answerMedia(grant: MediaGrant | null, request: { method: string; headers: Headers }): Response {
  if (!grant) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  return mediaResponse(grant, request)
}
