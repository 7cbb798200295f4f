// The station's HTTP calls for order claims (docs/oms-api.yaml, tag `claims`):
// claim or renew (PUT), take over (PUT with takeover), release (DELETE). Every
// answer is parsed with zod; a 409 is an answer (another station holds it, or
// the OMS already accepted it as packed by another station), anything else
// that fails is an OmsError that says whether trying later helps.
import { API_PREFIX, CONTRACT_VERSION, majorVersion, STATION_HEADER, VERSION_HEADER } from './omsWire'
import { OmsError, omsTimeout, omsUnreachable } from './omsClient'
import {
  CLAIM_PATH,
  ClaimGranted,
  ClaimRefusal,
  ClaimReleased,
  type ClaimRequest,
  type WireClaimHolder,
  type WirePackedBy
} from './claimWire'

export type ClaimClientOptions = { baseUrl: string; stationId: string; token: string | null; timeoutMs: number; signal?: AbortSignal }

export type ClaimReply =
  | { kind: 'granted'; claim: ClaimGranted }
  | { kind: 'held_elsewhere'; holder: WireClaimHolder }
  /** The OMS already accepted the order as packed (or shipped) by another station: it is never opened here again. */
  | { kind: 'already_packed'; packedBy: WirePackedBy }
  /** The OMS does not know the order (an order from a file): there is nothing to claim. */
  | { kind: 'not_in_oms' }

export type ClaimClient = {
  claim(omsOrderId: string, request: ClaimRequest): Promise<ClaimReply>
  release(omsOrderId: string): Promise<{ released: boolean }>
}

export function createClaimClient(options: ClaimClientOptions): ClaimClient {
  const base = options.baseUrl.replace(/\/+$/, '') + API_PREFIX

  async function call(method: 'PUT' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const timeout = AbortSignal.timeout(options.timeoutMs)
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout
    const headers: Record<string, string> = {
      accept: 'application/json',
      [STATION_HEADER]: options.stationId,
      [VERSION_HEADER]: CONTRACT_VERSION
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    let response: Response
    let text: string
    try {
      response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal })
      text = await response.text()
    } catch (error) {
      if (options.signal?.aborted) throw new OmsError('aborted', 'The station is closing.', null, null, { key: 'sync:oms.closing' })
      if (timeout.aborted) throw omsTimeout(options.timeoutMs)
      const cause = (error as { cause?: { code?: string } })?.cause?.code
      throw omsUnreachable(cause ?? (error as Error).message)
    }
    const theirs = response.headers.get(VERSION_HEADER)
    if (theirs !== null && majorVersion(theirs) !== majorVersion(CONTRACT_VERSION))
      throw new OmsError(
        'invalid_answer',
        `The OMS answers in contract version ${theirs}; this station speaks ${CONTRACT_VERSION}.`,
        null,
        null,
        {
          key: 'sync:oms.otherVersion',
          params: { theirs, ours: CONTRACT_VERSION }
        }
      )
    let json: unknown = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      json = null
    }
    return { status: response.status, json }
  }

  const failed = (status: number, json: unknown, what: 'claim' | 'release'): never => {
    const error = (json as { error?: unknown } | null)?.error
    const detail = typeof error === 'string' ? ` (${error})` : ''
    throw new OmsError('http', `The OMS answered ${status} to a ${what}${detail}.`, status, null, {
      // Keys: sync:oms.claimHttp, sync:oms.releaseHttp
      key: `sync:oms.${what}Http`,
      params: { code: status, detail }
    })
  }

  return {
    async claim(omsOrderId, request) {
      const { status, json } = await call('PUT', CLAIM_PATH(omsOrderId), request)
      if (status === 404) return { kind: 'not_in_oms' }
      if (status === 409) {
        const refusal = ClaimRefusal.safeParse(json)
        if (!refusal.success)
          throw new OmsError('invalid_answer', "The OMS's 409 to a claim does not name the station that holds it.", null, null, {
            key: 'sync:oms.claimUnnamed'
          })
        return refusal.data.code === 'already_packed'
          ? { kind: 'already_packed', packedBy: refusal.data.packedBy }
          : { kind: 'held_elsewhere', holder: refusal.data.holder }
      }
      if (status !== 200) return failed(status, json, 'claim')
      const granted = ClaimGranted.safeParse(json)
      if (!granted.success)
        throw new OmsError('invalid_answer', "The OMS's answer to a claim does not follow the contract.", null, null, {
          key: 'sync:oms.claimOffContract'
        })
      return { kind: 'granted', claim: granted.data }
    },
    async release(omsOrderId) {
      const { status, json } = await call('DELETE', CLAIM_PATH(omsOrderId))
      if (status === 404) return { released: false }
      if (status !== 200) return failed(status, json, 'release')
      const released = ClaimReleased.safeParse(json)
      if (!released.success)
        throw new OmsError('invalid_answer', "The OMS's answer to a release does not follow the contract.", null, null, {
          key: 'sync:oms.releaseOffContract'
        })
      return released.data
    }
  }
}
