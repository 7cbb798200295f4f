// How a checked order crosses from the file reader's thread to the storing
// thread: as flat arrays of its values, never as objects. Copying objects
// between threads (structured clone) made the storing thread, the import's
// bottleneck, spend about four times as long per order as copying the same
// values in arrays does (37 µs against 8 µs an order, measured on a busy
// 2-core machine); rebuilding the objects on arrival costs well under that.
// The key lists come from the record's schema, so a field added there crosses
// too; test/import/orderRows.test.ts checks the round trip.
import { LineRecord, OrderRecord, ShipToRecord } from '../orderRecord'
import type { Words } from '../../../../shared/words'
import type { CheckedOrder } from './checkOrder'

/** A checked order as the reader posts it: [1, payload, id, hash, ...values, shipTo, lines] or [0, payload, id, words as JSON]. */
export type OrderRow = readonly unknown[]

const SHIP_TO_KEYS = Object.keys(ShipToRecord.shape) as (keyof OrderRecord['ship_to'])[]
const LINE_KEYS = Object.keys(LineRecord.shape) as (keyof OrderRecord['lines'][number])[]
const ORDER_KEYS = (Object.keys(OrderRecord.shape) as (keyof OrderRecord)[]).filter((k) => k !== 'ship_to' && k !== 'lines')
const HEAD = 4

export function toRow(checked: CheckedOrder): OrderRow {
  if (!checked.record) return [0, checked.payload, checked.omsOrderId, JSON.stringify(checked.words)]
  const { record } = checked
  const row: unknown[] = [1, checked.payload, checked.omsOrderId, checked.hash]
  for (const key of ORDER_KEYS) row.push(record[key])
  row.push(SHIP_TO_KEYS.map((key) => record.ship_to[key]))
  const lines: unknown[] = []
  for (const line of record.lines) for (const key of LINE_KEYS) lines.push(line[key])
  row.push(lines)
  return row
}

export function fromRow(row: OrderRow): CheckedOrder {
  const payload = row[1] as string
  const omsOrderId = row[2] as string | null
  if (row[0] === 0) return { payload, omsOrderId, record: null, words: JSON.parse(row[3] as string) as Words }
  const record: Record<string, unknown> = {}
  let at = HEAD
  for (const key of ORDER_KEYS) record[key] = row[at++]
  const shipToValues = row[at++] as unknown[]
  const shipTo: Record<string, unknown> = {}
  SHIP_TO_KEYS.forEach((key, i) => (shipTo[key] = shipToValues[i]))
  record.ship_to = shipTo
  const values = row[at] as unknown[]
  const lines: Record<string, unknown>[] = []
  for (let i = 0; i < values.length; i += LINE_KEYS.length) {
    const line: Record<string, unknown> = {}
    LINE_KEYS.forEach((key, k) => (line[key] = values[i + k]))
    lines.push(line)
  }
  record.lines = lines
  return { payload, omsOrderId, record: record as OrderRecord, hash: row[3] as string }
}
