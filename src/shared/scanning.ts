// Scanning (SPEC §3–§5): a scan into an order's serial field (validated and
// committed at once, or refused with a reason), and non-serialized units by
// product barcode or quantity.
import { z } from 'zod'
import { Approval } from './operators'
import { OrderDelta } from './orderDelta'
import { id } from './primitives'
import { ScanCode, ScanParams } from './scanWords'

export const ScanOutcome = z.enum([
  'accepted',
  /** IMEI 1 of a dual-IMEI device is fine; IMEI 2 must follow. Nothing written yet. */
  'awaiting_imei2',
  /** A typed serial the hand-entry policy refuses, or that needs a shift lead's approval first. */
  'hand_entry_refused',
  'approval_required',
  'invalid_serial',
  'duplicate',
  'order_not_open',
  'over_scan',
  'wrong_item'
])
export type ScanOutcome = z.infer<typeof ScanOutcome>

/** A part of a scanned code that is not the serial (S/N next to the IMEIs, GTIN, lot…): kept with the unit. */
export const CodePart = z.object({ name: z.string(), value: z.string() })
export type CodePart = z.infer<typeof CodePart>

/** What the station reads from a code before it checks any serial (core/scanning/codes/readCode.ts). */
export const CodeRead = z.object({
  /** plain: one serial; list: several, unlabelled; labelled: `IMEI1:… S/N:…`; gs1: a GS1 element string. */
  format: z.enum(['plain', 'list', 'labelled', 'gs1']),
  /** The AIM symbology identifier in front of the data, e.g. "]d2" (a GS1 DataMatrix). */
  symbology: z.string().nullable(),
  /** The serials the scan carries, each named by what it is ("IMEI 2", "Serial (21)"); null for an unlabelled part. */
  serials: z.array(z.object({ name: z.string().nullable(), value: z.string() })),
  /** The serials are IMEI 1 and IMEI 2 of one device (a labelled box code). */
  oneDevice: z.boolean(),
  /** The GTIN of a GS1 code (AI 01), its check digit checked. */
  gtin: z.string().nullable(),
  /** Every other part of the code, in the order it came. */
  extras: z.array(CodePart),
  /** Why the code is refused before any serial is checked (a bad GTIN, a part without a label…). */
  problem: z.string().nullable()
})
export type CodeRead = z.infer<typeof CodeRead>

export const ScanResult = z.object({
  outcome: ScanOutcome,
  /** What the answer says, worded by the screens in the operator's language (src/shared/scanWords.ts). */
  code: ScanCode,
  params: ScanParams,
  /** The same in English, for the command line and the logs, e.g. "Already scanned: … is in order SO-1001, box 2". */
  message: z.string(),
  serial: z.string().nullable(),
  orderLineId: id.nullable(),
  /** Units this scan committed (N for a multi-serial code). */
  units: z.number().int(),
  /** IMEI 1 of a dual-IMEI device waiting for IMEI 2: send it back as `firstImei` with the next scan. */
  awaiting: z.object({ firstImei: z.string(), orderLineId: id, productName: z.string() }).nullable(),
  /** What the scan changed on the order (nothing but its status when refused): the screen applies it. */
  change: OrderDelta
})
export type ScanResult = z.infer<typeof ScanResult>

export const ScanRequest = z.strictObject({
  orderId: id,
  /** Exactly what the scanner sent; the core strips and validates it. */
  input: z.string().max(4096),
  /** The line the operator picked, if any; otherwise the core finds it. */
  orderLineId: id.optional(),
  /** IMEI 1 of the dual-IMEI device whose IMEI 2 this scan is (from the previous answer's `awaiting`). */
  firstImei: z
    .string()
    .regex(/^\d{15}$/)
    .optional(),
  /** Told by keystroke timing in the scan field; device scans are always `scanned`. */
  entryMethod: z.enum(['scanned', 'typed']).default('scanned'),
  /** A shift lead's approval for a typed serial, when the station's hand-entry policy asks for one. */
  approval: Approval.optional()
})

export const AddUnitsRequest = z
  .strictObject({
    orderId: id,
    barcode: z.string().max(4096).optional(),
    orderLineId: id.optional(),
    quantity: z.number().int().min(1, 'at least 1').max(10_000).optional()
  })
  .refine((r) => r.barcode !== undefined || r.orderLineId !== undefined, 'Scan a product barcode or choose a line and a quantity')

export const scanningChannels = {
  'scanning:scan': { args: ScanRequest, result: ScanResult },
  'scanning:addUnits': { args: AddUnitsRequest, result: ScanResult }
} as const
