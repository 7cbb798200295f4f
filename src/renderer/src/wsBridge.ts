// `window.station` for the browser host: the same contract over a WebSocket
// to 127.0.0.1, authenticated by the per-run token the host put in the page.
import { buildBridge, type Envelope, type NoticeName, type StationBridge, type Subscribe } from '../../shared/contract'
import { i18n } from './i18n'

export function connectBrowserHost(): StationBridge {
  const token = document.querySelector<HTMLMetaElement>('meta[name="station-token"]')?.content ?? ''
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/station?token=${encodeURIComponent(token)}`
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>()
  const listeners = new Map<NoticeName, Set<(payload: unknown) => void>>()
  let nextId = 1
  let socket: Promise<WebSocket> | null = null

  // Made here, not by the station: worded from the catalogue like a refusal (English `message`, the screen's language on screen).
  const lost = (key: 'refusals:station.hostLost' | 'refusals:station.hostUnreachable'): Envelope<never> => ({
    ok: false,
    error: { code: 'host_unreachable', message: i18n.t(key, { lng: 'en' }), key }
  })

  const open = (): Promise<WebSocket> =>
    (socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(url)
      ws.onopen = () => resolve(ws)
      ws.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as
          { id: number; envelope: Envelope<unknown> } | { notice: NoticeName; payload: unknown }
        if ('notice' in message) {
          for (const listener of listeners.get(message.notice) ?? []) listener(message.payload)
          return
        }
        pending.get(message.id)?.(message.envelope)
        pending.delete(message.id)
      }
      ws.onclose = () => {
        socket = null
        for (const settle of pending.values()) settle(lost('refusals:station.hostLost'))
        pending.clear()
        reject(new Error('closed'))
        // Screens listening for notices get them again once the host is back.
        if ([...listeners.values()].some((set) => set.size > 0)) setTimeout(() => void open().catch(() => undefined), 1000)
      }
    }))

  // Notices arrive on the same socket: listening opens it, and a lost socket is reopened.
  const subscribe: Subscribe = (notice, listener) => {
    const set = listeners.get(notice) ?? new Set()
    listeners.set(notice, set)
    const entry = listener as (payload: unknown) => void
    set.add(entry)
    void open().catch(() => undefined)
    return () => void set.delete(entry)
  }

  return buildBridge(async (channel, args) => {
    let ws: WebSocket
    try {
      ws = await open()
    } catch {
      return lost('refusals:station.hostUnreachable')
    }
    const id = nextId++
    return new Promise((resolve) => {
      pending.set(id, resolve)
      ws.send(JSON.stringify({ id, channel, args }))
    })
  }, subscribe)
}
