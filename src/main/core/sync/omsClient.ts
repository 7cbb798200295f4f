// The station's HTTP client for the OMS (docs/oms-api.yaml), over Node's
// built-in fetch. Every answer is parsed with zod; every failure becomes an
// OmsError that says whether trying again later can help.
import type { z } from 'zod'
import type { Words } from '../../../shared/words'
import {
  API_PREFIX,
  CONTRACT_VERSION,
  EventBatchAnswer,
  majorVersion,
  OrderStatusAnswer,
  PullPage,
  STATION_HEADER,
  VERSION_HEADER,
  type WireEvent
} from './omsWire'
import { eventBatchJson, JsonText } from './wireJson'
import { encodeStationName, LedgerPage, STATION_NAME_HEADER } from './ledgerWire'

export type OmsErrorKind = 'network' | 'timeout' | 'http' | 'invalid_answer' | 'aborted'

export class OmsError extends Error {
  constructor(
    readonly kind: OmsErrorKind,
    message: string,
    readonly status: number | null = null,
    /** Seconds the OMS asked us to wait (Retry-After), when it said. */
    readonly retryAfterMs: number | null = null,
    /** The same sentence as catalogue words (`sync:oms.*`), for a screen in its own language; technical causes stay values. */
    readonly words: Words | null = null
  ) {
    super(message)
    this.name = 'OmsError'
  }

  /** Network errors, timeouts, 429 and 5xx: the same request may well work later. */
  get retryable(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      (this.kind === 'http' && (this.status === 429 || this.status === 408 || (this.status ?? 0) >= 500))
    )
  }
}

export type OmsClientOptions = {
  baseUrl: string
  stationId: string
  /** The station's name, sent so the OMS can name it to other stations (the serial ledger). */
  stationName?: string | null
  token: string | null
  timeoutMs: number
  /** Aborts every request in flight when the station closes. */
  signal?: AbortSignal
}

export type OmsClient = {
  pullOrders(cursor: string | null, limit?: number): Promise<PullPage>
  orderStatus(omsOrderId: string, timeoutMs?: number): Promise<z.infer<typeof OrderStatusAnswer> | null>
  postEvents(events: WireEvent[]): Promise<EventBatchAnswer>
  /** One page of the warehouse's serial ledger; null when this OMS keeps none (it answered 404). */
  pullSerialLedger(cursor: string | null, limit?: number): Promise<LedgerPage | null>
}

export function createOmsClient(options: OmsClientOptions): OmsClient {
  const base = options.baseUrl.replace(/\/+$/, '') + API_PREFIX

  async function request<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body?: unknown,
    timeoutMs = options.timeoutMs,
    allow404 = false
  ): Promise<z.infer<S> | null> {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout
    const headers: Record<string, string> = {
      accept: 'application/json',
      [STATION_HEADER]: options.stationId,
      [VERSION_HEADER]: CONTRACT_VERSION
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    const name = encodeStationName(options.stationName)
    if (name) headers[STATION_NAME_HEADER] = name
    if (body !== undefined) headers['content-type'] = 'application/json'
    let response: Response
    let text: string
    try {
      const json = body instanceof JsonText ? body.text : JSON.stringify(body)
      response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : json, signal })
      text = await response.text()
    } catch (error) {
      if (options.signal?.aborted) throw new OmsError('aborted', 'The station is closing.', null, null, { key: 'sync:oms.closing' })
      if (timeout.aborted) throw omsTimeout(timeoutMs)
      throw omsUnreachable(describeNetworkError(error))
    }
    checkContractVersion(response, method, path)
    if (allow404 && response.status === 404) return null
    if (!response.ok) {
      const hint = httpHint(response.status)
      throw new OmsError(
        'http',
        `The OMS answered ${response.status}${hint.english}${detail(text)}`,
        response.status,
        retryAfter(response),
        { key: hint.key, params: { code: response.status, detail: detail(text) } }
      )
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new OmsError('invalid_answer', `The OMS answered ${method} ${path} with something that is not JSON.`, null, null, {
        key: 'sync:oms.notJson',
        params: { method, path }
      })
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const params = { method, path: path.split('?')[0], field: issue?.path.join('.') || 'answer', issue: String(issue?.message) }
      throw new OmsError(
        'invalid_answer',
        `The OMS's answer to ${method} ${params.path} does not follow the contract (${params.field}: ${params.issue}).`,
        null,
        null,
        { key: 'sync:oms.offContract', params }
      )
    }
    return parsed.data
  }

  return {
    async pullOrders(cursor, limit = 100) {
      const query = new URLSearchParams({ limit: String(limit) })
      if (cursor) query.set('cursor', cursor)
      return (await request('GET', `/stations/${encodeURIComponent(options.stationId)}/orders?${query}`, PullPage))!
    },
    orderStatus(omsOrderId, timeoutMs) {
      return request('GET', `/orders/${encodeURIComponent(omsOrderId)}/status`, OrderStatusAnswer, undefined, timeoutMs, true)
    },
    async postEvents(events) {
      return (await request('POST', '/events', EventBatchAnswer, new JsonText(eventBatchJson(options.stationId, events))))!
    },
    pullSerialLedger(cursor, limit = 500) {
      const query = new URLSearchParams({ limit: String(limit) })
      if (cursor) query.set('cursor', cursor)
      return request('GET', `/serial-ledger?${query}`, LedgerPage, undefined, options.timeoutMs, true)
    }
  }
}

/**
 * An answer in a newer major version of the contract is not acted on: the station could misread it
 * (docs/oms-api.yaml, "Versions"). No header (an OMS of 1.0) or the same major: read as usual.
 */
function checkContractVersion(response: Response, method: string, path: string): void {
  const theirs = response.headers.get(VERSION_HEADER)
  if (theirs === null) return
  const major = majorVersion(theirs)
  if (major === majorVersion(CONTRACT_VERSION)) return
  if (major === null) {
    const params = { method, path: path.split('?')[0], version: theirs.slice(0, 40) }
    throw new OmsError(
      'invalid_answer',
      `The OMS's answer to ${method} ${params.path} names no readable contract version (${params.version}).`,
      response.status,
      null,
      { key: 'sync:oms.noVersion', params }
    )
  }
  const newer = major > majorVersion(CONTRACT_VERSION)!
  throw new OmsError(
    'invalid_answer',
    `The OMS answers in contract version ${theirs}; this station speaks ${CONTRACT_VERSION}: update the ${newer ? 'station' : 'OMS'}.`,
    response.status,
    null,
    { key: newer ? 'sync:oms.updateStation' : 'sync:oms.updateOms', params: { theirs, ours: CONTRACT_VERSION } }
  )
}

/** The OMS gave no answer in time (the OMS and claim clients alike). */
export const omsTimeout = (timeoutMs: number): OmsError =>
  new OmsError('timeout', `The OMS did not answer within ${(timeoutMs / 1000).toFixed(1)} s.`, null, null, {
    key: 'sync:oms.timeout',
    params: { seconds: timeoutMs / 1000 }
  })

/** The OMS cannot be reached; `cause` is the technical reason (ECONNREFUSED…), kept as it is. */
export const omsUnreachable = (cause: string): OmsError =>
  new OmsError('network', `The OMS cannot be reached (${cause}).`, null, null, { key: 'sync:oms.unreachable', params: { cause } })

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error)
}

function httpHint(status: number): { english: string; key: string } {
  if (status === 401 || status === 403)
    return { english: ': the token was refused (check the OMS token on the Sync screen)', key: 'sync:oms.http.token' }
  if (status === 429) return { english: ': too many requests', key: 'sync:oms.http.tooMany' }
  if (status >= 500) return { english: ': the OMS has a problem on its side', key: 'sync:oms.http.server' }
  return { english: '', key: 'sync:oms.http.other' }
}

function detail(text: string): string {
  const trimmed = text.trim().slice(0, 200)
  return trimmed ? ` (${trimmed})` : ''
}

function retryAfter(response: Response): number | null {
  const header = response.headers.get('retry-after')
  if (!header) return null
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(header)
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now())
}
