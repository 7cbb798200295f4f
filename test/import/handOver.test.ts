// The import reads on the storing thread until the reader's thread has started
// (src/main/core/orders/import/importFile.ts), then hands over at a batch
// boundary: every record is taken once, by one thread or the other, batches
// stay 1,000 orders, and failures on either side of the hand-over are kept.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importOrderFile } from '../../src/main/core/orders/import/importFile'
import { BATCH_SIZE } from '../../src/main/core/orders/import/readBatches'
import { allProducts, cleanup, count, importRecords, makeDataDir, openTestStation, orderRecord } from '../core/helpers'

afterEach(cleanup)

/** Enough orders that the storing thread is still busy when the reader's thread is ready (it starts in about a second). */
const ORDERS = 30_000

const header =
  'oms_order_id,order_number,channel,order_type,carrier,service,created_at,ship_to_name,ship_to_street1,ship_to_city,ship_to_postal_code,ship_to_country,line_id,sku,product_name,quantity,serialized,condition'
const csvRow = (n: number, quantity: number) =>
  `OMS-${n},SO-${n},Amazon,normal,DHL,Parcel,2026-11-20T08:15:00Z,Jonas,Lindenstr. 1,Berlin,10969,DE,L1,PHONE-A,Phone,${quantity},yes,used`

const files = {
  'JSON with a product first': (bad: Set<number>) =>
    JSON.stringify({
      products: [allProducts()[0]],
      orders: Array.from({ length: ORDERS }, (_, i) => orderRecord(i + 1, [{ sku: 'PHONE-A', quantity: bad.has(i + 1) ? 0 : 1 }]))
    }),
  CSV: (bad: Set<number>) => [header, ...Array.from({ length: ORDERS }, (_, i) => csvRow(i + 1, bad.has(i + 1) ? 0 : 1))].join('\n')
}

describe('the hand-over to the reader thread', () => {
  it.each(Object.entries(files))('takes every record of a %s file once, in batches of 1,000', async (name, text) => {
    const t = openTestStation()
    importRecords(t, [], allProducts())
    const products = name === 'CSV' ? 0 : 1
    // One bad order early (read here) and one late (read by the reader's thread).
    const path = join(makeDataDir(), name === 'CSV' ? 'orders.csv' : 'orders.json')
    writeFileSync(path, text(new Set([10, ORDERS - 10])))
    const handedOver: number[] = []
    const done: number[] = []
    const summary = await importOrderFile(t.ctx, path, {
      progressEveryMs: 0,
      onHandOver: (records) => handedOver.push(records),
      onProgress: (p) => done.push(p.ordersDone)
    })

    expect(handedOver).toHaveLength(1)
    const ordersBefore = handedOver[0] - products
    expect(ordersBefore % BATCH_SIZE).toBe(0)
    expect(ordersBefore).toBeGreaterThan(0)
    expect(ordersBefore).toBeLessThan(ORDERS - 10)
    expect(summary).toMatchObject({ imported: ORDERS - 2, unchanged: 0, failed: 2, productsUpserted: products })
    expect(summary.failures.map((f) => f.omsOrderId)).toEqual(['OMS-10', `OMS-${ORDERS - 10}`])
    expect(count(t.sqlite, 'orders')).toBe(ORDERS - 2)
    expect(count(t.sqlite, 'failed_imports')).toBe(2)
    expect(t.sqlite.prepare('select count(distinct oms_order_id) from orders').pluck().get()).toBe(ORDERS - 2)
    // Progress after the product, after each batch of 1,000 on both sides (the last one too: it is full), and at the end.
    expect(done).toEqual([...(products ? [0] : []), ...Array.from({ length: ORDERS / BATCH_SIZE }, (_, i) => (i + 1) * BATCH_SIZE), ORDERS])
  })
})
