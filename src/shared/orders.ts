// Orders (SPEC §1): what an order is on the station (lines, boxes, units,
// history), the orders list and search, file import with its failed imports,
// and holds set or released by a shift lead.
import { z } from 'zod'
import { Approval, Assignments } from './operators'
import { id, pageOf, pageQuery, reason, text } from './primitives'
import { Sentence, Words } from './words'

export const OrderStatus = z.enum(['on_hold', 'ready', 'in_progress', 'packed', 'shipped', 'cancelled'])
export type OrderStatus = z.infer<typeof OrderStatus>
export const OrderType = z.enum(['normal', 'bulk'])
export const FulfilmentType = z.enum(['partial', 'block_complete'])
export const Condition = z.enum(['used', 'new'])

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
  /** As logged, in English. */
  reason: z.string().nullable(),
  /** `reason` as catalogue words when the station wrote it (holdReasons.ts), for the screen's language and format. */
  reasonWords: Sentence.optional()
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
  /** The first 1,000 failures, in file order (`failed` counts them all; the failed imports list keeps every one). */
  failures: z.array(z.object({ omsOrderId: z.string().nullable(), reason: z.string() }))
})
export type ImportSummary = z.infer<typeof ImportSummary>

export const FailedImport = z.object({
  id,
  source: z.string(),
  omsOrderId: z.string().nullable(),
  /** Why, in English (the logs, the command line, entries stored before their words were). */
  reason: z.string(),
  /** `reason` as catalogue words, for the screen's language. */
  reasonWords: Words.nullable().optional(),
  attempts: z.number().int(),
  createdAt: z.string(),
  lastTriedAt: z.string()
})
export type FailedImport = z.infer<typeof FailedImport>

/** Where the next page of the failed imports starts: the last entry's place (newest tried first). */
export const FailedImportCursor = z.strictObject({ lastTriedAt: z.string().max(64), id })
export type FailedImportCursor = z.infer<typeof FailedImportCursor>

export const FailedImportsQuery = pageQuery(FailedImportCursor)
export type FailedImportsQuery = z.infer<typeof FailedImportsQuery>

/**
 * One page of the failed imports still open, newest tried first (a file with a systematic fault may leave
 * thousands): `open` counts them all, `nextCursor` is null on the last page.
 */
export const FailedImportsPage = pageOf('failed', FailedImport, FailedImportCursor)
export type FailedImportsPage = z.infer<typeof FailedImportsPage>

/**
 * Where the next page of the orders list starts: the last row's place, as the
 * station handed it out (the screen passes it back unchanged). `list`: the
 * usual order (priority, then the oldest), `mine` while still in the orders
 * the signed-in operator packs; `search`: the match kind (`stream`) and the
 * matched value (`key`).
 */
export const OrderCursor = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('list'), mine: z.boolean(), priority: z.number().int(), createdAt: z.string().max(64), id }),
  z.strictObject({ by: z.literal('search'), stream: z.number().int().min(0).max(31), key: z.string().max(200), id })
])
export type OrderCursor = z.infer<typeof OrderCursor>

export const OrderQuery = z.strictObject({
  query: z.string().max(100).optional(),
  status: OrderStatus.optional(),
  /** Orders assigned (for picking, packing or shipping) to this operator, or to the signed-in one. */
  assignedTo: z.union([id, z.literal('me')]).optional(),
  limit: z.number().int().min(1).max(500).optional(),
  /** The previous page's `nextCursor`: this page follows it. */
  cursor: OrderCursor.optional()
})
export type OrderQuery = z.infer<typeof OrderQuery>

/**
 * One page of the orders list. `nextCursor` is null once the list is complete;
 * a page may hold fewer rows than asked (even none) while `nextCursor` is set,
 * when a filter the page's index does not serve turned rows away: each call
 * reads a bounded number of rows, and the next page goes on from there.
 */
export const OrderPage = z.object({ orders: z.array(OrderSummary), nextCursor: OrderCursor.nullable() })
export type OrderPage = z.infer<typeof OrderPage>

/**
 * An order file reaches the station in pieces (the same in Electron and in the
 * browser): begin, send each piece in order, finish. The station keeps the
 * pieces in a staging file in its data folder and imports it as it reads it;
 * no size limit but the disk.
 */
export const ImportBegin = z.strictObject({
  fileName: text(260),
  /** The file's size in bytes, when the screen knows it: shown as progress, and checked against the free disk space. */
  size: z.number().int().min(0).optional()
})
/** At most 4 MiB of the file per piece (base64 makes 4 characters of 3 bytes). */
export const IMPORT_CHUNK_BYTES = 4 * 1024 * 1024
export const ImportChunk = z.strictObject({
  uploadId: z.uuid(),
  /** Where this piece starts in the file: pieces come in order, each once. */
  offset: z.number().int().min(0),
  data: z.base64().max(4 * Math.ceil(IMPORT_CHUNK_BYTES / 3))
})
export const UploadRef = z.strictObject({ uploadId: z.uuid() })

/** How far an import is: bytes of the file read, orders done (imported, already here or failed), failures so far. */
export const ImportProgress = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  bytesDone: z.number().int(),
  bytesTotal: z.number().int(),
  ordersDone: z.number().int(),
  failed: z.number().int(),
  finished: z.boolean()
})
export type ImportProgress = z.infer<typeof ImportProgress>

export const OrderRef = z.strictObject({ orderId: id })

export const orderChannels = {
  'orders:list': { args: OrderQuery, result: OrderPage },
  'orders:get': { args: OrderRef, result: OrderDetail },
  'orders:importBegin': { args: ImportBegin, result: z.object({ uploadId: z.string(), chunkBytes: z.number().int() }) },
  'orders:importChunk': { args: ImportChunk, result: z.object({ received: z.number().int() }) },
  'orders:importFinish': { args: UploadRef, result: ImportSummary },
  'orders:importCancel': { args: UploadRef, result: z.null() },
  'orders:failedImports': { args: FailedImportsQuery, result: FailedImportsPage },
  'orders:retryFailedImport': { args: z.strictObject({ id }), result: ImportSummary },

  'orders:hold': { args: z.strictObject({ orderId: id, approval: Approval, reason }), result: OrderDetail },
  'orders:release': { args: z.strictObject({ orderId: id, approval: Approval, reason }), result: OrderDetail }
} as const

/** Main → renderer notices about orders. */
export const orderNotices = {
  /** Orders changed behind the screen's back (import, hold release, sync): lists refresh. */
  'orders:changed': z.object({ orderIds: z.array(id) }),
  /** An import is under way: sent after each batch of orders, and once more when it ends. */
  'orders:importProgress': ImportProgress
} as const
