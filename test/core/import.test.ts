import { afterEach, describe, expect, it } from 'vitest'
import { Readable } from 'node:stream'
import { importOrderStream } from '../../src/main/core/orders/import/importFile'
import { importRawFile, retryFailedImport } from '../../src/main/core/orders/importOrders'
import { StationError } from '../../src/main/core/errors'
import { listFailedImports } from '../../src/main/core/orders/failedImports'
import { getOrderDetail } from '../../src/main/core/orders/queries'
import {
  allProducts,
  catchError,
  cleanup,
  count,
  importRecords,
  openTestStation,
  orderIdOf,
  orderRecord,
  PRODUCTS,
  snapshot,
  type TestStation
} from './helpers'

afterEach(cleanup)

function station(withProducts = true): TestStation {
  const t = openTestStation()
  if (withProducts) expect(importRawFile(t.ctx, { products: allProducts(), orders: [] }, 'products.json').productsUpserted).toBe(4)
  return t
}

/** Imports a file's text the way a file is imported: streamed, checked and stored in batches. */
const importText = (t: TestStation, fileName: string, content: string) =>
  importOrderStream(t.ctx, Readable.from([Buffer.from(content)]), Buffer.byteLength(content), { fileName })

async function rejection(promise: Promise<unknown>): Promise<StationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(StationError)
  return error as StationError
}

const CSV_HEADER = [
  'oms_order_id',
  'order_number',
  'channel',
  'channel_order_id',
  'order_type',
  'fulfilment_type',
  'carrier',
  'service',
  'dispatch_after',
  'priority',
  'created_at',
  'ship_to_name',
  'ship_to_street1',
  'ship_to_city',
  'ship_to_postal_code',
  'ship_to_country',
  'line_id',
  'sku',
  'product_name',
  'quantity',
  'serialized',
  'condition'
]

type CsvRow = Partial<Record<(typeof CSV_HEADER)[number], string>>

function csvRow(n: number, line: { line_id: string; sku: string; quantity: string; product_name?: string }, over: CsvRow = {}): CsvRow {
  return {
    oms_order_id: `OMS-${n}`,
    order_number: `SO-${n}`,
    channel: 'Allegro',
    channel_order_id: `AL-${n}`,
    order_type: 'normal',
    fulfilment_type: '',
    carrier: 'DPD',
    service: 'Classic',
    dispatch_after: '',
    priority: '1',
    created_at: '2026-11-20T08:15:00Z',
    ship_to_name: 'Łukasz Wiśniewski',
    ship_to_street1: 'ul. Marszałkowska 10',
    ship_to_city: 'Warszawa',
    ship_to_postal_code: '00-001',
    ship_to_country: 'PL',
    product_name: `Product ${line.sku}`,
    serialized: line.sku === 'CABLE-1M' ? 'no' : 'yes',
    condition: 'used',
    ...line,
    ...over
  }
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
const toCsv = (rows: CsvRow[], eol = '\n', header = CSV_HEADER) =>
  [header.join(','), ...rows.map((r) => header.map((h) => quote(r[h] ?? '')).join(','))].join(eol) + eol

describe('good JSON files', () => {
  it('imports a plain list of orders', async () => {
    const t = station()
    const file = JSON.stringify([
      orderRecord(1),
      orderRecord(2, [
        { sku: 'PHONE-B', quantity: 1 },
        { sku: 'CABLE-1M', quantity: 3 }
      ])
    ])
    const summary = await importText(t, 'orders.json', file)
    expect(summary).toEqual({ imported: 2, unchanged: 0, failed: 0, productsUpserted: 0, failures: [] })
    const order = getOrderDetail(t.db, orderIdOf(t, 'OMS-2'))
    expect(order).toMatchObject({ orderNumber: 'SO-2', status: 'ready', orderType: 'normal', carrier: 'DHL', channel: 'Amazon' })
    expect(order.lines.map((l) => [l.lineId, l.sku, l.quantity, l.serialized, l.scanCount, l.pendingCount])).toEqual([
      ['L1', 'PHONE-B', 1, true, 0, 1],
      ['L2', 'CABLE-1M', 3, false, 0, 3]
    ])
    expect(order.shipTo).toMatchObject({ name: 'Jonas Müller', street1: 'Lindenstraße 12', postalCode: '10969', country: 'DE' })
    expect(count(t.sqlite, 'events', "type = 'order.imported'")).toBe(2)
  })

  it('imports an object with products and orders', async () => {
    const t = station(false)
    const file = JSON.stringify({ products: allProducts(), orders: [orderRecord(1)] })
    const summary = await importText(t, 'export.json', file)
    expect(summary).toMatchObject({ imported: 1, failed: 0, productsUpserted: 4 })
    expect(count(t.sqlite, 'products')).toBe(4)
    expect(count(t.sqlite, 'product_tacs', 'sku = ?', 'PHONE-A')).toBe(1)
    expect(count(t.sqlite, 'order_lines')).toBe(1)
  })

  it('reads a JSON file with a BOM and an unknown extension when it starts like JSON', async () => {
    const t = station()
    const summary = await importText(t, 'orders.txt', '\uFEFF' + JSON.stringify([orderRecord(1)]))
    expect(summary.imported).toBe(1)
  })

  it('counts the same order imported again as unchanged, even with its keys in another order', async () => {
    const t = station()
    importRecords(t, [orderRecord(1)])
    const before = snapshot(t.sqlite)
    const reordered = Object.fromEntries(Object.entries(orderRecord(1)).reverse())
    const summary = await importText(t, 'again.json', JSON.stringify([reordered]))
    expect(summary).toEqual({ imported: 0, unchanged: 1, failed: 0, productsUpserted: 0, failures: [] })
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it('stores UTF-8 names unchanged', async () => {
    const t = station()
    const record = orderRecord(1, [{ sku: 'PHONE-A', quantity: 1, product_name: '手机 A' }], {
      ship_to: { name: '王秀英', street1: '南京路 100号', city: '上海', postal_code: '200000', country: 'CN' }
    })
    await importText(t, 'cn.json', JSON.stringify([record]))
    const order = getOrderDetail(t.db, orderIdOf(t, 'OMS-1'))
    expect(order.shipTo.name).toBe('王秀英')
    expect(order.shipTo.city).toBe('上海')
    expect(order.lines[0].productName).toBe('手机 A')
  })
})

describe('good CSV files', () => {
  it('imports one row per line, grouped into orders', async () => {
    const t = station()
    const csv = toCsv([
      csvRow(1, { line_id: 'L1', sku: 'PHONE-A', quantity: '2' }),
      csvRow(1, { line_id: 'L2', sku: 'CABLE-1M', quantity: '1' }),
      csvRow(2, { line_id: 'L1', sku: 'PHONE-B', quantity: '1' })
    ])
    const summary = await importText(t, 'orders.csv', csv)
    expect(summary).toEqual({ imported: 2, unchanged: 0, failed: 0, productsUpserted: 0, failures: [] })
    const one = getOrderDetail(t.db, orderIdOf(t, 'OMS-1'))
    expect(one).toMatchObject({
      orderNumber: 'SO-1',
      channel: 'Allegro',
      channelOrderId: 'AL-1',
      priority: 1,
      carrier: 'DPD',
      dispatchAfter: null
    })
    expect(one.lines.map((l) => [l.lineId, l.sku, l.quantity, l.serialized])).toEqual([
      ['L1', 'PHONE-A', 2, true],
      ['L2', 'CABLE-1M', 1, false]
    ])
    expect(getOrderDetail(t.db, orderIdOf(t, 'OMS-2')).lines).toHaveLength(1)
  })

  it('reads a BOM, CRLF line ends, quoted fields with commas and quotes, and UTF-8 names', async () => {
    const t = station()
    const rows = [
      csvRow(1, { line_id: 'L1', sku: 'PHONE-A', quantity: '1', product_name: 'Phone A, 128GB "Midnight"' }),
      csvRow(
        2,
        { line_id: 'L1', sku: 'PHONE-B', quantity: '1' },
        { ship_to_name: '王秀英', ship_to_street1: 'Room 5, "Block B"', ship_to_city: '北京' }
      )
    ]
    const csv = '\uFEFF' + toCsv(rows, '\r\n')
    expect(csv).toContain('"Phone A, 128GB ""Midnight"""')
    const summary = await importText(t, 'ORDERS.CSV', csv)
    expect(summary.failures).toEqual([])
    expect(summary.imported).toBe(2)
    const one = getOrderDetail(t.db, orderIdOf(t, 'OMS-1'))
    expect(one.shipTo.name).toBe('Łukasz Wiśniewski')
    expect(one.lines[0].productName).toBe('Phone A, 128GB "Midnight"')
    expect(one.omsOrderId).toBe('OMS-1')
    const two = getOrderDetail(t.db, orderIdOf(t, 'OMS-2'))
    expect(two.shipTo).toMatchObject({ name: '王秀英', street1: 'Room 5, "Block B"', city: '北京' })
  })

  it('gives the same content hash for the same order from CSV and re-imported CSV', async () => {
    const t = station()
    const csv = toCsv([csvRow(1, { line_id: 'L1', sku: 'PHONE-A', quantity: '1' })])
    expect((await importText(t, 'a.csv', csv)).imported).toBe(1)
    expect(await importText(t, 'b.csv', csv.replace(/\n/g, '\r\n'))).toMatchObject({ imported: 0, unchanged: 1, failed: 0 })
  })

  it('puts an order whose rows disagree on an order field on the failed list', async () => {
    const t = station()
    const csv = toCsv([
      csvRow(1, { line_id: 'L1', sku: 'PHONE-A', quantity: '1' }),
      csvRow(1, { line_id: 'L2', sku: 'PHONE-B', quantity: '1' }, { carrier: 'UPS' }),
      csvRow(2, { line_id: 'L1', sku: 'PHONE-B', quantity: '1' })
    ])
    const summary = await importText(t, 'orders.csv', csv)
    expect(summary.imported).toBe(1)
    expect(summary.failures).toEqual([{ omsOrderId: 'OMS-1', reason: 'the rows of this order disagree on carrier' }])
    expect(count(t.sqlite, 'orders', 'oms_order_id = ?', 'OMS-1')).toBe(0)
    expect(listFailedImports(t.db).failed).toMatchObject([
      { omsOrderId: 'OMS-1', source: 'orders.csv', reason: expect.stringContaining('disagree on carrier') }
    ])
  })
})

describe('bad records go to failed imports with a readable reason', () => {
  async function importOne(t: TestStation, record: Record<string, unknown>) {
    const summary = await importText(t, 'bad.json', JSON.stringify([record, orderRecord(99)]))
    // The good order in the same file is imported all the same.
    expect(count(t.sqlite, 'orders', 'oms_order_id = ?', 'OMS-99')).toBe(1)
    expect(summary.imported).toBe(1)
    expect(summary.failed).toBe(1)
    return summary.failures[0]
  }

  const cases: [string, () => Record<string, unknown>, RegExp][] = [
    ['unknown SKU', () => orderRecord(1, [{ sku: 'NOPE-1', quantity: 1 }]), /line L1: unknown SKU NOPE-1/],
    ['missing carrier', () => ({ ...orderRecord(1), carrier: undefined }), /missing required field carrier/],
    ['empty order_number', () => orderRecord(1, undefined, { order_number: '  ' }), /missing required field order_number/],
    [
      'missing ship_to.city',
      () => orderRecord(1, undefined, { ship_to: { name: 'A', street1: 'B', postal_code: 'C', country: 'DE' } }),
      /missing required field ship_to\.city/
    ],
    ['missing line sku', () => orderRecord(1, [{ sku: '', quantity: 1 }]), /missing required field sku/],
    ['quantity 0', () => orderRecord(1, [{ sku: 'PHONE-A', quantity: 0 }]), /quantity must be positive/],
    ['quantity -1', () => orderRecord(1, [{ sku: 'PHONE-A', quantity: -1 }]), /quantity must be positive/],
    ['quantity 1.5', () => orderRecord(1, [{ sku: 'PHONE-A', quantity: 1.5 }]), /quantity must be a whole number/],
    ['quantity "two"', () => orderRecord(1, [{ sku: 'PHONE-A', quantity: 'two' as unknown as number }]), /quantity must be a number/],
    ['no lines', () => orderRecord(1, []), /at least one line/],
    ['bad created_at', () => orderRecord(1, undefined, { created_at: 'yesterday' }), /created_at is not a date/],
    ['bad order_type', () => orderRecord(1, undefined, { order_type: 'b2b' }), /order_type must be normal or bulk/],
    ['bulk without fulfilment_type', () => orderRecord(1, undefined, { order_type: 'bulk' }), /bulk order needs fulfilment_type/],
    ['fulfilment_type on a normal order', () => orderRecord(1, undefined, { fulfilment_type: 'partial' }), /only for bulk orders/],
    [
      'repeated line_id',
      () =>
        orderRecord(1, [
          { line_id: 'L1', sku: 'PHONE-A', quantity: 1 },
          { line_id: 'L1', sku: 'PHONE-B', quantity: 1 }
        ]),
      /line_id L1 appears twice/
    ]
  ]

  it.each(cases)('%s', async (_name, make, reason) => {
    const t = station()
    const failure = await importOne(t, make())
    expect(failure.omsOrderId).toBe('OMS-1')
    expect(failure.reason).toMatch(reason)
    expect(count(t.sqlite, 'orders', 'oms_order_id = ?', 'OMS-1')).toBe(0)
    const listed = listFailedImports(t.db).failed
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({ omsOrderId: 'OMS-1', source: 'bad.json', attempts: 1 })
    expect(listed[0].reason).toMatch(reason)
  })

  it('refuses a duplicate oms_order_id with different content, naming the stored order', async () => {
    const t = station()
    importRecords(t, [orderRecord(1)])
    const before = t.sqlite.prepare('select * from orders').all()
    const changed = orderRecord(1, [{ sku: 'PHONE-A', quantity: 3 }])
    const summary = await importText(t, 'again.json', JSON.stringify([changed]))
    expect(summary).toMatchObject({ imported: 0, unchanged: 0, failed: 1 })
    expect(summary.failures[0].reason).toBe('order id OMS-1 was already imported (order SO-1) with different content')
    expect(t.sqlite.prepare('select * from orders').all()).toEqual(before)
    expect(listFailedImports(t.db).failed).toHaveLength(1)
  })

  it('keeps a conflict on the failed list when the original order is imported again', async () => {
    const t = station()
    importRecords(t, [orderRecord(1)])
    await importText(t, 'changed.json', JSON.stringify([orderRecord(1, [{ sku: 'PHONE-A', quantity: 3 }])]))
    const summary = await importText(t, 'original.json', JSON.stringify([orderRecord(1)]))
    expect(summary).toMatchObject({ imported: 0, unchanged: 1, failed: 0 })
    expect(listFailedImports(t.db).failed).toHaveLength(1)
  })

  it('refuses a duplicate with different content inside one file', async () => {
    const t = station()
    const summary = await importText(
      t,
      'dup.json',
      JSON.stringify([orderRecord(1), orderRecord(1, undefined, { carrier: 'UPS' }), orderRecord(1)])
    )
    expect(summary).toMatchObject({ imported: 1, unchanged: 1, failed: 1 })
    expect(getOrderDetail(t.db, orderIdOf(t, 'OMS-1')).carrier).toBe('DHL')
  })

  it('keeps one open failure per order id and counts the attempts', async () => {
    const t = station()
    const bad = orderRecord(1, [{ sku: 'NOPE-1', quantity: 1 }])
    await importText(t, 'a.json', JSON.stringify([bad]))
    t.time.advance(60_000)
    await importText(t, 'b.json', JSON.stringify([bad]))
    const listed = listFailedImports(t.db).failed
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({ attempts: 2, source: 'b.json', lastTriedAt: t.clock().toISOString() })
  })

  it('puts a record that is not an object on the failed list', async () => {
    const t = station()
    const summary = await importText(t, 'odd.json', JSON.stringify([42, orderRecord(1)]))
    expect(summary).toMatchObject({ imported: 1, failed: 1, failures: [{ omsOrderId: null, reason: 'the record is not an object' }] })
  })

  it('puts a bad product on the failed list and still imports the rest', async () => {
    const t = station(false)
    const summary = await importText(
      t,
      'p.json',
      JSON.stringify({
        products: [{ sku: 'X', name: 'X', serialized: true, condition: 'used', serial_kind: 'imei', tacs: ['123'] }, PRODUCTS.phoneA],
        orders: [orderRecord(1)]
      })
    )
    expect(summary).toMatchObject({ productsUpserted: 1, imported: 1, failed: 1 })
    expect(summary.failures[0].reason).toMatch(/^product: .*TAC is 8 digits/)
    expect(count(t.sqlite, 'products', 'sku = ?', 'X')).toBe(0)
  })
})

describe('a corrupt file is refused whole', () => {
  const corrupt: [string, string, string, RegExp][] = [
    ['bad JSON', 'orders.json', '[{"oms_order_id": "OMS-1",', /not valid JSON/],
    ['JSON that is not a list', 'orders.json', '{"hello": 1}', /must hold a list of orders/],
    ['JSON with products not a list', 'orders.json', '{"orders": [], "products": 3}', /must hold a list of orders/],
    ['CSV with a wrong header', 'orders.csv', 'order,sku,qty\nOMS-1,PHONE-A,1\n', /no oms_order_id column/],
    ['CSV without a header', 'orders.csv', 'OMS-1,SO-1,Amazon\nOMS-2,SO-2,Amazon\n', /no oms_order_id column/],
    ['CSV with a ragged row', 'orders.csv', 'oms_order_id,order_number\nOMS-1,SO-1,extra\n', /cannot be read/],
    ['CSV with an unclosed quote', 'orders.csv', 'oms_order_id,order_number\n"OMS-1,SO-1\n', /cannot be read/],
    ['a file that is neither', 'orders.xlsx', 'PK\u0003\u0004garbage', /not a JSON or CSV/]
  ]

  it.each(corrupt)('%s', async (_name, fileName, content, message) => {
    const t = station()
    importRecords(t, [orderRecord(1)])
    const before = snapshot(t.sqlite)
    const error = await rejection(importText(t, fileName, content))
    expect(error.code).toBe('bad_file')
    expect(error.message).toMatch(message)
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it.each([
    ['no bytes at all', 'orders.json', ''],
    ['only white space', 'orders.csv', '  \r\n\n'],
    ['only a byte-order mark', 'orders.json', '\uFEFF']
  ])('refuses a file with %s as empty, and changes nothing', async (_name, fileName, content) => {
    const t = station()
    importRecords(t, [orderRecord(1)])
    const before = snapshot(t.sqlite)
    const error = await rejection(importText(t, fileName, content))
    expect(error).toMatchObject({ code: 'empty_file', message: 'The file is empty: nothing was imported.' })
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it('imports nothing from a CSV file that has only its header', async () => {
    const t = station()
    expect(await importText(t, 'x.csv', toCsv([]))).toEqual({ imported: 0, unchanged: 0, failed: 0, productsUpserted: 0, failures: [] })
  })
})

describe('nothing half-imported', () => {
  it('an order with a bad second line stores neither the order nor any line', async () => {
    const t = station()
    const before = snapshot(t.sqlite)
    for (const second of [
      { sku: 'NOPE-2', quantity: 1 },
      { sku: 'PHONE-B', quantity: 0 }
    ]) {
      const summary = importRecords(t, [orderRecord(1, [{ sku: 'PHONE-A', quantity: 1 }, second])], [])
      expect(summary.failed).toBe(1)
      expect(count(t.sqlite, 'orders')).toBe(0)
      expect(count(t.sqlite, 'order_lines')).toBe(0)
      expect(count(t.sqlite, 'events', "type = 'order.imported'")).toBe(0)
    }
    const after = snapshot(t.sqlite)
    expect({ ...after, failed_imports: [], sqlite_sequence: [] }).toEqual({ ...before, failed_imports: [], sqlite_sequence: [] })
  })

  it('a database refusal on the second line leaves no trace of that order; the others in its batch are stored', async () => {
    const t = station()
    t.sqlite.exec(
      `CREATE TEMP TRIGGER fail_second_line BEFORE INSERT ON order_lines WHEN NEW.line_id = 'L2' BEGIN SELECT RAISE(ABORT, 'disk says no'); END`
    )
    const before = snapshot(t.sqlite)
    const twoLines = orderRecord(2, [
      { sku: 'PHONE-A', quantity: 1 },
      { sku: 'PHONE-B', quantity: 1 }
    ])
    const summary = importRecords(t, [orderRecord(1), twoLines, orderRecord(3)], [])
    expect(summary).toMatchObject({
      imported: 2,
      failed: 1,
      failures: [{ omsOrderId: 'OMS-2', reason: 'the database refused the order: disk says no' }]
    })
    expect(t.sqlite.prepare('select oms_order_id from orders order by id').pluck().all()).toEqual(['OMS-1', 'OMS-3'])
    expect(count(t.sqlite, 'order_lines')).toBe(2)
    expect(count(t.sqlite, 'events', 'entity_id = ?', 'OMS-2')).toBe(0)
    expect(listFailedImports(t.db).failed).toMatchObject([{ omsOrderId: 'OMS-2', reason: expect.stringContaining('disk says no') }])
    expect(Object.keys(snapshot(t.sqlite))).toEqual(Object.keys(before))
  })
})

describe('retrying a failed import', () => {
  it('succeeds after the missing product was added, and resolves the failure', async () => {
    const t = station(false)
    const summary = importRecords(
      t,
      [
        orderRecord(1, [
          { sku: 'PHONE-A', quantity: 1 },
          { sku: 'TABLET-S', quantity: 1 }
        ])
      ],
      [PRODUCTS.phoneA]
    )
    expect(summary.failures).toEqual([{ omsOrderId: 'OMS-1', reason: expect.stringContaining('unknown SKU TABLET-S') }])
    const [failed] = listFailedImports(t.db).failed

    // Retrying before the cause is fixed fails again and counts the attempt.
    t.time.advance(1000)
    expect(retryFailedImport(t.ctx, failed.id)).toMatchObject({ imported: 0, failed: 1 })
    expect(listFailedImports(t.db).failed[0]).toMatchObject({ id: failed.id, attempts: 2 })

    importRawFile(t.ctx, { products: [PRODUCTS.tablet], orders: [] }, 'products.json')
    t.time.advance(1000)
    expect(retryFailedImport(t.ctx, failed.id)).toEqual({ imported: 1, unchanged: 0, failed: 0, productsUpserted: 0, failures: [] })
    expect(listFailedImports(t.db).failed).toEqual([])
    const row = t.sqlite.prepare('select resolved_at from failed_imports where id = ?').get(failed.id) as { resolved_at: string }
    expect(row.resolved_at).toBe(t.clock().toISOString())
    expect(getOrderDetail(t.db, orderIdOf(t, 'OMS-1')).lines.map((l) => l.sku)).toEqual(['PHONE-A', 'TABLET-S'])

    const again = catchError(() => retryFailedImport(t.ctx, failed.id))
    expect(again.code).toBe('already_resolved')
    expect(catchError(() => retryFailedImport(t.ctx, 9999)).code).toBe('not_found')
  })

  it('resolves the failure when a corrected record arrives in a later file', async () => {
    const t = station()
    importRecords(t, [orderRecord(1, [{ sku: 'PHONE-A', quantity: 0 }])], [])
    expect(listFailedImports(t.db).failed).toHaveLength(1)
    importRecords(t, [orderRecord(1, [{ sku: 'PHONE-A', quantity: 1 }])], [])
    expect(listFailedImports(t.db).failed).toEqual([])
    expect(count(t.sqlite, 'orders')).toBe(1)
  })
})

describe('the status an imported order starts in', () => {
  it('bulk orders need a fulfilment type; with one they import', async () => {
    const t = station()
    const summary = importRecords(
      t,
      [
        orderRecord(1, [{ sku: 'PHONE-A', quantity: 40 }], { order_type: 'bulk' }),
        orderRecord(2, [{ sku: 'PHONE-A', quantity: 40 }], { order_type: 'bulk', fulfilment_type: null }),
        orderRecord(3, [{ sku: 'PHONE-A', quantity: 40 }], { order_type: 'bulk', fulfilment_type: 'block_complete' })
      ],
      []
    )
    expect(summary.imported).toBe(1)
    expect(summary.failures.map((f) => f.omsOrderId)).toEqual(['OMS-1', 'OMS-2'])
    for (const f of summary.failures) expect(f.reason).toMatch(/bulk order needs fulfilment_type partial or block_complete/)
    expect(getOrderDetail(t.db, orderIdOf(t, 'OMS-3'))).toMatchObject({
      orderType: 'bulk',
      fulfilmentType: 'block_complete',
      status: 'ready'
    })
  })

  it('a future dispatch_after puts the order on hold; a past one does not', async () => {
    const t = station()
    importRecords(
      t,
      [
        orderRecord(1, undefined, { dispatch_after: '2026-11-22T06:00:00Z' }),
        orderRecord(2, undefined, { dispatch_after: '2026-11-21T08:59:59Z' }),
        orderRecord(3, undefined, { dispatch_after: null })
      ],
      []
    )
    const one = getOrderDetail(t.db, orderIdOf(t, 'OMS-1'))
    expect(one.status).toBe('on_hold')
    expect(one.dispatchAfter).toBe('2026-11-22T06:00:00.000Z')
    const event = t.sqlite.prepare("select to_status, reason from events where order_id = ? and type = 'order.imported'").get(one.id)
    expect(event).toEqual({ to_status: 'on_hold', reason: 'dispatch after 2026-11-22T06:00:00.000Z' })
    expect(getOrderDetail(t.db, orderIdOf(t, 'OMS-2')).status).toBe('ready')
    expect(getOrderDetail(t.db, orderIdOf(t, 'OMS-3'))).toMatchObject({ status: 'ready', dispatchAfter: null })
  })

  it('an empty dispatch_after in a JSON file means no dispatch time (SPEC §1: may be empty)', async () => {
    const t = station()
    const summary = importRecords(t, [orderRecord(1, undefined, { dispatch_after: '' })], [])
    expect(summary.failures).toEqual([])
    expect(getOrderDetail(t.db, orderIdOf(t, 'OMS-1'))).toMatchObject({ status: 'ready', dispatchAfter: null })
  })

  it.each([
    ['cancelled', 'cancelled'],
    ['Canceled', 'cancelled'],
    ['held', 'on_hold'],
    ['awaiting_payment', 'on_hold'],
    ['allocated', 'ready']
  ])('oms_status %s -> %s', async (omsStatus, status) => {
    const t = station()
    importRecords(t, [orderRecord(1, undefined, { oms_status: omsStatus })], [])
    expect(getOrderDetail(t.db, orderIdOf(t, 'OMS-1'))).toMatchObject({ status, omsStatus })
  })
})
