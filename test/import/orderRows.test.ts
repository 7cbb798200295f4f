// A checked order crosses from the reader's thread to the storing one as flat
// rows (src/main/core/orders/import/orderRows.ts): what arrives must be the
// very order that was checked, every field, for every shape of order, and a
// failed order keeps its reason and the record as it came.
import { deserialize, serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { checkOrder, type CheckedOrder } from '../../src/main/core/orders/import/checkOrder'
import { fromRow, toRow } from '../../src/main/core/orders/import/orderRows'
import { EVERY_SHIP_TO_FIELD, orderRecord } from '../core/helpers'

/** Through a row and a structured clone, as a worker's postMessage copies it. */
const crossed = (checked: CheckedOrder) => fromRow(deserialize(serialize(toRow(checked))))

const shapes: Record<string, Record<string, unknown>> = {
  'a plain order': orderRecord(1),
  'a bulk order, many lines, non-serialized, new': orderRecord(
    2,
    [
      { sku: 'PHONE-A', quantity: 200 },
      { sku: 'CABLE-1M', quantity: 3, serialized: false, condition: 'new' },
      { sku: 'PHONE-B', quantity: 1, line_id: 'B-7', product_name: 'Phone B "black"' }
    ],
    { order_type: 'bulk', fulfilment_type: 'block_complete', parent_order_id: 'PARENT-1', priority: 5 }
  ),
  'every optional field given': orderRecord(3, undefined, {
    dispatch_after: '2027-01-02T03:04:05+01:00',
    oms_status: 'held',
    ship_to: EVERY_SHIP_TO_FIELD
  }),
  'empty optional fields': orderRecord(4, undefined, { channel_order_id: '', dispatch_after: '', oms_status: null, fulfilment_type: null }),
  'unknown fields are not carried': orderRecord(5, undefined, { gift_wrap: true })
}

describe('checked orders as rows', () => {
  for (const [name, record] of Object.entries(shapes)) {
    it(`${name}: arrives as it was checked`, () => {
      const checked = checkOrder({ record, problem: null } as never)
      expect(checked.record, 'the fixture is a valid order').not.toBeNull()
      expect(crossed(checked)).toStrictEqual(checked)
    })
  }

  it('a failed order keeps its reason, id and record as it came', () => {
    const checked = checkOrder({ record: orderRecord(6, [{ sku: 'PHONE-A', quantity: 0 }]), problem: null } as never)
    expect(checked.record).toBeNull()
    expect(crossed(checked)).toStrictEqual(checked)
    const unreadable = checkOrder({ record: { order_number: 7 }, problem: 'row 9: a quote is not closed' } as never)
    expect(crossed(unreadable)).toStrictEqual(unreadable)
  })

  it('a row holds only arrays and values, never an object', () => {
    const row = toRow(checkOrder({ record: shapes['every optional field given'], problem: null } as never))
    const objects = (value: unknown): boolean => (Array.isArray(value) ? value.some(objects) : value !== null && typeof value === 'object')
    expect(objects(row)).toBe(false)
  })
})
