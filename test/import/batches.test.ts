// Files are stored in batches of about 1,000 orders per transaction while they
// stream in; each order stays all-or-nothing inside its batch.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { importOrderFile, type Progress } from '../../src/main/core/orders/import/importFile'
import { listFailedImports } from '../../src/main/core/orders/failedImports'
import { BATCH_SIZE } from '../../src/main/core/orders/import/readBatches'
import { contentHash, OrderRecord } from '../../src/main/core/orders/orderRecord'
import { DATABASE_FILE } from '../../src/main/station'
import { allProducts, cleanup, count, importRecords, makeDataDir, openTestStation, orderRecord, type TestStation } from '../core/helpers'

afterEach(cleanup)

function station(): TestStation {
  const t = openTestStation()
  importRecords(t, [], allProducts())
  return t
}

/** Writes `text` as a file in a temp folder and returns its path. */
function file(name: string, text: string): string {
  const path = join(makeDataDir(), name)
  writeFileSync(path, text)
  return path
}

const jsonOrders = (orders: Record<string, unknown>[]) => `[\n${orders.map((o) => JSON.stringify(o)).join(',\n')}\n]\n`
const manyOrders = (n: number) => Array.from({ length: n }, (_, i) => orderRecord(i + 1))
const storedIds = (t: TestStation) => t.sqlite.prepare('select oms_order_id from orders order by id').pluck().all() as string[]

describe('a bad order inside a batch', () => {
  it('fails alone: its neighbours in the same batch are stored, and it goes to failed imports', async () => {
    const t = station()
    const records = manyOrders(2500)
    records[9] = orderRecord(10, [{ sku: 'PHONE-A', quantity: 0 }])
    records[1999] = orderRecord(2000, [{ sku: 'NOPE-1', quantity: 1 }])
    // The database itself refuses order 1234 (a trigger stands in for any constraint).
    t.sqlite.exec(
      `CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON order_lines WHEN NEW.order_id = (SELECT id FROM orders WHERE oms_order_id = 'OMS-1234')
       BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`
    )
    const summary = await importOrderFile(t.ctx, file('orders.json', jsonOrders(records)))
    expect(summary).toMatchObject({ imported: 2497, unchanged: 0, failed: 3 })
    expect(summary.failures).toEqual([
      { omsOrderId: 'OMS-10', reason: expect.stringContaining('quantity must be positive') },
      { omsOrderId: 'OMS-1234', reason: 'the database refused the order: refused for the test' },
      { omsOrderId: 'OMS-2000', reason: expect.stringContaining('unknown SKU NOPE-1') }
    ])
    const ids = storedIds(t)
    expect(ids).toHaveLength(2497)
    expect(ids).toContain('OMS-1233')
    expect(ids).toContain('OMS-1235')
    expect(ids).not.toContain('OMS-1234')
    expect(count(t.sqlite, 'order_lines')).toBe(2497)
    expect(count(t.sqlite, 'events', "type = 'order.imported'")).toBe(2497)
    expect(count(t.sqlite, 'events', 'entity_id = ?', 'OMS-1234')).toBe(0)
    expect(
      listFailedImports(t.db)
        .failed.map((f) => f.omsOrderId)
        .sort()
    ).toEqual(['OMS-10', 'OMS-1234', 'OMS-2000'])
  })

  it('counts the same file imported again as unchanged, and settles failures that were fixed', async () => {
    const t = station()
    const records = manyOrders(1200)
    records[500] = orderRecord(501, [{ sku: 'PHONE-A', quantity: 0 }])
    expect(await importOrderFile(t.ctx, file('a.json', jsonOrders(records)))).toMatchObject({ imported: 1199, failed: 1 })
    records[500] = orderRecord(501)
    expect(await importOrderFile(t.ctx, file('b.json', jsonOrders(records)))).toEqual({
      imported: 1,
      unchanged: 1199,
      failed: 0,
      productsUpserted: 0,
      failures: []
    })
    expect(listFailedImports(t.db).failed).toEqual([])
  })

  it('names a repeat of an order inside one file, e.g. the rows of a CSV order apart', async () => {
    const t = station()
    const header =
      'oms_order_id,order_number,channel,order_type,carrier,service,created_at,ship_to_name,ship_to_street1,ship_to_city,ship_to_postal_code,ship_to_country,line_id,sku,product_name,quantity,serialized,condition'
    const row = (n: number, line: string, sku: string) =>
      `OMS-${n},SO-${n},Amazon,normal,DHL,Parcel,2026-11-20T08:15:00Z,Jonas,Lindenstr. 1,Berlin,10969,DE,${line},${sku},Phone,1,yes,used`
    const csv = [header, row(1, 'L1', 'PHONE-A'), row(2, 'L1', 'PHONE-A'), row(1, 'L2', 'PHONE-B')].join('\n')
    const summary = await importOrderFile(t.ctx, file('split.csv', csv))
    expect(summary).toMatchObject({ imported: 2, failed: 1 })
    expect(summary.failures[0].reason).toMatch(/^order id OMS-1 appears twice in this file .* rows of an order must be next to each other/)
  })
})

describe('batches commit as the file streams in', () => {
  it('has each batch of 1,000 orders committed before the next is read, and reports progress after each', async () => {
    const t = station()
    const path = file('orders.json', jsonOrders(manyOrders(2500)))
    const reader = new Database(join(t.dataDir, DATABASE_FILE), { readonly: true })
    const seen: { progress: Progress; committed: number }[] = []
    try {
      await importOrderFile(t.ctx, path, {
        progressEveryMs: 0,
        onProgress: (progress) => seen.push({ progress, committed: count(reader, 'orders') })
      })
    } finally {
      reader.close()
    }
    expect(BATCH_SIZE).toBe(1000)
    expect(seen.map((s) => [s.progress.ordersDone, s.committed, s.progress.finished])).toEqual([
      [1000, 1000, false],
      [2000, 2000, false],
      [2500, 2500, true]
    ])
    const size = Buffer.byteLength(jsonOrders(manyOrders(2500)))
    expect(seen.at(-1)!.progress).toEqual({ bytesDone: size, bytesTotal: size, ordersDone: 2500, failed: 0, finished: true })
    for (let i = 1; i < seen.length; i++) expect(seen[i].progress.bytesDone).toBeGreaterThanOrEqual(seen[i - 1].progress.bytesDone)
  })

  it.each([
    [
      'JSON',
      'orders.json',
      `${jsonOrders(manyOrders(1500)).trimEnd().slice(0, -1)},\n{"oms_order_id": "OMS-X", oops}]`,
      /^The file is not valid JSON/
    ],
    [
      'CSV',
      'orders.csv',
      `oms_order_id,order_number,line_id\n${Array.from({ length: 1500 }, (_, i) => `OMS-${i + 1},SO-${i + 1},L1`).join('\n')}\nOMS-X,SO-X,L1,extra\n`,
      /^The CSV file cannot be read/
    ]
  ])('stops at the point where a %s file breaks, keeping the batches before it and saying so', async (_kind, name, text, problem) => {
    const t = station()
    const error = await importOrderFile(t.ctx, file(name, text)).then(
      () => null,
      (e: { code: string; message: string }) => e
    )
    expect(error?.code).toBe('bad_file')
    expect(error?.message).toMatch(problem)
    expect(error?.message).toMatch(/The import stopped there: 1000 orders before that point were read/)
    expect(error?.message).toMatch(/import it again: the orders already here count as unchanged/)
    expect(count(t.sqlite, 'orders') + count(t.sqlite, 'failed_imports')).toBe(1000)
  })
})

describe('the content hash', () => {
  it('is the one stored by earlier versions, so their orders still count as unchanged', () => {
    // Computed with the first implementation (sorted-key JSON, sha256) and stored in stations since.
    const record = OrderRecord.parse({ ...orderRecord(1), ship_to: { ...(orderRecord(1).ship_to as object), company: ' ' } })
    expect(contentHash(record)).toBe(contentHash(OrderRecord.parse(orderRecord(1))))
    expect(contentHash(OrderRecord.parse(orderRecord(1)))).toBe('137a88ba3157948254629395017f6410401372742ee4fe46c8afc83d31a043a1')
  })
})
