// The lease timer: every round it tells the OMS what changed with this
// station's claims. Releases not yet heard are sent again; a claim on an order
// that was packed, shipped or cancelled meanwhile is released; every other
// claim this station holds (or started offline) is renewed, so its lease
// never runs out while the order is being packed here. A claim the OMS now
// gives to another station is marked lost (scans of it are refused). Runs on
// everyInterval (background.ts): nothing it meets ends the process.
import { recordEvent } from '../events/eventLog'
import { CLAIM_FINISHED, claimFinishedReason } from '../orders/holdReasons'
import { claimsIn, markReleasing } from './claimRows'
import { OmsError } from './omsClient'
import { claimRequest, granted, markLost, tellRelease, type ClaimDeps } from './orderClaims'

/** How long a lease the station asks for, and how often it renews (three times a lease: one lost round is no harm). */
export const LEASE_SECONDS = 120
export const RENEW_EVERY_MS = (LEASE_SECONDS * 1000) / 3

const FINISHED = new Set<string>(CLAIM_FINISHED)

export type LeaseRound = { renewed: number; released: number; lost: number; unreachable: boolean }

/** One round; stops at the first sign the OMS is unreachable (the next round tries again). */
export async function renewClaims(deps: ClaimDeps): Promise<LeaseRound> {
  const round: LeaseRound = { renewed: 0, released: 0, lost: 0, unreachable: false }
  const api = deps.client()
  if (!api) return round
  const { db, clock } = deps.context
  finishDone(deps.context)
  try {
    for (const { claim } of claimsIn(db, ['releasing'])) {
      await tellRelease(deps, claim.orderId)
      round.released++
    }
    for (const row of claimsIn(db, ['held', 'offline'])) {
      const reply = await api.claim(row.omsOrderId, claimRequest(deps, false))
      if (reply.kind === 'granted') {
        granted(deps, { id: row.claim.orderId, omsOrderId: row.omsOrderId, orderNumber: row.orderNumber }, reply.claim, null)
        round.renewed++
      } else if (reply.kind === 'held_elsewhere') {
        markLost(deps, row.claim.orderId, reply.holder)
        round.lost++
      } else {
        // The OMS no longer knows the order: nothing to hold.
        db.transaction((tx) => markReleasing(tx, row.claim.orderId, clock().toISOString()))
        await tellRelease(deps, row.claim.orderId)
      }
    }
  } catch (error) {
    if (!(error instanceof OmsError) || !error.retryable) throw error
    round.unreachable = true
  }
  return round
}

/** Claims on orders packed, shipped or cancelled here are released (cancellation comes by the pull). */
function finishDone(context: ClaimDeps['context']): void {
  const { db, clock } = context
  const done = claimsIn(db, ['held', 'offline']).filter((row) => FINISHED.has(row.status))
  if (done.length === 0) return
  const at = clock().toISOString()
  db.transaction((tx) => {
    for (const row of done) {
      if (markReleasing(tx, row.claim.orderId, at))
        recordEvent(tx, {
          at,
          type: 'order.claim_released',
          operatorId: null,
          orderId: row.claim.orderId,
          reason: claimFinishedReason(row.status)
        })
    }
  })
}
