// The renderer's own origin, app://station: the built renderer folder served
// through a privileged custom scheme instead of file:// (Electron security
// checklist items 18/19). A standard, secure scheme gives the page a real
// origin, so 'self' in the CSP means this folder only, and the sender check in
// ipc.ts can compare origins instead of file paths.
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve } from 'node:path'
import { protocol } from 'electron'

export const APP_SCHEME = 'app'
export const APP_HOST = 'station'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** Must run before the app is ready: Chromium reads scheme privileges at start-up only. */
export function registerAppScheme(): void {
  // `stream`: a <video> of a packing recording plays and seeks through byte ranges (evidence playback).
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }
  ])
}

/** What answers a recording's video (the station's `media`); null for any other path. */
export type MediaAnswer = (pathname: string, request: { method: string; headers: Headers }) => Response | null

/** After ready: app://station/… answers with the files of `rendererDir`, and the recordings `media` grants, and nothing else. */
export function handleAppProtocol(rendererDir: string, media: MediaAnswer = () => null): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, media, request))
}

/** A recording's video when `media` answers for the path (app://station only), else a file of the renderer folder. */
export async function serveAppRequest(
  rendererDir: string,
  media: MediaAnswer,
  request: { url: string; method: string; headers: Headers }
): Promise<Response> {
  const url = URL.canParse(request.url) ? new URL(request.url) : null
  if (url && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) {
    const answer = media(url.pathname, request)
    if (answer) return answer
  }
  return serveAppFile(rendererDir, request)
}

// What a Vite build of the renderer emits; anything else is served as opaque bytes.
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.bcmap': 'application/octet-stream'
}

export const contentTypeOf = (file: string): string => CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'

const refusal = (status: number, text: string) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })

/**
 * The file an app:// request names inside `rendererDir`, or null when the
 * request is for another host or would leave the folder. The URL parser has
 * already removed `..` segments; encoded separators (%2f, %5c) are decoded
 * here, so the containment check runs on the path the file system will see.
 */
export function appFileOf(rendererDir: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  if (path === '' || path.endsWith('/')) path += 'index.html'
  const root = resolve(rendererDir)
  const file = resolve(root, `.${path}`)
  const inside = relative(root, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return file
}

export async function serveAppFile(rendererDir: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed')
  const file = appFileOf(rendererDir, request.url)
  if (file === null) return refusal(403, 'Forbidden')
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return refusal(404, 'Not found')
  }
  const headers = { 'content-type': contentTypeOf(file), 'x-content-type-options': 'nosniff' }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers })
}

/**
 * Tells the app's own pages from anything else: exactly app://station, or in
 * development (never packaged) exactly the dev server's origin. Origins are
 * compared whole, so http://localhost:5173.evil.example is not the dev server.
 */
export function appUrlMatcher(devServerUrl: string | undefined): (url: string) => boolean {
  const devOrigin = devServerUrl === undefined ? undefined : new URL(devServerUrl).origin
  return (url) => {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return false
    }
    if (parsed.username || parsed.password) return false
    if (devOrigin !== undefined) return parsed.origin === devOrigin
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
  }
}
