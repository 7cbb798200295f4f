// Products (the SKU mapping, TACs), orders and their lines, and the records an import could not store (SPEC §1).
import { desc, sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { Words } from '../../../../shared/words'
import { CONDITIONS, FULFILMENT_TYPES, OPEN_STATUSES, ORDER_STATUSES, ORDER_TYPES, SERIAL_KINDS } from './enums'

/** The product catalogue ("SKU mapping"): an order line must name a known SKU. */
export const products = sqliteTable(
  'products',
  {
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
    /** The GTIN on the product's box (GS1 AI 01): a scanned GS1 code of another product is refused. */
    gtin: text('gtin'),
    updatedAt: text('updated_at').notNull()
  },
  // A scanned GS1 code's GTIN finds its products (core/scanning/scanUnit.ts).
  (t) => [
    index('products_gtin')
      .on(t.gtin)
      .where(sql`${t.gtin} IS NOT NULL`)
  ]
)

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
    /** The operators assigned for picking, packing and shipping: copies of `assignments` that triggers keep exact
     * (drizzle/0007), so "assigned to" and "my orders first" are served by an index in the list's order. */
    pickingOperatorId: integer('picking_operator_id'),
    packingOperatorId: integer('packing_operator_id'),
    shippingOperatorId: integer('shipping_operator_id'),
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
    // The orders list (core/orders/orderList.ts) walks one of these in its order, priority first, then the oldest
    // (the id, as rowid, ends every index): the whole list, one status, an operator's orders per role, and the
    // orders a packer still has to pack (per status), which the list puts first.
    index('orders_list').on(desc(t.priority), t.omsCreatedAt),
    index('orders_status').on(t.status, desc(t.priority), t.omsCreatedAt),
    ...(['picking', 'packing', 'shipping'] as const).map((role) => {
      const operator = t[`${role}OperatorId`]
      return index(`orders_${role}_operator`)
        .on(operator, desc(t.priority), t.omsCreatedAt)
        .where(sql`${operator} IS NOT NULL`)
    }),
    index('orders_packing_open')
      .on(t.packingOperatorId, t.status, desc(t.priority), t.omsCreatedAt)
      .where(sql`${t.packingOperatorId} IS NOT NULL AND ${t.status} IN ${sql.raw(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`)}`),
    // The hold release runs on every order list, order view and scan: it seeks the holds that are due instead
    // of walking every order on hold (core/orders/holds.ts; its WHERE matches this one term for term).
    index('orders_due_holds')
      .on(t.dispatchAfter)
      .where(sql`${t.status} = 'on_hold' AND ${t.dispatchAfter} IS NOT NULL AND ${t.heldBy} IS NULL`),
    // Opening a tracking URL in the browser checks it is one the station stored (core/packing/trackingUrls.ts).
    index('orders_tracking_url')
      .on(t.trackingUrl)
      .where(sql`${t.trackingUrl} IS NOT NULL`),
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
    /** `reason` as catalogue words (key and values), for the operator's language; null before 0014. */
    reasonWords: text('reason_words', { mode: 'json' }).$type<Words>(),
    attempts: integer('attempts').notNull().default(1),
    createdAt: text('created_at').notNull(),
    lastTriedAt: text('last_tried_at').notNull(),
    resolvedAt: text('resolved_at')
  },
  (t) => [
    // The failed imports screen: the open ones, the latest tried first (walked backwards).
    index('failed_imports_open').on(t.resolvedAt, t.lastTriedAt),
    // An import batch or an OMS pull finds its orders' open entries by order id: only those rows, however many
    // other entries are open.
    index('failed_imports_open_order')
      .on(t.omsOrderId)
      .where(sql`${t.resolvedAt} IS NULL`)
  ]
)
