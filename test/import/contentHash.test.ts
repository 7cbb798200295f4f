// An order's content hash (src/main/core/orders/orderRecord.ts) is stored
// with it and compared when the order is imported again: it must stay the
// sha256 of the record's JSON with every object's keys sorted, whatever way it
// is computed, for every shape of checked record and whatever the key order it
// was built in.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { contentHash, OrderRecord } from '../../src/main/core/orders/orderRecord'
import { benchOrders } from '../../bench/paths/importData'
import { EVERY_SHIP_TO_FIELD, orderRecord } from '../core/helpers'

/** The first implementation, written out: every object's own keys sorted, recursively. */
function sortedText(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(sortedText)
  const object = value as Record<string, unknown>
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((key) => [key, sortedText(object[key])])
  )
}
const reference = (record: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(sortedText(record)))
    .digest('hex')

const shapes: Record<string, Record<string, unknown>> = {
  'a plain order': orderRecord(1),
  'a bulk order with every optional field': orderRecord(
    2,
    [
      { sku: 'PHONE-A', quantity: 200 },
      { sku: 'CABLE-1M', quantity: 3, serialized: false, condition: 'new', product_name: 'Cable "1 m"' }
    ],
    {
      order_type: 'bulk',
      fulfilment_type: 'partial',
      parent_order_id: 'P-1',
      priority: 3,
      dispatch_after: '2027-01-02T03:04:05+01:00',
      oms_status: 'held',
      ship_to: EVERY_SHIP_TO_FIELD
    }
  ),
  'unknown fields, which the check leaves out': {
    ...orderRecord(3),
    note: 'x',
    ship_to: { ...(orderRecord(3).ship_to as object), floor: 2 }
  }
}

describe('the content hash', () => {
  it.each(Object.entries(shapes))('of %s is the sorted-key JSON hash', (_name, raw) => {
    const record = OrderRecord.parse(raw)
    expect(contentHash(record)).toBe(reference(record))
  })

  it('does not depend on the order the record’s keys were set in (as the OMS pull builds it)', () => {
    const record = OrderRecord.parse(shapes['a bulk order with every optional field'])
    const reversed = Object.fromEntries(Object.entries({ ...record, oms_status: 'released' }).reverse()) as OrderRecord
    expect(contentHash(reversed)).toBe(reference({ ...record, oms_status: 'released' }))
  })

  it('is the sorted-key JSON hash for each of the benchmark’s first 2,000 orders', () => {
    let n = 0
    for (const raw of benchOrders(2000)) {
      const record = OrderRecord.parse(raw)
      expect(contentHash(record)).toBe(reference(record))
      n++
    }
    expect(n).toBe(2000)
  })
})
