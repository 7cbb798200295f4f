// What a record of an order file (JSON or CSV) looks like before it is
// checked: the readers in ./import/ find the records as the file streams by,
// and these functions shape each one into the raw order the importer checks.
// A bad record is not refused here: it travels on with its `problem`, so the
// importer puts it on the failed-imports list.

export type RawOrderFile = { products: unknown[]; orders: RawOrder[] }
/**
 * A record as found in the file; `problem` is set when the file itself contradicts the record. `text` is
 * the record's JSON as it stood in a JSON file (JSON.parse(text) is `record`): the failed-imports list keeps
 * it without writing the record out again.
 */
export type RawOrder = { record: Record<string, unknown>; problem?: string; text?: string }

/** The problems a record can have here (worded for the failed-imports list in ./import/failureWords.ts). */
export const NOT_AN_OBJECT = 'the record is not an object'
export const DISAGREE_PREFIX = 'the rows of this order disagree on '

/** One element of a JSON order list, and its text. */
export function jsonOrder(value: unknown, text?: string): RawOrder {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? { record: value as Record<string, unknown>, text }
    : { record: {}, problem: NOT_AN_OBJECT }
}

const SHIP_TO_FIELDS = ['name', 'company', 'street1', 'street2', 'city', 'postal_code', 'region', 'country', 'phone', 'email']
const ORDER_FIELDS = [
  'oms_order_id',
  'order_number',
  'channel',
  'channel_order_id',
  'parent_order_id',
  'order_type',
  'fulfilment_type',
  'carrier',
  'service',
  'dispatch_after',
  'priority',
  'created_at',
  'oms_status',
  ...SHIP_TO_FIELDS.map((f) => `ship_to_${f}`)
]
const LINE_FIELDS = ['line_id', 'sku', 'product_name', 'quantity', 'serialized', 'condition']

/**
 * The header row of a CSV order file, read once: where each known column is,
 * field by field in the order the record is built (the columns the file does
 * not have are left out, as their cells would be empty).
 */
export type CsvColumns = {
  readonly orderId: number
  /** The order's own fields (ship_to_* too): the first that differs between its rows is named. */
  readonly orderFields: readonly Column[]
  readonly shipTo: readonly Column[]
  readonly line: readonly Column[]
}
type Column = readonly [field: string, index: number]

/** Reads the header row (names trimmed, any case; the first of a repeated name counts); null when it has no oms_order_id column. */
export function csvColumns(header: string[]): CsvColumns | null {
  const columns = new Map<string, number>()
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase()
    if (!columns.has(key)) columns.set(key, i)
  })
  const orderId = columns.get('oms_order_id')
  if (orderId === undefined) return null
  const present = (fields: string[], prefix = '') =>
    fields.flatMap((field): Column[] => (columns.has(prefix + field) ? [[field, columns.get(prefix + field)!]] : []))
  return {
    orderId,
    orderFields: present(ORDER_FIELDS),
    shipTo: present(SHIP_TO_FIELDS, 'ship_to_'),
    line: present(LINE_FIELDS)
  }
}

/** The order id a CSV row belongs to: the rows of one order follow each other. */
export const csvOrderId = (columns: CsvColumns, row: string[]): string => cell(row, columns.orderId)

/** The value of a cell, trimmed (every row has the header's length: the CSV reader refuses any other). */
const cell = (row: string[], i: number): string => (row[i] ?? '').trim()

/** CSV: one row per order line; the order's own fields repeat on each of its rows and must agree. */
export function csvOrder(columns: CsvColumns, rows: string[][]): RawOrder {
  const first = rows[0]
  let disagree: string | undefined
  if (rows.length > 1) {
    disagree = columns.orderFields.find(([, i]) => {
      const expected = cell(first, i)
      return rows.some((row) => cell(row, i) !== expected)
    })?.[0]
  }
  const record: Record<string, unknown> = {}
  for (const [field, i] of columns.orderFields) {
    if (field.startsWith('ship_to_')) continue
    const value = cell(first, i)
    if (value !== '') record[field] = field === 'priority' ? toNumber(value) : value
  }
  const shipTo: Record<string, string> = {}
  for (const [field, i] of columns.shipTo) {
    const value = cell(first, i)
    if (value) shipTo[field] = value
  }
  record.ship_to = shipTo
  record.lines = rows.map((row) => {
    const line: Record<string, unknown> = {}
    for (const [field, i] of columns.line) {
      const value = cell(row, i)
      if (value === '') continue
      line[field] = field === 'quantity' ? toNumber(value) : field === 'serialized' ? toBoolean(value) : value
    }
    return line
  })
  return disagree ? { record, problem: DISAGREE_PREFIX + disagree } : { record }
}

const toNumber = (value: string): number | string => (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value)

function toBoolean(value: string): boolean | string {
  const v = value.toLowerCase()
  if (v === 'true' || v === 'yes' || v === 'y' || v === '1') return true
  if (v === 'false' || v === 'no' || v === 'n' || v === '0') return false
  return value
}
