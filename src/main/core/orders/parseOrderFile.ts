// What a record of an order file (JSON or CSV) looks like before it is
// checked: the readers in ./import/ find the records as the file streams by,
// and these functions shape each one into the raw order the importer checks.
// A bad record is not refused here: it travels on with its `problem`, so the
// importer puts it on the failed-imports list.

export type RawOrderFile = { products: unknown[]; orders: RawOrder[] }
/** A record as found in the file; `problem` is set when the file itself contradicts the record. */
export type RawOrder = { record: Record<string, unknown>; problem?: string }

/** The problems a record can have here (worded for the failed-imports list in ./import/failureWords.ts). */
export const NOT_AN_OBJECT = 'the record is not an object'
export const DISAGREE_PREFIX = 'the rows of this order disagree on '

/** One element of a JSON order list. */
export function jsonOrder(value: unknown): RawOrder {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? { record: value as Record<string, unknown> }
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

/** The header row of a CSV order file: where each known column is. */
export type CsvColumns = ReadonlyMap<string, number>

/** Reads the header row (names trimmed, any case); null when it has no oms_order_id column. */
export function csvColumns(header: string[]): CsvColumns | null {
  const columns = new Map<string, number>()
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase()
    if (!columns.has(key)) columns.set(key, i)
  })
  return columns.has('oms_order_id') ? columns : null
}

/** The order id a CSV row belongs to: the rows of one order follow each other. */
export const csvOrderId = (columns: CsvColumns, row: string[]): string => cell(columns, row, 'oms_order_id') ?? ''

/** The value of a cell, trimmed; undefined when the file has no such column. */
function cell(columns: CsvColumns, row: string[], field: string): string | undefined {
  const i = columns.get(field)
  return i === undefined ? undefined : (row[i] ?? '').trim()
}

/** CSV: one row per order line; the order's own fields repeat on each of its rows and must agree. */
export function csvOrder(columns: CsvColumns, rows: string[][]): RawOrder {
  const first = rows[0]
  const disagree = ORDER_FIELDS.find((field) => {
    const expected = cell(columns, first, field) ?? ''
    return rows.some((row) => (cell(columns, row, field) ?? '') !== expected)
  })
  const record: Record<string, unknown> = {}
  for (const field of ORDER_FIELDS) {
    if (field.startsWith('ship_to_')) continue
    const value = cell(columns, first, field)
    if (value !== undefined && value !== '') record[field] = field === 'priority' ? toNumber(value) : value
  }
  const shipTo: Record<string, string> = {}
  for (const f of SHIP_TO_FIELDS) {
    const value = cell(columns, first, `ship_to_${f}`)
    if (value) shipTo[f] = value
  }
  record.ship_to = shipTo
  record.lines = rows.map((row) => {
    const line: Record<string, unknown> = {}
    for (const field of LINE_FIELDS) {
      const value = cell(columns, row, field)
      if (value === undefined || value === '') continue
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
