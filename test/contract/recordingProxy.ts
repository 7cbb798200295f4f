// A recording proxy on 127.0.0.1: the station talks to it as to its OMS, it
// passes every request on to the real server (the stand-in) unchanged and
// keeps both sides as they went over the wire, for the contract test to check.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Exchange } from './openApiContract'

export type RecordingProxy = { url: string; exchanges: Exchange[]; close(): Promise<void> }

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target)
  const exchanges: Exchange[] = []
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req)
      const forwarded = httpRequest({
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host }
      })
      forwarded.on('response', async (answer) => {
        const answerBody = await readAll(answer)
        exchanges.push({
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: flat(req.headers),
          body,
          status: answer.statusCode ?? 0,
          responseHeaders: flat(answer.headers),
          responseBody: answerBody
        })
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        res.end(answerBody)
      })
      forwarded.on('error', () => res.destroy())
      forwarded.end(body)
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

async function readAll(stream: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const flat = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]))
