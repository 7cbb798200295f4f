// The quick road through an order's checks (src/main/core/orders/import/quickCheck.ts)
// must never differ from the schema (OrderRecord in orderRecord.ts): each record
// here, valid or not, is checked both ways. Whatever the quick road accepts,
// the schema accepts with the very same result (values, nulls, key order);
// whatever it leaves, the schema words. And the orders an import meets take
// the quick road, or it would save nothing.
import { describe, expect, it } from 'vitest'
import { checkOrder } from '../../src/main/core/orders/import/checkOrder'
import { quickOrderRecord } from '../../src/main/core/orders/import/quickCheck'
import { contentHash, describeIssues, OrderRecord } from '../../src/main/core/orders/orderRecord'
import { benchOrders } from '../../bench/paths/importData'
import { EVERY_SHIP_TO_FIELD, orderRecord } from '../core/helpers'

type Fields = Record<string, unknown>

/** Values a field may hold in a file: every type, blank and padded text, dates good and bad, numbers of every kind. */
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  '   ',
  ' padded ',
  'text',
  0,
  -0,
  1,
  -1,
  2.5,
  1e21,
  Number.MAX_SAFE_INTEGER + 2,
  Number.NaN,
  Infinity,
  true,
  false,
  [],
  {},
  ['L1'],
  'normal',
  'bulk',
  'partial',
  'block_complete',
  ' bulk',
  'used',
  'new',
  'NEW',
  '2026-11-20T08:15:00Z',
  ' 2026-11-20 ',
  '2026-02-30T00:00:00Z',
  'yesterday',
  '0',
  '\u00a0name\u2003'
]

const base = (): Fields[] => [
  orderRecord(1),
  orderRecord(
    2,
    [
      { sku: 'PHONE-A', quantity: 200 },
      { sku: 'CABLE-1M', quantity: 3, serialized: false, condition: 'new' }
    ],
    {
      order_type: 'bulk',
      fulfilment_type: 'block_complete',
      parent_order_id: 'PARENT-1',
      priority: 5,
      dispatch_after: '2027-01-02T03:04:05+01:00'
    }
  ),
  orderRecord(3, undefined, { oms_status: ' held ', ship_to: { ...EVERY_SHIP_TO_FIELD } })
]

/** Every record one field away from a valid one: each field of the order, its ship-to and its first line, set to each odd value. */
function* mutants(): Generator<[string, Fields]> {
  for (const record of base()) {
    yield ['as given', record]
    for (const key of [...Object.keys(OrderRecord.shape), 'extra']) {
      for (const value of ODD_VALUES) yield [`${key} = ${String(value)}`, { ...record, [key]: value }]
    }
    const shipTo = record.ship_to as Fields
    for (const key of Object.keys(EVERY_SHIP_TO_FIELD)) {
      for (const value of ODD_VALUES) yield [`ship_to.${key} = ${String(value)}`, { ...record, ship_to: { ...shipTo, [key]: value } }]
    }
    const [first, ...rest] = record.lines as Fields[]
    for (const key of Object.keys(first)) {
      for (const value of ODD_VALUES)
        yield [`lines[0].${key} = ${String(value)}`, { ...record, lines: [{ ...first, [key]: value }, ...rest] }]
    }
    for (const value of ODD_VALUES) yield [`lines[0] = ${String(value)}`, { ...record, lines: [value, ...rest] }]
    yield ['a line twice', { ...record, lines: [first, { ...first }] }]
    const holey: unknown[] = [first]
    holey[2] = { ...first, line_id: 'L9' }
    yield ['a hole in the lines', { ...record, lines: holey }]
    yield ['a line id twice once trimmed', { ...record, lines: [first, { ...first, line_id: ` ${String(first.line_id)} ` }] }]
  }
}

/** The quick road agrees with the schema on `record`; answers whether it took it. */
function agree(record: unknown): boolean {
  const quick = quickOrderRecord(record)
  const schema = OrderRecord.safeParse(record)
  if (quick !== null) {
    expect(schema.success).toBe(true)
    expect(JSON.stringify(quick)).toBe(JSON.stringify(schema.data))
    expect(quick).toStrictEqual(schema.data)
  }
  return quick !== null
}

describe('the quick road through an order’s checks', () => {
  it('gives the schema’s result for every record one field away from a valid one, and leaves the rest to it', () => {
    let taken = 0
    let left = 0
    for (const [, record] of mutants()) {
      if (agree(record)) taken++
      else left++
    }
    // Both roads are exercised: most odd values are refused, many are normalised (trimmed, blank to null, dates).
    expect(taken).toBeGreaterThan(300)
    expect(left).toBeGreaterThan(1000)
  })

  it('takes every order of the benchmark’s file, with the schema’s result', () => {
    for (const order of benchOrders(3000)) expect(agree(order)).toBe(true)
  })

  it('leaves what is not an object to the schema', () => {
    for (const value of [null, undefined, 'order', 7, [], [orderRecord(1)]]) expect(quickOrderRecord(value)).toBeNull()
  })

  it('changes nothing in what checkOrder answers: the hash of a valid order, the words of a refused one', () => {
    for (const [name, record] of mutants()) {
      const checked = checkOrder({ record })
      const schema = OrderRecord.safeParse(record)
      if (schema.success) expect(checked, name).toMatchObject({ record: schema.data, hash: contentHash(schema.data) })
      else expect(checked, name).toMatchObject({ record: null, words: { params: { problem: describeIssues(schema.error) } } })
    }
  })
})
