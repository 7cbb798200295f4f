// Order claims on the wire (docs/oms-api.yaml, tag `claims`): what the station
// sends to claim, renew, take over and release an order, and what the OMS
// answers. Shared by the station's claim client and the stand-in OMS.
import { z } from 'zod'

export const CLAIM_PATH = (omsOrderId: string) => `/orders/${encodeURIComponent(omsOrderId)}/claim`

/** Shortest and longest lease a station may ask for. */
export const LEASE_SECONDS = { min: 30, max: 3_600 } as const

export const ClaimRequest = z.strictObject({
  /** The station's name, for other stations' screens; null when it has none. */
  stationName: z.string().min(1).max(100).nullable(),
  leaseSeconds: z.number().int().min(LEASE_SECONDS.min).max(LEASE_SECONDS.max),
  /** true: take the claim from whichever station holds it (a shift lead approved it at the station). */
  takeover: z.boolean().default(false)
})
export type ClaimRequest = z.infer<typeof ClaimRequest>

export const WireClaimHolder = z.object({
  stationId: z.string().min(1),
  stationName: z.string().nullable(),
  since: z.string().min(1),
  expiresAt: z.string().min(1)
})
export type WireClaimHolder = z.infer<typeof WireClaimHolder>

/** 200 to a claim: this station holds it until `expiresAt`; `takenFrom` names the station a takeover took it from. */
export const ClaimGranted = WireClaimHolder.extend({
  omsOrderId: z.string().min(1),
  takenFrom: WireClaimHolder.nullable().default(null)
})
export type ClaimGranted = z.infer<typeof ClaimGranted>

/** 409 to a claim: another station holds a lease that has not run out. */
export const ClaimConflict = z.object({
  code: z.literal('claimed_elsewhere'),
  error: z.string(),
  holder: WireClaimHolder
})
export type ClaimConflict = z.infer<typeof ClaimConflict>

/** The station whose packing of an order the OMS accepted, and when (the event's time). */
export const WirePackedBy = z.object({
  stationId: z.string().min(1),
  stationName: z.string().nullable(),
  packedAt: z.string().min(1)
})
export type WirePackedBy = z.infer<typeof WirePackedBy>

/** 409 to a claim: the OMS already accepted the order as packed (or shipped) by another station; a takeover too. */
export const ClaimAlreadyPacked = z.object({
  code: z.literal('already_packed'),
  error: z.string(),
  packedBy: WirePackedBy
})
export type ClaimAlreadyPacked = z.infer<typeof ClaimAlreadyPacked>

/** Any 409 to a claim, told apart by `code`. */
export const ClaimRefusal = z.discriminatedUnion('code', [ClaimConflict, ClaimAlreadyPacked])

/** 200 to a release: false when this station held no claim on it (already released, expired or taken over). */
export const ClaimReleased = z.object({ released: z.boolean() })
