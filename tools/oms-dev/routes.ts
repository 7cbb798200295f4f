// How a concern of the stand-in adds its part of the contract (claims.ts'
// routes, a serial ledger's): a function that answers the requests it knows
// and returns null for the rest. server.ts has already checked the token, the
// station (`stationId` is the request's X-Station-Id) and the version, and
// applies the fault injection around it.
import type { IncomingHttpHeaders } from 'node:http'

export type ApiRequest = {
  method: string
  /** The path below /v1, e.g. `/orders/OMS-1/claim`. */
  path: string
  url: URL
  body: unknown
  stationId: string
  /** The request's headers (e.g. X-Station-Name, which the serial ledger keeps). */
  headers: IncomingHttpHeaders
}

export type ApiAnswer = { status: number; body: unknown }

export type ApiRoutes = (request: ApiRequest) => ApiAnswer | null
