// `window.station` for the browser host: the same contract over a WebSocket
// to 127.0.0.1, authenticated by the per-run token the host put in the page.
import { buildBridge, type Envelope, type StationBridge } from '../../shared/contract'

export function connectBrowserHost(): StationBridge {
  const token = document.querySelector<HTMLMetaElement>('meta[name="station-token"]')?.content ?? ''
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/station?token=${encodeURIComponent(token)}`
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>()
  let nextId = 1
  let socket: Promise<WebSocket> | null = null

  const lost = (message: string): Envelope<never> => ({ ok: false, error: { code: 'host_unreachable', message } })

  const open = (): Promise<WebSocket> =>
    (socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(url)
      ws.onopen = () => resolve(ws)
      ws.onmessage = (event) => {
        const { id, envelope } = JSON.parse(String(event.data)) as { id: number; envelope: Envelope<unknown> }
        pending.get(id)?.(envelope)
        pending.delete(id)
      }
      ws.onclose = () => {
        socket = null
        for (const settle of pending.values()) settle(lost('The connection to the station was lost. Is `npm run dev:web` still running?'))
        pending.clear()
        reject(new Error('closed'))
      }
    }))

  return buildBridge(async (channel, args) => {
    let ws: WebSocket
    try {
      ws = await open()
    } catch {
      return lost('Cannot reach the station. Start it with `npm run dev:web` and reload this page.')
    }
    const id = nextId++
    return new Promise((resolve) => {
      pending.set(id, resolve)
      ws.send(JSON.stringify({ id, channel, args }))
    })
  })
}
