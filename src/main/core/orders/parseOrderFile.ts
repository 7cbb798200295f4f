// Turns an order file (JSON or CSV) into raw records, still unvalidated.
// A file that cannot be read at all is refused whole; a bad record inside a
// readable file is left for the importer to put on the failed-imports list.
import { parse as parseCsv } from 'csv-parse/sync'
import { refuse } from '../errors'

export type RawOrderFile = { products: unknown[]; orders: RawOrder[] }
/** A record as found in the file; `problem` is set when the file itself contradicts the record. */
export type RawOrder = { record: Record<string, unknown>; problem?: string }

export function parseOrderFile(fileName: string, content: string): RawOrderFile {
  const text = content.replace(/^\uFEFF/, '')
  if (/\.csv$/i.test(fileName)) return parseCsvOrders(text)
  if (/\.(json|ndjson)$/i.test(fileName) || /^\s*[[{]/.test(text)) return parseJsonOrders(text)
  return refuse('bad_file', `${fileName}: not a JSON or CSV order file (use a .json or .csv file)`)
}

function parseJsonOrders(text: string): RawOrderFile {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return refuse('bad_file', `The file is not valid JSON (${(error as Error).message}). Nothing was imported.`)
  }
  const list = Array.isArray(data) ? data : (data as { orders?: unknown })?.orders
  const products = Array.isArray(data) ? [] : ((data as { products?: unknown })?.products ?? [])
  if (!Array.isArray(list) || !Array.isArray(products)) {
    return refuse(
      'bad_file',
      'The JSON file must hold a list of orders, or an object with "orders" (and optionally "products"). Nothing was imported.'
    )
  }
  return {
    products,
    orders: list.map((record) =>
      record && typeof record === 'object' && !Array.isArray(record)
        ? { record: record as Record<string, unknown> }
        : { record: {}, problem: 'the record is not an object' }
    )
  }
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

/** CSV: a header row, one row per order line; the order's own fields repeat on each of its rows. */
function parseCsvOrders(text: string): RawOrderFile {
  let rows: Record<string, string>[]
  try {
    rows = parseCsv(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false
    })
  } catch (error) {
    return refuse('bad_file', `The CSV file cannot be read (${(error as Error).message}). Nothing was imported.`)
  }
  if (rows.length > 0 && !('oms_order_id' in rows[0])) {
    return refuse('bad_file', 'The CSV file has no oms_order_id column: the first row must be the header. Nothing was imported.')
  }
  const byOrder = new Map<string, Record<string, string>[]>()
  for (const row of rows) {
    const key = row.oms_order_id ?? ''
    byOrder.set(key, [...(byOrder.get(key) ?? []), row])
  }
  return { products: [], orders: [...byOrder.values()].map(csvRowsToOrder) }
}

function csvRowsToOrder(rows: Record<string, string>[]): RawOrder {
  const first = rows[0]
  const disagree = ORDER_FIELDS.find((field) => rows.some((row) => (row[field] ?? '') !== (first[field] ?? '')))
  const record: Record<string, unknown> = {}
  for (const field of ORDER_FIELDS) {
    if (field.startsWith('ship_to_')) continue
    const value = first[field]
    if (value !== undefined && value !== '') record[field] = field === 'priority' ? toNumber(value) : value
  }
  record.ship_to = Object.fromEntries(SHIP_TO_FIELDS.filter((f) => first[`ship_to_${f}`]).map((f) => [f, first[`ship_to_${f}`]]))
  record.lines = rows.map((row) => {
    const line: Record<string, unknown> = {}
    for (const field of LINE_FIELDS) {
      const value = row[field]
      if (value === undefined || value === '') continue
      line[field] = field === 'quantity' ? toNumber(value) : field === 'serialized' ? toBoolean(value) : value
    }
    return line
  })
  return disagree ? { record, problem: `the rows of this order disagree on ${disagree}` } : { record }
}

const toNumber = (value: string): number | string => (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value)

function toBoolean(value: string): boolean | string {
  const v = value.toLowerCase()
  if (['true', 'yes', 'y', '1'].includes(v)) return true
  if (['false', 'no', 'n', '0'].includes(v)) return false
  return value
}
