// The `claims:*` channels and what claims add to other channels: a scan, Save
// or Packing Confirmation of an order another station took over is refused;
// Packing Confirmation and sign-out give the claims back. Starts the lease
// timer (claimLease.ts) with the station and stops it with it.
import { eq } from 'drizzle-orm'
import { approverOf } from '../access/guard'
import { everyInterval } from '../background'
import type { Handler, HandlersOf, StationContext } from '../context'
import { orders } from '../db/schema'
import { refuse } from '../errors'
import { recordEvent } from '../events/eventLog'
import { createClaimClient, type ClaimClient } from './claimClient'
import { LEASE_SECONDS, RENEW_EVERY_MS, renewClaims } from './claimLease'
import { heldElsewhereParams } from './claimMessages'
import { claimOf, claimsIn, markReleasing } from './claimRows'
import { readClaimSettings, writeClaimSettings } from './claimSettings'
import { omsTokenFor } from './omsToken'
import { openForScanning, release, takeOver, tellRelease, type ClaimDeps } from './orderClaims'
import type { SyncService } from './syncService'
import { readSyncSetting } from './syncSettings'

export type ClaimService = { deps: ClaimDeps; handlers: HandlersOf<'claims'> }

export function startClaims(context: StationContext, sync: Pick<SyncService, 'secrets'>, { timer = true } = {}): ClaimService {
  const closing = new AbortController()
  const client = (): ClaimClient | null => {
    const oms = readSyncSetting(context.db, 'oms')
    if (!oms.baseUrl) return null
    return createClaimClient({
      baseUrl: oms.baseUrl,
      stationId: context.stationId,
      token: omsTokenFor(sync.secrets, oms.baseUrl),
      timeoutMs: oms.statusCheckTimeoutMs,
      signal: closing.signal
    })
  }
  const deps: ClaimDeps = { context, client, leaseSeconds: LEASE_SECONDS, refusedHere: new Map() }
  const stop = timer ? everyInterval('Renewing order claims', RENEW_EVERY_MS, () => renewClaims(deps)) : () => {}
  context.onClose(() => {
    closing.abort()
    stop()
  })

  const handlers: HandlersOf<'claims'> = {
    'claims:open': ({ orderId }) => openForScanning(deps, orderId),
    'claims:release': async ({ orderId }) => ({ released: await release(deps, orderId, 'given back') }),
    'claims:takeOver': ({ orderId }, call) => takeOver(deps, orderId, approverOf(call)),
    'claims:settings': () => readClaimSettings(context.db),
    'claims:saveSettings': ({ offlineStart }) => writeClaimSettings(context.db, { offlineStart })
  }
  return { deps, handlers }
}

/** A scan, Save or confirmation of an order another station holds (lost to a takeover, or refused at opening here): refused, nothing changes. */
function refuseIfLost(deps: ClaimDeps, orderId: number): void {
  const mine = claimOf(deps.context.db, orderId)
  const holder =
    mine?.state === 'lost'
      ? {
          stationId: mine.holderStationId ?? '?',
          stationName: mine.holderStationName,
          since: mine.since,
          expiresAt: mine.expiresAt ?? mine.since
        }
      : deps.refusedHere?.get(orderId)
  if (!holder) return
  const order = deps.context.db.select({ orderNumber: orders.orderNumber }).from(orders).where(eq(orders.id, orderId)).get()
  refuse('claimed_elsewhere', {
    key: 'refusals:sync.heldElsewhere',
    params: heldElsewhereParams(order?.orderNumber ?? String(orderId), holder)
  })
}

type Wrappable = 'scanning:scan' | 'scanning:addUnits' | 'packing:save' | 'packing:confirm' | 'operators:signOut'
type AnyHandler = (args: never, ...rest: never[]) => unknown

/** Puts the claim rules around the handlers that scan, box, confirm and sign out (the core's handler map, changed in place). */
export function withClaims(handlers: { [C in Wrappable]: Handler<C> }, deps: ClaimDeps): void {
  const table = handlers as unknown as Record<Wrappable, AnyHandler>
  const wrap = (channel: Wrappable, around: (args: { orderId?: number }, next: () => unknown) => unknown) => {
    const inner = table[channel] as (args: unknown, ...rest: unknown[]) => unknown
    table[channel] = ((args: { orderId?: number }, ...rest: unknown[]) => around(args, () => inner(args, ...rest))) as AnyHandler
  }
  for (const channel of ['scanning:scan', 'scanning:addUnits', 'packing:save'] as const) {
    wrap(channel, (args, next) => {
      refuseIfLost(deps, args.orderId!)
      return next()
    })
  }
  wrap('packing:confirm', async (args, next) => {
    refuseIfLost(deps, args.orderId!)
    const result = await next()
    void release(deps, args.orderId!, 'packing confirmed').catch(() => {})
    return result
  })
  wrap('operators:signOut', async (_args, next) => {
    const result = await next()
    releaseAll(deps, 'sign-out')
    return result
  })
}

/** Marks every claim this station holds to be released now, and tells the OMS in the background (the lease timer retries). */
export function releaseAll(deps: ClaimDeps, reason: string): number {
  const { db, clock } = deps.context
  const held = claimsIn(db, ['held', 'offline'])
  const at = clock().toISOString()
  const marked = db.transaction((tx) =>
    held.filter((row) => {
      if (!markReleasing(tx, row.claim.orderId, at)) return false
      recordEvent(tx, { at, type: 'order.claim_released', operatorId: null, orderId: row.claim.orderId, reason })
      return true
    })
  )
  void (async () => {
    for (const row of marked) await tellRelease(deps, row.claim.orderId).catch(() => {})
  })()
  return marked.length
}
