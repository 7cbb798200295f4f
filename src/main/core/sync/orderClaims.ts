// Opening an order for scanning claims it on the OMS (SPEC §7): granted, the
// station records the claim and scanning starts; held by another station, the
// answer names it and nothing changes; packed already at another station (the
// OMS accepted its packing), it is refused for good, naming it; the OMS silent, the offline setting
// decides (claimSettings.ts). A shift lead's approved takeover takes the
// claim from the other station. Releases are recorded at once and told to the
// OMS now or by the lease timer (claimLease.ts) when it is back.
import { and, eq } from 'drizzle-orm'
import type { ClaimAnswer, ClaimHolder } from '../../../shared/claims'
import type { Operator } from '../../../shared/operators'
import type { StationContext } from '../context'
import { assignments, orders } from '../db/schema'
import { refuse } from '../errors'
import { recordEvent } from '../events/eventLog'
import { claimedByReason, takenOverFromReason } from '../orders/holdReasons'
import { getSetting } from '../settings/settings'
import type { ClaimClient, ClaimReply } from './claimClient'
import { alreadyPacked, alreadyPackedParams, heldElsewhere, heldElsewhereParams, stationLabel, waitForOms } from './claimMessages'
import { claimOf, dropClaim, markReleasing, saveClaim } from './claimRows'
import { readClaimSettings } from './claimSettings'
import type { ClaimGranted, WirePackedBy } from './claimWire'
import { OmsError } from './omsClient'

export type ClaimDeps = {
  context: Pick<StationContext, 'db' | 'clock' | 'signedIn' | 'notify'>
  /** The OMS's claim calls, or null when the station has no OMS address. */
  client: () => ClaimClient | null
  leaseSeconds: number
  /** Orders whose opening was refused here (another station holds them), in memory: their scans are refused too. */
  refusedHere?: Map<number, ClaimHolder>
}

type OrderRef = { id: number; omsOrderId: string; orderNumber: string }

function orderOf({ context }: ClaimDeps, orderId: number): OrderRef {
  const order = context.db
    .select({ id: orders.id, omsOrderId: orders.omsOrderId, orderNumber: orders.orderNumber })
    .from(orders)
    .where(eq(orders.id, orderId))
    .get()
  return order ?? refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId } })
}

const answer = (orderId: number, outcome: ClaimAnswer['outcome'], message: string, holder: ClaimHolder | null = null): ClaimAnswer => ({
  orderId,
  outcome,
  message,
  holder,
  takenFrom: null
})

/** Claims the order for scanning here, or says why it may not start; a refusal changes nothing. */
export async function openForScanning(deps: ClaimDeps, orderId: number): Promise<ClaimAnswer> {
  const order = orderOf(deps, orderId)
  const api = deps.client()
  if (!api) return answer(orderId, 'no_oms', `Order ${order.orderNumber} is open for scanning (no OMS to claim it from).`)
  let reply: ClaimReply
  try {
    reply = await api.claim(order.omsOrderId, claimRequest(deps, false))
  } catch (error) {
    if (!(error instanceof OmsError) || error.kind === 'aborted' || error.kind === 'invalid_answer') throw error
    return startOffline(deps, order, error.message)
  }
  if (reply.kind === 'not_in_oms') return answer(orderId, 'no_oms', `Order ${order.orderNumber} is not in the OMS: nothing to claim.`)
  if (reply.kind === 'held_elsewhere') {
    const mine = claimOf(deps.context.db, orderId)
    if (mine && mine.state !== 'releasing') markLost(deps, orderId, reply.holder)
    deps.refusedHere?.set(orderId, reply.holder)
    return answer(orderId, 'held_elsewhere', heldElsewhere(order.orderNumber, reply.holder), reply.holder)
  }
  if (reply.kind === 'already_packed')
    return answer(
      orderId,
      'already_packed',
      alreadyPacked(order.orderNumber, reply.packedBy, reply.packedBy.packedAt),
      packer(reply.packedBy)
    )
  granted(deps, order, reply.claim, null)
  return answer(orderId, 'claimed', `Order ${order.orderNumber} is claimed for this station.`, holderOf(reply.claim))
}

/** A shift lead (approved) takes the claim from whichever station holds it. Needs the OMS. */
export async function takeOver(deps: ClaimDeps, orderId: number, approver: Operator): Promise<ClaimAnswer> {
  const order = orderOf(deps, orderId)
  const api = deps.client() ?? refuse('no_oms', { key: 'refusals:sync.noOmsToTakeOver' })
  let reply: ClaimReply
  try {
    reply = await api.claim(order.omsOrderId, claimRequest(deps, true))
  } catch (error) {
    if (!(error instanceof OmsError)) throw error
    return refuse('oms_unreachable', { key: 'refusals:sync.takeoverOffline', params: { problem: error.message } })
  }
  if (reply.kind === 'not_in_oms')
    refuse('not_in_oms', { key: 'refusals:sync.notInOmsToTakeOver', params: { orderNumber: order.orderNumber } })
  if (reply.kind === 'held_elsewhere') {
    refuse('claimed_elsewhere', { key: 'refusals:sync.heldElsewhere', params: heldElsewhereParams(order.orderNumber, reply.holder) })
  }
  if (reply.kind === 'already_packed') {
    refuse('already_packed', {
      key: 'refusals:sync.alreadyPacked',
      params: alreadyPackedParams(order.orderNumber, reply.packedBy, reply.packedBy.packedAt)
    })
  }
  const claim = (reply as { claim: ClaimGranted }).claim
  granted(deps, order, claim, approver)
  const from = claim.takenFrom
  return {
    ...answer(
      orderId,
      'claimed',
      from
        ? `Order ${order.orderNumber} was taken over from ${stationLabel(from)}: it is packed here now.`
        : `Order ${order.orderNumber} is claimed for this station.`,
      holderOf(claim)
    ),
    takenFrom: from ? { ...from } : null
  }
}

/** Gives the claim back (confirmation, cancellation, sign-out, leaving): recorded now, told to the OMS now or later. */
export async function release(deps: ClaimDeps, orderId: number, reason: string): Promise<boolean> {
  const { db, clock } = deps.context
  const marked = db.transaction((tx) => {
    if (!markReleasing(tx, orderId, clock().toISOString())) return false
    recordEvent(tx, {
      at: clock().toISOString(),
      type: 'order.claim_released',
      operatorId: deps.context.signedIn()?.id ?? null,
      orderId,
      reason
    })
    return true
  })
  if (marked) await tellRelease(deps, orderId)
  return marked
}

/** Tells the OMS about a release marked before; the row stays `releasing` when the OMS does not answer. */
export async function tellRelease(deps: ClaimDeps, orderId: number): Promise<void> {
  const api = deps.client()
  const order = orderOf(deps, orderId)
  if (!api) return dropClaim(deps.context.db, orderId)
  try {
    await api.release(order.omsOrderId)
    if (claimOf(deps.context.db, orderId)?.state === 'releasing') dropClaim(deps.context.db, orderId)
  } catch (error) {
    if (!(error instanceof OmsError)) throw error
  }
}

/** What the station asks the OMS for: its name (for other stations' screens), the lease, and whether to take over. */
export function claimRequest(deps: ClaimDeps, takeover: boolean) {
  return { stationName: getSetting(deps.context.db, 'stationName'), leaseSeconds: deps.leaseSeconds, takeover }
}

/** The station that packed the order, as a holder whose `since` is when it was packed. */
const packer = (by: WirePackedBy): ClaimHolder => ({
  stationId: by.stationId,
  stationName: by.stationName,
  since: by.packedAt,
  expiresAt: by.packedAt
})

const holderOf = (claim: ClaimGranted): ClaimHolder => ({
  stationId: claim.stationId,
  stationName: claim.stationName,
  since: claim.since,
  expiresAt: claim.expiresAt
})

/** Records a claim the OMS granted; a new claim (or a takeover) goes into the event log. */
export function granted(deps: ClaimDeps, order: OrderRef, claim: ClaimGranted, approver: Operator | null): void {
  const { db, clock, signedIn } = deps.context
  const at = clock().toISOString()
  deps.refusedHere?.delete(order.id)
  db.transaction((tx) => {
    const before = claimOf(tx, order.id)
    saveClaim(tx, {
      orderId: order.id,
      state: 'held',
      since: claim.since,
      expiresAt: claim.expiresAt,
      holderStationId: null,
      holderStationName: null,
      updatedAt: at
    })
    if (approver || before?.state !== 'held' || before.since !== claim.since) {
      recordEvent(tx, {
        at,
        type: approver ? 'order.claim_taken_over' : 'order.claimed',
        operatorId: approver?.id ?? signedIn()?.id ?? null,
        orderId: order.id,
        reason: claim.takenFrom ? takenOverFromReason(stationLabel(claim.takenFrom)) : null,
        data: { since: claim.since, expiresAt: claim.expiresAt, takenFrom: claim.takenFrom ?? null }
      })
    }
  })
}

/** Another station holds the claim this station thought it had (a takeover): scans of it are refused until it is claimed again. */
export function markLost(deps: ClaimDeps, orderId: number, holder: ClaimHolder): void {
  const { db, clock } = deps.context
  const at = clock().toISOString()
  db.transaction((tx) => {
    saveClaim(tx, {
      orderId,
      state: 'lost',
      since: holder.since,
      expiresAt: holder.expiresAt,
      holderStationId: holder.stationId,
      holderStationName: holder.stationName,
      updatedAt: at
    })
    recordEvent(tx, { at, type: 'order.claim_lost', operatorId: null, orderId, reason: claimedByReason(stationLabel(holder)) })
  })
  deps.context.notify('orders:changed', { orderIds: [orderId] })
}

/** The OMS did not answer: the offline setting decides whether this order may start here. */
function startOffline(deps: ClaimDeps, order: OrderRef, problem: string): ClaimAnswer {
  const { db, clock } = deps.context
  const mine = claimOf(db, order.id)
  if (mine?.state === 'lost') {
    const holder = {
      stationId: mine.holderStationId ?? '?',
      stationName: mine.holderStationName,
      since: mine.since,
      expiresAt: mine.expiresAt ?? mine.since
    }
    return answer(order.id, 'held_elsewhere', heldElsewhere(order.orderNumber, holder), holder)
  }
  const policy = readClaimSettings(db).offlineStart
  const assignedHere = mine?.state === 'held' || mine?.state === 'offline' || isAssignedHere(deps, order.id)
  if (policy === 'none' || (policy === 'assigned_only' && !assignedHere)) {
    return answer(order.id, 'wait_for_oms', waitForOms(order.orderNumber, problem))
  }
  if (mine?.state !== 'held') {
    const at = clock().toISOString()
    db.transaction((tx) => {
      saveClaim(tx, {
        orderId: order.id,
        state: 'offline',
        since: at,
        expiresAt: null,
        holderStationId: null,
        holderStationName: null,
        updatedAt: at
      })
      recordEvent(tx, {
        at,
        type: 'order.claimed_offline',
        operatorId: deps.context.signedIn()?.id ?? null,
        orderId: order.id,
        reason: problem
      })
    })
  }
  return answer(
    order.id,
    'offline',
    `The OMS did not answer: order ${order.orderNumber} starts offline and is claimed when the OMS is back.`
  )
}

/** A shift lead assigned an operator of this station to pack the order (Assign Operator). */
const isAssignedHere = ({ context }: ClaimDeps, orderId: number): boolean =>
  context.db
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.orderId, orderId), eq(assignments.role, 'packing')))
    .get() !== undefined
