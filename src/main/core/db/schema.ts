// The station's local database: the source of truth for `drizzle-kit generate`.
// Names follow the SPEC. Times are ISO-8601 UTC strings; lengths in millimetres,
// weights in grams (integers, no float rounding on a label).
import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

export const ORDER_STATUSES = ['on_hold', 'ready', 'in_progress', 'packed', 'shipped', 'cancelled'] as const
export const ORDER_TYPES = ['normal', 'bulk'] as const
export const FULFILMENT_TYPES = ['partial', 'block_complete'] as const
export const CONDITIONS = ['used', 'new'] as const
export const SERIAL_KINDS = ['imei', 'serial', 'none'] as const
export const OPERATOR_ROLES = ['operator', 'shift_lead'] as const
export const ASSIGNMENT_ROLES = ['picking', 'packing', 'shipping'] as const
export const BOX_STATUSES = ['saved', 'confirmed', 'voided'] as const
export const ENTRY_METHODS = ['scanned', 'typed'] as const
/** Why a unit left its box: a shift lead removed it, its box was voided, or the order was cancelled and it was unpacked. */
export const REMOVALS = ['removed', 'box_voided', 'unpacked_after_cancel'] as const
export const LABEL_KINDS = ['box_label', 'shipping_label', 'packing_slip'] as const
export const LABEL_FORMATS = ['pdf', 'zpl'] as const
export const PRINT_JOB_STATUSES = ['queued', 'printing', 'printed', 'failed'] as const
/** Why a returned serial needs a look: not shipped in that order, or not known to the station at all. */
export const RETURN_FLAGS = ['not_in_order', 'unknown_serial', 'already_returned'] as const

/** The product catalogue ("SKU mapping"): an order line must name a known SKU. */
export const products = sqliteTable('products', {
  sku: text('sku').primaryKey(),
  name: text('name').notNull(),
  serialized: integer('serialized', { mode: 'boolean' }).notNull(),
  condition: text('condition', { enum: CONDITIONS }).notNull(),
  /** How a unit is identified: by IMEI (Luhn-checked), by another serial (pattern), or not at all. */
  serialKind: text('serial_kind', { enum: SERIAL_KINDS }).notNull(),
  /** Regular expression a non-IMEI serial must match in full. */
  serialPattern: text('serial_pattern'),
  /** Product barcode (EAN/UPC) scanned for non-serialized units. */
  barcode: text('barcode'),
  /** 2 for dual-SIM devices that carry two IMEIs per unit. */
  imeisPerUnit: integer('imeis_per_unit').notNull().default(1),
  updatedAt: text('updated_at').notNull()
})

/** The 8-digit Type Allocation Codes a model's IMEIs start with: tells the model from the IMEI. */
export const productTacs = sqliteTable(
  'product_tacs',
  {
    tac: text('tac').notNull(),
    sku: text('sku')
      .notNull()
      .references(() => products.sku, { onDelete: 'cascade' })
  },
  (t) => [primaryKey({ columns: [t.tac, t.sku] })]
)

export type ShipTo = {
  name: string
  company?: string
  street1: string
  street2?: string
  city: string
  postalCode: string
  region?: string
  country: string
  phone?: string
  email?: string
}

export const orders = sqliteTable(
  'orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    omsOrderId: text('oms_order_id').notNull(),
    orderNumber: text('order_number').notNull(),
    channel: text('channel').notNull(),
    channelOrderId: text('channel_order_id'),
    parentOrderId: text('parent_order_id'),
    orderType: text('order_type', { enum: ORDER_TYPES }).notNull(),
    fulfilmentType: text('fulfilment_type', { enum: FULFILMENT_TYPES }),
    shipTo: text('ship_to', { mode: 'json' }).$type<ShipTo>().notNull(),
    carrier: text('carrier').notNull(),
    service: text('service').notNull(),
    dispatchAfter: text('dispatch_after'),
    priority: integer('priority').notNull().default(0),
    omsCreatedAt: text('oms_created_at').notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    /** The status the OMS gave, kept visible when it is not packable (e.g. awaiting_payment). */
    omsStatus: text('oms_status'),
    /** Recorded by the shipping step. */
    trackingNumber: text('tracking_number'),
    trackingUrl: text('tracking_url'),
    shippedAt: text('shipped_at'),
    /** The shift lead who put the order on hold by hand: such a hold never releases by itself. */
    heldBy: integer('held_by'),
    /** sha256 of the normalised record: tells a re-import of the same order from a conflicting one. */
    contentHash: text('content_hash').notNull(),
    importedAt: text('imported_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    uniqueIndex('orders_oms_order_id').on(t.omsOrderId),
    index('orders_order_number').on(t.orderNumber),
    index('orders_channel_order_id').on(t.channelOrderId),
    index('orders_parent_order_id').on(t.parentOrderId),
    index('orders_status').on(t.status, t.priority, t.omsCreatedAt),
    // Opening a tracking URL in the browser checks it is one the station stored (core/packing/trackingUrls.ts).
    index('orders_tracking_url').on(t.trackingUrl).where(sql`${t.trackingUrl} IS NOT NULL`),
    check('orders_bulk_fulfilment', sql`${t.orderType} = 'bulk' OR ${t.fulfilmentType} IS NULL`)
  ]
)

export const orderLines = sqliteTable(
  'order_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    lineId: text('line_id').notNull(),
    sku: text('sku')
      .notNull()
      .references(() => products.sku),
    productName: text('product_name').notNull(),
    quantity: integer('quantity').notNull(),
    serialized: integer('serialized', { mode: 'boolean' }).notNull(),
    condition: text('condition', { enum: CONDITIONS }).notNull(),
    /** Units scanned and not removed: kept in step with scanned_units in the same transaction. */
    scannedQuantity: integer('scanned_quantity').notNull().default(0)
  },
  (t) => [
    uniqueIndex('order_lines_order_line').on(t.orderId, t.lineId),
    check('order_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('order_lines_no_overscan', sql`${t.scannedQuantity} >= 0 AND ${t.scannedQuantity} <= ${t.quantity}`)
  ]
)

export const operators = sqliteTable(
  'operators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    badgeCode: text('badge_code').notNull(),
    role: text('role', { enum: OPERATOR_ROLES }).notNull(),
    /** scrypt hash of a shift lead's PIN ("scrypt$N$salt$hash"), never the PIN itself. */
    pinHash: text('pin_hash'),
    failedPinAttempts: integer('failed_pin_attempts').notNull().default(0),
    lockedUntil: text('locked_until'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull()
  },
  (t) => [uniqueIndex('operators_badge_code').on(t.badgeCode)]
)

export const assignments = sqliteTable(
  'assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ASSIGNMENT_ROLES }).notNull(),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    assignedBy: integer('assigned_by')
      .notNull()
      .references(() => operators.id),
    assignedAt: text('assigned_at').notNull()
  },
  (t) => [uniqueIndex('assignments_order_role').on(t.orderId, t.role), index('assignments_operator').on(t.operatorId)]
)

export const boxPresets = sqliteTable('box_presets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  lengthMm: integer('length_mm').notNull(),
  widthMm: integer('width_mm').notNull(),
  heightMm: integer('height_mm').notNull(),
  maxWeightG: integer('max_weight_g').notNull()
})

export const boxes = sqliteTable(
  'boxes',
  {
    /** Station-prefixed UUIDv7: unique across every station that reports to the OMS. */
    id: text('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    /** n in "box n of N", counted per order. */
    number: integer('number').notNull(),
    status: text('status', { enum: BOX_STATUSES }).notNull(),
    presetId: integer('preset_id').references(() => boxPresets.id),
    lengthMm: integer('length_mm'),
    widthMm: integer('width_mm'),
    heightMm: integer('height_mm'),
    weightG: integer('weight_g'),
    sscc: text('sscc'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => operators.id),
    createdAt: text('created_at').notNull(),
    confirmedBy: integer('confirmed_by').references(() => operators.id),
    confirmedAt: text('confirmed_at')
  },
  (t) => [uniqueIndex('boxes_order_number').on(t.orderId, t.number), uniqueIndex('boxes_sscc').on(t.sscc)]
)

export const scannedUnits = sqliteTable(
  'scanned_units',
  {
    id: text('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    orderLineId: integer('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    /** null until Save puts the units scanned since the last box into a new box. */
    boxId: text('box_id').references(() => boxes.id),
    /** The normalised serial or IMEI; null for a non-serialized unit. */
    serial: text('serial'),
    /** The second IMEI of a dual-IMEI unit. */
    serial2: text('serial2'),
    entryMethod: text('entry_method', { enum: ENTRY_METHODS }).notNull(),
    scannedBy: integer('scanned_by')
      .notNull()
      .references(() => operators.id),
    scannedAt: text('scanned_at').notNull(),
    /** Set when a shift lead removes the unit; the row stays as history. */
    removedAt: text('removed_at'),
    removedBy: integer('removed_by').references(() => operators.id),
    removal: text('removal', { enum: REMOVALS }),
    removalReason: text('removal_reason')
  },
  (t) => [
    // A serial can be live in one place only; removed units stay as history.
    uniqueIndex('scanned_units_serial_live').on(t.serial).where(sql`${t.serial} IS NOT NULL AND ${t.removedAt} IS NULL`),
    index('scanned_units_serial2').on(t.serial2).where(sql`${t.serial2} IS NOT NULL`),
    index('scanned_units_serial_history').on(t.serial),
    index('scanned_units_order').on(t.orderId, t.boxId),
    index('scanned_units_box').on(t.boxId)
  ]
)

export const failedImports = sqliteTable(
  'failed_imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** File name or "oms". */
    source: text('source').notNull(),
    /** The OMS order id when the record had one. */
    omsOrderId: text('oms_order_id'),
    /** The record as received (normalised to JSON), so it can be retried. */
    payload: text('payload', { mode: 'json' }).notNull(),
    reason: text('reason').notNull(),
    attempts: integer('attempts').notNull().default(1),
    createdAt: text('created_at').notNull(),
    lastTriedAt: text('last_tried_at').notNull(),
    resolvedAt: text('resolved_at')
  },
  (t) => [index('failed_imports_open').on(t.resolvedAt)]
)

/** The append-only event log: who, when, what, from, to, why. Triggers refuse UPDATE and DELETE. */
export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    type: text('type').notNull(),
    /** null for the station itself (automatic release, OMS sync). */
    operatorId: integer('operator_id').references(() => operators.id),
    orderId: integer('order_id').references(() => orders.id),
    entityId: text('entity_id'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    data: text('data', { mode: 'json' })
  },
  (t) => [index('events_order').on(t.orderId, t.at)]
)

/** The transactional outbox: written with the change it reports, sent to the OMS later. */
export const outbox = sqliteTable(
  'outbox',
  {
    /** Also the idempotency key the OMS dedupes on. */
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    type: text('type').notNull(),
    orderId: integer('order_id').references(() => orders.id),
    payload: text('payload', { mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    sentAt: text('sent_at'),
    /** The OMS refused the event (e.g. an IMEI another station shipped): shown to a shift lead, never dropped. */
    rejectedAt: text('rejected_at'),
    rejectReason: text('reject_reason'),
    /** Written to the file-export folder (for OMSs that take files). */
    exportedAt: text('exported_at')
  },
  (t) => [index('outbox_pending').on(t.sentAt, t.createdAt)]
)

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull()
})

/** A returned parcel, scanned against the order it shipped in. */
export const returns = sqliteTable(
  'returns',
  {
    id: text('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    receivedBy: integer('received_by')
      .notNull()
      .references(() => operators.id),
    receivedAt: text('received_at').notNull(),
    note: text('note')
  },
  (t) => [index('returns_order').on(t.orderId)]
)

export const returnUnits = sqliteTable(
  'return_units',
  {
    id: text('id').primaryKey(),
    returnId: text('return_id')
      .notNull()
      .references(() => returns.id),
    serial: text('serial').notNull(),
    /** The unit as it was shipped in the order; null when the serial was not shipped there. */
    unitId: text('unit_id').references(() => scannedUnits.id),
    flag: text('flag', { enum: RETURN_FLAGS }),
    flagMessage: text('flag_message')
  },
  (t) => [index('return_units_serial').on(t.serial), index('return_units_return').on(t.returnId)]
)

/** Every label sent to a printer (or that failed to be): status, error, retry. */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: LABEL_KINDS }).notNull(),
    format: text('format', { enum: LABEL_FORMATS }).notNull(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    boxId: text('box_id').references(() => boxes.id),
    printer: text('printer').notNull(),
    status: text('status', { enum: PRINT_JOB_STATUSES }).notNull(),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    createdBy: integer('created_by').references(() => operators.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [index('print_jobs_order').on(t.orderId), index('print_jobs_created').on(t.createdAt)]
)
