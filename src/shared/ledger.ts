// The shared serial ledger (SPEC §7, "Many stations, one warehouse"): what
// the OMS still rejects after the fact — an IMEI this station packed while
// another station had it live (both offline at once) — reaches the shift
// lead as a serial conflict, with what to do, until it is resolved.
import { z } from 'zod'
import { Words } from './words'
import { Approval } from './operators'
import { id, none } from './primitives'

/** Where the warehouse's ledger (as last pulled) has the serial: another station and its order. */
export const LedgerHolder = z.object({
  stationId: z.string(),
  /** The station's name; null when the OMS knows none (show the id). */
  stationName: z.string().nullable(),
  orderNumber: z.string(),
  /** true: still live there; false: released there since (re-send the event). */
  live: z.boolean()
})
export type LedgerHolder = z.infer<typeof LedgerHolder>

export const SerialConflict = z.object({
  /** The rejected event (an outbox id), as on the Sync screen's rejected events. */
  eventId: z.string(),
  eventType: z.string(),
  orderId: id.nullable(),
  orderNumber: z.string().nullable(),
  /** The serial the OMS named, still live in this station's order. */
  serial: z.string(),
  unitId: z.string(),
  boxId: z.string().nullable(),
  boxNumber: z.number().int().nullable(),
  /** The OMS's own words. */
  reason: z.string(),
  rejectedAt: z.string(),
  /** From the pulled ledger; null when this station has not pulled an entry for the serial (the reason still names it). */
  elsewhere: LedgerHolder.nullable(),
  /**
   * What the shift lead does: `unpack_or_ask` — unpack the unit here, or ask the other station to
   * release it and re-send; `resend` — the other station released it: re-send the event.
   */
  action: z.enum(['unpack_or_ask', 'resend'])
})
export type SerialConflict = z.infer<typeof SerialConflict>

export const UnpackConflictRequest = z.strictObject({
  eventId: z.string().min(1).max(100),
  serial: z.string().min(1).max(64),
  approval: Approval
})

export const ledgerChannels = {
  /** The open serial conflicts, oldest first. */
  'ledger:conflicts': { args: none, result: z.array(SerialConflict) },
  /** Resolves a conflict here: reopens the unit's box if confirmed, removes the unit, and acknowledges the rejected event. */
  'ledger:unpackConflict': { args: UnpackConflictRequest, result: z.object({ message: z.string(), words: Words.optional(), orderId: id }) }
} as const
