// A quicker road through the order record's checks (../orderRecord.ts) for
// the order that passes them: the same values, trimmed and normalised the same
// way, in the same shape. Anything this road is not sure of (a value of
// another type, an empty required field, a bad date, a rule broken) it leaves
// to the schema itself, which then words the refusal: the words an operator
// reads always come from zod.
//
// Written by hand because zod's own parse cost the file reader's thread about
// 14 µs of an order's 25–30 µs (a 100,000-order import); this road takes about
// 2 µs. No library validates a record faster with zod's exact words, and the
// words are pinned by tests. test/import/quickCheck.test.ts compares this road
// with the schema on every shape of record, valid and not: what it accepts,
// the schema accepts with the same result.
import type { OrderRecord } from '../orderRecord'

type Fields = Record<string, unknown>

/** Not for this road: the schema decides (and words why). */
class Unsure extends Error {}
const UNSURE = new Unsure()
const unsure = (): never => {
  throw UNSURE
}

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)

/** required(): text, trimmed, not empty. */
function required(value: unknown): string {
  if (typeof value !== 'string') return unsure()
  const text = value.trim()
  return text === '' ? unsure() : text
}

/** optionalText: missing, null or blank is null; text is trimmed. */
function optionalText(value: unknown): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') return unsure()
  const text = value.trim()
  return text === '' ? null : text
}

/** isoTime(): text that Date.parse reads, as an ISO 8601 UTC time. */
function isoTime(value: unknown): string {
  if (typeof value !== 'string') return unsure()
  const text = value.trim()
  return Number.isNaN(Date.parse(text)) ? unsure() : new Date(text).toISOString()
}

function wholeNumber(value: unknown): number {
  return Number.isSafeInteger(value) ? (value as number) : unsure()
}

function shipTo(value: unknown): OrderRecord['ship_to'] {
  if (!isObject(value)) return unsure()
  return {
    name: required(value.name),
    company: optionalText(value.company),
    street1: required(value.street1),
    street2: optionalText(value.street2),
    city: required(value.city),
    postal_code: required(value.postal_code),
    region: optionalText(value.region),
    country: required(value.country),
    phone: optionalText(value.phone),
    email: optionalText(value.email)
  }
}

function line(value: unknown): OrderRecord['lines'][number] {
  if (!isObject(value)) return unsure()
  const quantity = wholeNumber(value.quantity)
  const { serialized, condition } = value
  if (quantity <= 0 || typeof serialized !== 'boolean' || (condition !== 'used' && condition !== 'new')) return unsure()
  return {
    line_id: required(value.line_id),
    sku: required(value.sku),
    product_name: required(value.product_name),
    quantity,
    serialized,
    condition
  }
}

function record(r: Fields): OrderRecord {
  const { order_type, fulfilment_type, dispatch_after, priority, lines } = r
  if (order_type !== 'normal' && order_type !== 'bulk') return unsure()
  if (fulfilment_type !== undefined && fulfilment_type !== null && fulfilment_type !== 'partial' && fulfilment_type !== 'block_complete')
    return unsure()
  // The schema's own rules: fulfilment_type for bulk orders only, and always for them.
  if ((order_type === 'bulk') !== (fulfilment_type === 'partial' || fulfilment_type === 'block_complete')) return unsure()
  if (!Array.isArray(lines) || lines.length === 0) return unsure()
  const out: OrderRecord = {
    oms_order_id: required(r.oms_order_id),
    order_number: required(r.order_number),
    channel: required(r.channel),
    channel_order_id: optionalText(r.channel_order_id),
    parent_order_id: optionalText(r.parent_order_id),
    order_type,
    fulfilment_type: fulfilment_type ?? null,
    ship_to: shipTo(r.ship_to),
    carrier: required(r.carrier),
    service: required(r.service),
    // Blank text means no dispatch time, as an empty CSV cell does.
    dispatch_after:
      dispatch_after === undefined || dispatch_after === null || (typeof dispatch_after === 'string' && dispatch_after.trim() === '')
        ? null
        : isoTime(dispatch_after),
    priority: priority === undefined ? 0 : wholeNumber(priority),
    created_at: isoTime(r.created_at),
    oms_status: optionalText(r.oms_status),
    lines: Array.from(lines, line)
  }
  const seen = new Set<string>()
  for (const { line_id } of out.lines) {
    if (seen.has(line_id)) return unsure()
    seen.add(line_id)
  }
  return out
}

/** The checked record, as OrderRecord.parse would give it; null when the schema must look (it may refuse). */
export function quickOrderRecord(input: unknown): OrderRecord | null {
  if (!isObject(input)) return null
  try {
    return record(input)
  } catch (error) {
    if (error === UNSURE) return null
    throw error
  }
}
