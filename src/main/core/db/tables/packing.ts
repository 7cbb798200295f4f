// Box presets, boxes, the units scanned into them, and returned parcels (SPEC §3, §4, §6).
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { BOX_STATUSES, ENTRY_METHODS, REMOVALS, RETURN_FLAGS } from './enums'
import { orderLines, orders } from './catalogue'
import { operators } from './people'

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
    removalReason: text('removal_reason'),
    /** The scanned code's other parts (S/N beside the IMEIs, GTIN, lot…) as JSON `[{ name, value }]`; null when it had none. */
    codeParts: text('code_parts')
  },
  (t) => [
    // A serial can be live in one place only; removed units stay as history.
    uniqueIndex('scanned_units_serial_live')
      .on(t.serial)
      .where(sql`${t.serial} IS NOT NULL AND ${t.removedAt} IS NULL`),
    index('scanned_units_serial2')
      .on(t.serial2)
      .where(sql`${t.serial2} IS NOT NULL`),
    index('scanned_units_serial_history').on(t.serial),
    index('scanned_units_order').on(t.orderId, t.boxId),
    index('scanned_units_box').on(t.boxId),
    // The shift board and reports (core/reports/): units per hour over a time range, for the station or one operator.
    index('scanned_units_time').on(t.scannedAt),
    index('scanned_units_operator_time').on(t.scannedBy, t.scannedAt)
  ]
)

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
