// Shipping, returns and IMEI history (SPEC §6): record the carrier and
// tracking number of a packed order (checked by pure functions, so the
// Shipping screen says what is wrong before the station refuses it with the
// same catalogue words), scan a returned parcel against the order it shipped in, and
// follow one IMEI through the station.
import { z } from 'zod'
import { Words, type Sentence } from './words'
import { OrderDetail, OrderRef } from './orders'
import { id } from './primitives'

export const TRACKING_NUMBER_MIN = 6
export const TRACKING_NUMBER_MAX = 40
export const TRACKING_URL_MAX = 2048

/** A tracking number as printed or scanned: spaces (grouping on paper) and control characters removed. */
export const normaliseTrackingNumber = (raw: string): string => raw.replace(/[\s\u0000-\u001f\u007f]/g, '')

/** Why a (normalised) tracking number cannot be right (catalogue words, `shipping:tracking.*`), or null when it can. */
export function trackingNumberProblem(trackingNumber: string): Sentence | null {
  if (trackingNumber.length === 0) return { key: 'shipping:tracking.numberMissing' }
  const bad = [...trackingNumber].find((c) => !/[A-Za-z0-9-]/.test(c))
  if (bad !== undefined) return { key: 'shipping:tracking.numberCharacter', params: { character: bad } }
  if (trackingNumber.length < TRACKING_NUMBER_MIN || trackingNumber.length > TRACKING_NUMBER_MAX) {
    return {
      key: 'shipping:tracking.numberLength',
      params: { min: TRACKING_NUMBER_MIN, max: TRACKING_NUMBER_MAX, length: trackingNumber.length }
    }
  }
  return null
}

/** Why a (trimmed, non-empty) tracking URL cannot be used (catalogue words), or null when it is a valid http(s) address. */
export function trackingUrlProblem(url: string): Sentence | null {
  if (url.length > TRACKING_URL_MAX) return { key: 'shipping:tracking.urlTooLong', params: { max: TRACKING_URL_MAX } }
  if (/\s/.test(url)) return { key: 'shipping:tracking.urlSpaces' }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { key: 'shipping:tracking.urlNotAddress', params: { url: url.slice(0, 60) } }
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return { key: 'shipping:tracking.urlScheme', params: { protocol: parsed.protocol } }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(parsed.hostname)) return { key: 'shipping:tracking.urlHost' }
  if (parsed.username || parsed.password) return { key: 'shipping:tracking.urlCredentials' }
  return null
}

export const ShipRequest = z.strictObject({
  orderId: id,
  carrier: z.string().trim().min(1, 'Enter the carrier').max(60),
  service: z.string().trim().min(1, 'Enter the service').max(60),
  /** As scanned or typed; the core strips scanner noise and checks it. */
  trackingNumber: z.string().max(200),
  /** Optional: empty or absent means none. */
  trackingUrl: z
    .string()
    .max(TRACKING_URL_MAX + 100)
    .nullable()
    .optional()
})
export type ShipRequest = z.infer<typeof ShipRequest>

export const ShipResult = z.object({
  /** "Order SO-1 shipped with DHL Parcel, tracking …". */
  message: z.string(),
  /** `message` as catalogue words, for the screen's language. */
  words: Words.optional(),
  order: OrderDetail
})

export const ReturnFlag = z.enum(['not_in_order', 'unknown_serial', 'already_returned'])
export type ReturnFlag = z.infer<typeof ReturnFlag>

/**
 * A stored return flag as catalogue words, in each operator's language: derived from the flag's code, so returns
 * recorded before words existed read alike (`flagMessage` stays the English sentence of the moment, for the logs).
 * Keys: returns:flag.not_in_order, returns:flag.unknown_serial, returns:flag.already_returned.
 */
export const returnFlagWords = (flag: ReturnFlag): Sentence => ({ key: `returns:flag.${flag}` })

export const ReturnCheckRequest = z.strictObject({
  orderId: id,
  /** Exactly what the scanner sent. */
  input: z.string().max(4096),
  /** The serials already scanned into this parcel, to catch the same unit twice. */
  inParcel: z.array(z.string().max(64)).max(1000).default([])
})

export const ReturnCheck = z.object({
  serial: z.string(),
  /** The unit as shipped in this order, or null when it was not. */
  unitId: z.string().nullable(),
  flag: ReturnFlag.nullable(),
  /** "Shipped in this order" or why it is flagged, naming the other order. */
  message: z.string(),
  /** `message` as catalogue words, for the screen's language. */
  words: Words.optional(),
  /** The order the serial was found in when it is not this one. */
  otherOrder: z.object({ id, orderNumber: z.string() }).nullable()
})
export type ReturnCheck = z.infer<typeof ReturnCheck>

export const RecordReturnRequest = z.strictObject({
  orderId: id,
  serials: z.array(z.string().max(4096)).max(1000),
  note: z.string().trim().max(500).optional()
})

export const ReturnUnit = z.object({
  serial: z.string(),
  unitId: z.string().nullable(),
  flag: ReturnFlag.nullable(),
  /** Why it was flagged, in English as told when the return was recorded (the logs); screens word `flag` (returnFlagWords). */
  flagMessage: z.string().nullable()
})

export const ReturnRecord = z.object({
  id: z.string(),
  orderId: id,
  receivedBy: z.string(),
  receivedAt: z.string(),
  note: z.string().nullable(),
  units: z.array(ReturnUnit)
})
export type ReturnRecord = z.infer<typeof ReturnRecord>

export const HistoryRequest = z.strictObject({ input: z.string().max(4096) })

export const HistoryKind = z.enum(['scanned', 'boxed', 'box_confirmed', 'removed', 'packed', 'shipped', 'cancelled', 'returned'])
export type HistoryKind = z.infer<typeof HistoryKind>

/** One thing that happened to a unit; fields that do not apply to its kind are null. */
export const HistoryEntry = z.object({
  at: z.string(),
  kind: HistoryKind,
  orderId: id.nullable(),
  orderNumber: z.string().nullable(),
  boxNumber: z.number().int().nullable(),
  boxStatus: z.enum(['saved', 'confirmed', 'voided']).nullable(),
  /** Who did it (scanned, removed, shipped, received the return). */
  operator: z.string().nullable(),
  /** The shift lead who approved a removal or a voided box. */
  approvedBy: z.string().nullable(),
  /** A sentence for the screen, e.g. "Removed by Dana Whitfield: screen cracked", in English (the command line, the logs). */
  detail: z.string(),
  /** `detail` as catalogue words, for the screen's language. */
  words: Words.optional(),
  entryMethod: z.enum(['scanned', 'typed']).nullable(),
  removal: z.enum(['removed', 'box_voided', 'unpacked_after_cancel']).nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  trackingUrl: z.string().nullable(),
  flag: ReturnFlag.nullable()
})
export type HistoryEntry = z.infer<typeof HistoryEntry>

export const SerialHistory = z.object({
  /** The serial as searched, cleaned of scanner noise. */
  serial: z.string(),
  /** Every serial of the unit(s) found: both IMEIs of a dual-IMEI device. */
  serials: z.array(z.string()),
  entries: z.array(HistoryEntry)
})
export type SerialHistory = z.infer<typeof SerialHistory>

export const shippingChannels = {
  'shipping:ship': { args: ShipRequest, result: ShipResult },

  /** One scanned serial against the order: nothing is written. */
  'returns:check': { args: ReturnCheckRequest, result: ReturnCheck },
  /** The whole parcel at once: the return, its units and the OMS event in one transaction. */
  'returns:record': { args: RecordReturnRequest, result: ReturnRecord },
  'returns:list': { args: OrderRef, result: z.array(ReturnRecord) },

  'history:serial': { args: HistoryRequest, result: SerialHistory }
} as const
