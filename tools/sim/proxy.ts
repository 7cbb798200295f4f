// The network between one station and the OMS: a TCP proxy on 127.0.0.1 that
// the station's OMS address points at. `cut()` drops every open connection
// and refuses new ones (reset at once, as an unplugged cable behind a router
// answers); `restore()` lets them through again.
import { createServer, connect, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

export type NetworkLink = {
  url: string
  readonly cut: boolean
  /** Connections refused while cut. */
  readonly refused: number
  cutOff(): void
  restore(): void
  close(): Promise<void>
}

export async function startLink(target: URL): Promise<NetworkLink> {
  const sockets = new Set<Socket>()
  let isCut = false
  let refused = 0

  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  }

  const server: Server = createServer((client) => {
    if (isCut) {
      refused++
      client.resetAndDestroy()
      return
    }
    const upstream = connect({ host: target.hostname, port: Number(target.port) })
    track(client)
    track(upstream)
    client.pipe(upstream)
    upstream.pipe(client)
    const end = () => {
      client.destroy()
      upstream.destroy()
    }
    client.once('error', end)
    upstream.once('error', end)
    client.once('close', end)
    upstream.once('close', end)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    get cut() {
      return isCut
    },
    get refused() {
      return refused
    },
    cutOff() {
      isCut = true
      for (const socket of sockets) socket.resetAndDestroy()
    },
    restore() {
      isCut = false
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
