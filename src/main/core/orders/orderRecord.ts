// What an order looks like when it arrives (from a file or the OMS), and the
// checks it must pass before the station stores it. Field names are the
// OMS's (snake_case), the same in JSON and in CSV headers.
import { hash } from 'node:crypto'
import { z } from 'zod'
import { gtin14, isGtin } from '../scanning/codes/gtin'

const required = (name: string) =>
  z
    .string({ error: (i) => (i.input === undefined || i.input === null ? `missing required field ${name}` : `${name} must be text`) })
    .trim()
    .min(1, `missing required field ${name}`)

const optionalText = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => (v ? v : null))

const isoTime = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => !Number.isNaN(Date.parse(v)), `${name} is not a date and time (use ISO 8601, e.g. 2026-11-21T09:00:00Z)`)
    .transform((v) => new Date(v).toISOString())

export const ShipToRecord = z.object({
  name: required('ship_to.name'),
  company: optionalText,
  street1: required('ship_to.street1'),
  street2: optionalText,
  city: required('ship_to.city'),
  postal_code: required('ship_to.postal_code'),
  region: optionalText,
  country: required('ship_to.country'),
  phone: optionalText,
  email: optionalText
})

export const LineRecord = z.object({
  line_id: required('line_id'),
  sku: required('sku'),
  product_name: required('product_name'),
  quantity: z.number({ error: 'quantity must be a number' }).int('quantity must be a whole number').positive('quantity must be positive'),
  serialized: z.boolean({ error: 'serialized must be true or false' }),
  condition: z.enum(['used', 'new'], { error: 'condition must be used or new' })
})

// import/quickCheck.ts gives this schema's result by hand for the orders that pass it (zod's parse was half of
// a file import's reading time): a rule added here must be added there too, and to test/import/quickCheck.test.ts,
// which compares the two on records one field away from valid.
export const OrderRecord = z
  .object({
    oms_order_id: required('oms_order_id'),
    order_number: required('order_number'),
    channel: required('channel'),
    channel_order_id: optionalText,
    parent_order_id: optionalText,
    order_type: z.enum(['normal', 'bulk'], { error: 'order_type must be normal or bulk' }),
    fulfilment_type: z
      .enum(['partial', 'block_complete'], { error: 'fulfilment_type must be partial or block_complete' })
      .optional()
      .nullable()
      .transform((v) => v ?? null),
    ship_to: ShipToRecord,
    carrier: required('carrier'),
    service: required('service'),
    // May be empty (SPEC §1): "" means no dispatch time, as an empty CSV cell does.
    dispatch_after: z
      .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), isoTime('dispatch_after').nullable().optional())
      .transform((v) => v ?? null),
    priority: z.number().int('priority must be a whole number').optional().default(0),
    created_at: isoTime('created_at'),
    /** The OMS's own status for the order, when it sends one (e.g. held, cancelled, awaiting_payment). */
    oms_status: optionalText,
    lines: z.array(LineRecord).min(1, 'an order needs at least one line')
  })
  .superRefine((o, ctx) => {
    if (o.order_type === 'bulk' && !o.fulfilment_type) {
      ctx.addIssue({ code: 'custom', message: 'a bulk order needs fulfilment_type partial or block_complete' })
    }
    if (o.order_type === 'normal' && o.fulfilment_type) {
      ctx.addIssue({ code: 'custom', message: 'fulfilment_type is only for bulk orders' })
    }
    const seen = new Set<string>()
    for (const line of o.lines) {
      if (seen.has(line.line_id)) ctx.addIssue({ code: 'custom', message: `line_id ${line.line_id} appears twice` })
      seen.add(line.line_id)
    }
  })
export type OrderRecord = z.output<typeof OrderRecord>

export const ProductRecord = z.object({
  sku: required('sku'),
  name: required('name'),
  serialized: z.boolean(),
  condition: z.enum(['used', 'new']),
  serial_kind: z.enum(['imei', 'serial', 'none']),
  serial_pattern: optionalText.refine((p) => p === null || isRegExp(p), 'serial_pattern is not a valid regular expression'),
  barcode: optionalText,
  tacs: z
    .array(z.string().regex(/^\d{8}$/, 'a TAC is 8 digits'))
    .optional()
    .nullable()
    .transform((v) => (v && v.length ? [...new Set(v)] : null)),
  imeis_per_unit: z.number().int().min(1).max(2).optional().default(1),
  /** The GTIN on the product's box (8, 12, 13 or 14 digits), stored as GS1 AI 01 carries it: 14 digits. */
  gtin: optionalText
    .refine((g) => g === null || isGtin(g), 'gtin is not a GTIN (8, 12, 13 or 14 digits with a valid check digit)')
    .transform((g) => (g === null ? null : gtin14(g)))
})
export type ProductRecord = z.output<typeof ProductRecord>

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern)
    return true
  } catch {
    return false
  }
}

/** One readable sentence from a zod failure: the first problem, with where it is. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.length && !issue.message.includes(String(issue.path.at(-1))) ? `${issue.path.join('.')}: ` : ''
      return where + issue.message
    })
    .join('; ')
}

/**
 * Key-order-independent hash of a normalised record: equal orders hash equal.
 * The stored hashes depend on this exact text (JSON, every object's keys
 * sorted, undefined members left out): change it and every order imported
 * before would no longer count as unchanged when imported again.
 */
export function contentHash(record: OrderRecord): string {
  const copy: Record<string, unknown> = {}
  for (const key of SORTED_KEYS.order) {
    const value = record[key as keyof OrderRecord]
    copy[key] =
      key === 'ship_to'
        ? sortedCopy(value as OrderRecord['ship_to'], SORTED_KEYS.shipTo)
        : key === 'lines'
          ? (value as OrderRecord['lines']).map((line) => sortedCopy(line, SORTED_KEYS.line))
          : value
  }
  return hash('sha256', JSON.stringify(copy))
}

/**
 * Each level's keys in sorted order, sorted once: a checked record has its
 * schema's keys and no other (zod leaves unknown keys out), and its values
 * below these levels are text, numbers, booleans or null. JSON.stringify keeps
 * the order the keys were inserted in (none is integer-like) and leaves out
 * an undefined member: the sorted text at native speed, without sorting each
 * record's keys again. test/import/contentHash.test.ts checks it against
 * sorting every object's own keys.
 */
const SORTED_KEYS = {
  order: Object.keys(OrderRecord.shape).sort(),
  shipTo: Object.keys(ShipToRecord.shape).sort(),
  line: Object.keys(LineRecord.shape).sort()
}

function sortedCopy(object: object, keys: string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = {}
  for (const key of keys) copy[key] = (object as Record<string, unknown>)[key]
  return copy
}

/**
 * The station status an imported order starts in. The OMS may hold or cancel
 * it; a status the station does not pack from (awaiting payment, voided, …)
 * keeps the order on hold with that OMS status shown.
 */
export function initialStatus(record: OrderRecord, now: Date): 'on_hold' | 'ready' | 'cancelled' {
  const oms = record.oms_status?.toLowerCase() ?? null
  if (oms === 'cancelled' || oms === 'canceled') return 'cancelled'
  if (oms !== null && !PACKABLE_OMS_STATUSES.has(oms)) return 'on_hold'
  if (record.dispatch_after && Date.parse(record.dispatch_after) > now.getTime()) return 'on_hold'
  return 'ready'
}

export const PACKABLE_OMS_STATUSES = new Set(['allocated', 'ready', 'released', 'open', 'paid'])
