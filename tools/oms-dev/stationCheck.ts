// What the stand-in checks before it does anything, as a real OMS would
// (docs/oms-api.yaml, "Which station" and "Versions"): the request names its
// station in X-Station-Id, the same station as in the path or the batch, and
// a contract version of the major version this OMS serves.
import type { IncomingHttpHeaders } from 'node:http'
import { majorVersion, STATION_HEADER, VERSION_HEADER } from '../../src/main/core/sync/omsWire'

export type Refusal = {
  code: 'missing_station_id' | 'station_mismatch' | 'missing_contract_version' | 'unsupported_version'
  error: string
}

const STATION_ID = /^[A-Za-z0-9._-]{1,100}$/

/** Why the request is refused (answered 400), or null when it may go on. `path` is below /v1. */
export function stationRefusal(headers: IncomingHttpHeaders, path: string, body: unknown, served: string): Refusal | null {
  const station = single(headers[STATION_HEADER])
  if (!station || !STATION_ID.test(station)) {
    return { code: 'missing_station_id', error: `Every request names its station in ${STATION_HEADER} (letters, digits, . _ -).` }
  }
  const version = single(headers[VERSION_HEADER])
  if (!version)
    return { code: 'missing_contract_version', error: `Every request names the contract version it speaks in ${VERSION_HEADER}.` }
  if (majorVersion(version) !== majorVersion(served)) {
    return {
      code: 'unsupported_version',
      error: `This OMS serves contract version ${majorVersion(served)}.x (${served}); the station speaks ${version}.`
    }
  }
  const named = [...pathStation(path), ...batchStations(path, body)]
  const other = named.find((id) => id !== station)
  if (other !== undefined) {
    return { code: 'station_mismatch', error: `${STATION_HEADER} is ${station}, but the request speaks for station ${other}.` }
  }
  return null
}

const single = (value: string | string[] | undefined): string | null => (Array.isArray(value) ? (value[0] ?? null) : (value ?? null))

function pathStation(path: string): string[] {
  const pull = /^\/stations\/([^/]+)\/orders$/.exec(path)
  return pull ? [decodeURIComponent(pull[1]!)] : []
}

/** The stations an events batch speaks for: its own `stationId` and each event's. */
function batchStations(path: string, body: unknown): string[] {
  if (path !== '/events' || typeof body !== 'object' || body === null) return []
  const batch = body as { stationId?: unknown; events?: unknown }
  const events = Array.isArray(batch.events) ? (batch.events as { stationId?: unknown }[]) : []
  return [batch.stationId, ...events.map((e) => e?.stationId)].filter((id): id is string => typeof id === 'string')
}
