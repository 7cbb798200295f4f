// Shapes that cross the process boundary. The main process validates every
// argument against these (and every result, so a bug cannot leak a malformed
// object to the screen); the renderer gets the inferred types.
import { z } from 'zod'

export const OrderStatus = z.enum(['on_hold', 'ready', 'in_progress', 'packed', 'shipped', 'cancelled'])
export type OrderStatus = z.infer<typeof OrderStatus>
export const OrderType = z.enum(['normal', 'bulk'])
export const FulfilmentType = z.enum(['partial', 'block_complete'])
export const Condition = z.enum(['used', 'new'])
export const OperatorRole = z.enum(['operator', 'shift_lead'])

const id = z.number().int().positive()
const text = (max: number) => z.string().trim().min(1).max(max)

export const ShipTo = z.object({
  name: z.string(),
  company: z.string().optional(),
  street1: z.string(),
  street2: z.string().optional(),
  city: z.string(),
  postalCode: z.string(),
  region: z.string().optional(),
  country: z.string(),
  phone: z.string().optional(),
  email: z.string().optional()
})

export const Operator = z.object({
  id,
  name: z.string(),
  badgeCode: z.string(),
  role: OperatorRole
})
export type Operator = z.infer<typeof Operator>

/** Who is assigned to an order for picking, packing and shipping (SPEC §2): operator names, null when nobody is. */
export const Assignments = z.object({ picking: z.string().nullable(), packing: z.string().nullable(), shipping: z.string().nullable() })
export type Assignments = z.infer<typeof Assignments>

export const OrderSummary = z.object({
  id,
  omsOrderId: z.string(),
  orderNumber: z.string(),
  channel: z.string(),
  channelOrderId: z.string().nullable(),
  parentOrderId: z.string().nullable(),
  orderType: OrderType,
  status: OrderStatus,
  omsStatus: z.string().nullable(),
  priority: z.number().int(),
  dispatchAfter: z.string().nullable(),
  createdAt: z.string(),
  orderedQuantity: z.number().int(),
  scannedQuantity: z.number().int(),
  /** Set when the order was found through a scanned serial. */
  matchedSerial: z.string().nullable(),
  assignments: Assignments
})
export type OrderSummary = z.infer<typeof OrderSummary>

export const OrderLine = z.object({
  id,
  lineId: z.string(),
  sku: z.string(),
  productName: z.string(),
  quantity: z.number().int(),
  serialized: z.boolean(),
  condition: Condition,
  serialKind: z.enum(['imei', 'serial', 'none']),
  /** 2 for a dual-IMEI device: IMEI 1 then IMEI 2 (or one code holding both) make one unit. */
  imeisPerUnit: z.number().int(),
  /** The product barcode a Non-Serialized scan reads. */
  barcode: z.string().nullable(),
  scanCount: z.number().int(),
  pendingCount: z.number().int()
})
export type OrderLine = z.infer<typeof OrderLine>

export const ScannedUnit = z.object({
  id: z.string(),
  orderLineId: id,
  serial: z.string().nullable(),
  serial2: z.string().nullable(),
  entryMethod: z.enum(['scanned', 'typed']),
  scannedBy: z.string(),
  scannedAt: z.string()
})
export type ScannedUnit = z.infer<typeof ScannedUnit>

export const Box = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(['saved', 'confirmed', 'voided']),
  sscc: z.string().nullable(),
  presetName: z.string().nullable(),
  lengthMm: z.number().int().nullable(),
  widthMm: z.number().int().nullable(),
  heightMm: z.number().int().nullable(),
  weightG: z.number().int().nullable(),
  unitCount: z.number().int(),
  units: z.array(ScannedUnit),
  createdBy: z.string(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable()
})
export type Box = z.infer<typeof Box>

export const OrderEvent = z.object({
  id: z.string(),
  at: z.string(),
  type: z.string(),
  operator: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable()
})

export const OrderDetail = OrderSummary.extend({
  fulfilmentType: FulfilmentType.nullable(),
  shipTo: ShipTo,
  carrier: z.string(),
  service: z.string(),
  /** Recorded by the shipping step; null until the order ships. */
  trackingNumber: z.string().nullable(),
  trackingUrl: z.string().nullable(),
  shippedAt: z.string().nullable(),
  lines: z.array(OrderLine),
  boxes: z.array(Box),
  /** Units scanned since the last box (not yet in a box). */
  looseUnits: z.array(ScannedUnit),
  events: z.array(OrderEvent)
})
export type OrderDetail = z.infer<typeof OrderDetail>

export const ImportSummary = z.object({
  imported: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  productsUpserted: z.number().int(),
  failures: z.array(z.object({ omsOrderId: z.string().nullable(), reason: z.string() }))
})
export type ImportSummary = z.infer<typeof ImportSummary>

export const FailedImport = z.object({
  id,
  source: z.string(),
  omsOrderId: z.string().nullable(),
  reason: z.string(),
  attempts: z.number().int(),
  createdAt: z.string(),
  lastTriedAt: z.string()
})
export type FailedImport = z.infer<typeof FailedImport>

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

export const ScanResult = z.object({
  outcome: ScanOutcome,
  /** A short sentence for the operator, e.g. "OK" or "Duplicate: … in order SO-1001, box 2". */
  message: z.string(),
  serial: z.string().nullable(),
  orderLineId: id.nullable(),
  /** Units this scan committed (N for a multi-serial code). */
  units: z.number().int(),
  /** IMEI 1 of a dual-IMEI device waiting for IMEI 2: send it back as `firstImei` with the next scan. */
  awaiting: z.object({ firstImei: z.string(), orderLineId: id, productName: z.string() }).nullable(),
  order: OrderDetail
})
export type ScanResult = z.infer<typeof ScanResult>

export const SaveResult = z.object({
  action: z.enum(['box_saved', 'box_confirmed']),
  message: z.string(),
  boxNumber: z.number().int(),
  order: OrderDetail
})
export type SaveResult = z.infer<typeof SaveResult>

export const PackingConfirmation = z.object({
  order: OrderDetail,
  canConfirm: z.boolean(),
  /** Why Confirm is not possible yet, one sentence each. */
  blockers: z.array(z.string()),
  /** A bulk `partial` order may ship short with a shift lead's approval; `why` says why it may not. */
  shortShipment: z.object({ allowed: z.boolean(), why: z.string().nullable() })
})
export type PackingConfirmation = z.infer<typeof PackingConfirmation>

export const AppInfo = z.object({
  version: z.string(),
  stationId: z.string(),
  dataDir: z.string(),
  orderCount: z.number().int(),
  operatorCount: z.number().int()
})
export type AppInfo = z.infer<typeof AppInfo>

export const NewOperator = z.strictObject({
  name: text(80),
  badgeCode: text(64),
  role: OperatorRole,
  pin: z
    .string()
    .regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits')
    .optional()
})

/** A shift lead's approval of an exception: badge (scanned or typed) and PIN, checked by the main process. */
export const Approval = z.strictObject({ badgeCode: text(64), pin: z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits') })
export type Approval = z.infer<typeof Approval>

const signInPin = z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits').optional()
/** By name or by badge; shift leads (and operators, where the station asks) add their PIN. */
export const SignIn = z.union([z.strictObject({ operatorId: id, pin: signInPin }), z.strictObject({ badgeCode: text(64), pin: signInPin })])

export const OrderQuery = z.strictObject({
  query: z.string().max(100).optional(),
  status: OrderStatus.optional(),
  /** Orders assigned (for picking, packing or shipping) to this operator, or to the signed-in one. */
  assignedTo: z.union([id, z.literal('me')]).optional(),
  limit: z.number().int().min(1).max(500).optional()
})

export const ImportFile = z.strictObject({
  fileName: text(260),
  /** The file's text (UTF-8). 20 MB is far above any real order file. */
  content: z.string().max(20_000_000)
})

export const ScanRequest = z.strictObject({
  orderId: id,
  /** Exactly what the scanner sent; the core strips and validates it. */
  input: z.string().max(4096),
  /** The line the operator picked, if any; otherwise the core finds it. */
  orderLineId: id.optional(),
  /** IMEI 1 of the dual-IMEI device whose IMEI 2 this scan is (from the previous answer's `awaiting`). */
  firstImei: z.string().regex(/^\d{15}$/).optional(),
  /** Told by keystroke timing in the scan field; device scans are always `scanned`. */
  entryMethod: z.enum(['scanned', 'typed']).default('scanned'),
  /** A shift lead's approval for a typed serial, when the station's hand-entry policy asks for one. */
  approval: Approval.optional()
})

export const OrderRef = z.strictObject({ orderId: id })
