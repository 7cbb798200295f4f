// Order claims (SPEC §7, "Many stations, one warehouse"): a station claims an
// order while it is packed there, with a lease on the OMS it renews while the
// scan screen is open and releases at Packing Confirmation, cancellation or
// sign-out. A claim another station holds is shown by name; a shift lead can
// take it over with a fresh approval.
import { z } from 'zod'
import { Approval } from './operators'
import { id } from './primitives'

/** The station that holds an order's claim, as the OMS named it. */
export const ClaimHolder = z.object({
  stationId: z.string(),
  /** The station's name; null when it has none (show the id). */
  stationName: z.string().nullable(),
  /** When that station claimed it (UTC ISO). */
  since: z.string(),
  /** When its lease runs out unless renewed (UTC ISO). */
  expiresAt: z.string()
})
export type ClaimHolder = z.infer<typeof ClaimHolder>

/**
 * What opening an order for scanning found:
 * - `claimed`: this station holds the claim now (new or renewed); scanning may start.
 * - `offline`: the OMS did not answer and the offline setting lets this order start anyway (claimed when the OMS is back).
 * - `no_oms`: the station has no OMS address (a single station): nothing to claim.
 * - `held_elsewhere`: another station holds it; nothing changed here. A shift lead may take it over.
 * - `wait_for_oms`: the OMS did not answer and the offline setting says this order waits; nothing changed.
 * - `already_packed`: the OMS accepted the order as packed by another station (`holder` names it, `since` is when it
 *   was packed); nothing changed, and nobody can take it over.
 */
export const ClaimOutcome = z.enum(['claimed', 'offline', 'no_oms', 'held_elsewhere', 'wait_for_oms', 'already_packed'])
export type ClaimOutcome = z.infer<typeof ClaimOutcome>

export const ClaimAnswer = z.object({
  orderId: id,
  outcome: ClaimOutcome,
  /** In plain words (English, times in the station's local time); the screens word it from the fields. */
  message: z.string(),
  /** Who holds the claim now: this station when claimed, the other station when held elsewhere (or that packed it), else null. */
  holder: ClaimHolder.nullable(),
  /** A takeover: the station the claim was taken from. */
  takenFrom: ClaimHolder.nullable()
})
export type ClaimAnswer = z.infer<typeof ClaimAnswer>

/** Orders from the OMS that another station packs may start offline: only those assigned here (safe), any, or none. */
export const OFFLINE_CLAIM_POLICIES = ['assigned_only', 'any', 'none'] as const
export const OfflineClaimPolicy = z.enum(OFFLINE_CLAIM_POLICIES)
export type OfflineClaimPolicy = z.infer<typeof OfflineClaimPolicy>

export const ClaimSettings = z.object({ offlineStart: OfflineClaimPolicy })
export type ClaimSettings = z.infer<typeof ClaimSettings>

const OrderRef = z.strictObject({ orderId: id })

export const claimChannels = {
  /** Opening an order for scanning (Used Scan, Distribution Scan): claims it, or says who holds it. */
  'claims:open': { args: OrderRef, result: ClaimAnswer },
  /** Leaving the scan screen without confirming: gives the claim back (also at confirmation, cancellation, sign-out). */
  'claims:release': { args: OrderRef, result: z.object({ released: z.boolean() }) },
  /** A shift lead takes over an order another station holds; logged with who approved it. */
  'claims:takeOver': { args: z.strictObject({ orderId: id, approval: Approval }), result: ClaimAnswer },
  'claims:settings': { args: z.strictObject({}), result: ClaimSettings },
  'claims:saveSettings': { args: z.strictObject({ offlineStart: OfflineClaimPolicy, approval: Approval }), result: ClaimSettings }
} as const
