// A failed order of a JSON file is kept on the failed-imports list as it came
// (src/main/core/orders/import/checkOrder.ts takes the record's own text from
// the file rather than writing the record out again): the list must hold the
// very record JSON.parse reads from the file, whatever its spacing, escapes or
// odd members, and a retry must store it once its cause is fixed.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importOrderFile } from '../../src/main/core/orders/import/importFile'
import { importRawFile, retryFailedImport } from '../../src/main/core/orders/importOrders'
import { allProducts, cleanup, importRecords, makeDataDir, openTestStation, orderRecord } from '../core/helpers'

afterEach(cleanup)

/** Refused by its checks, written out with spacing, escapes, a member twice and members the station does not know. */
const BAD_QUANTITY = `{
    "oms_order_id" : "OMS-BAD-1",   "order_number": "SO-\\u00e9\\"1\\"",
    "order_number": "SO-BAD-1", "channel": "Amazon", "order_type": "normal",
    "ship_to": { "name": "Jonas M\\u00fcller", "street1": "Lindenstra\u00dfe 12", "city": "Berlin", "postal_code": "10969", "country": "DE" },
    "carrier": "DHL", "service": "Parcel", "priority": -0, "big": 1e400, "created_at": "2026-11-20T08:15:00Z",
    "lines": [ { "line_id": "L1", "sku": "PHONE-A", "product_name": "Phone", "quantity": 0, "serialized": true, "condition": "used" } ],
    "gift_wrap": { "paper": [1, 2.50, "tab\\there"] }
  }`

/** Checked on the reader's side, refused on the storing side: its SKU is not known yet. */
const UNKNOWN_SKU = JSON.stringify(orderRecord(2, [{ sku: 'LATER-1', quantity: 1 }]), null, 3)

describe('a failed order of a JSON file', () => {
  it('is kept as JSON.parse reads it from the file, and a retry stores it once its cause is fixed', async () => {
    const t = openTestStation()
    importRecords(t, [], allProducts())
    // Enough orders before them that the file spans several chunks and batches.
    const filler = Array.from({ length: 1500 }, (_, i) => JSON.stringify(orderRecord(100 + i)))
    const path = join(makeDataDir(), 'orders.json')
    writeFileSync(path, `[${[...filler.slice(0, 1100), BAD_QUANTITY, ...filler.slice(1100), UNKNOWN_SKU].join(',\n  ')}]`)

    const summary = await importOrderFile(t.ctx, path)
    expect(summary).toMatchObject({ imported: 1500, failed: 2 })

    const kept = t.sqlite.prepare('select id, oms_order_id, payload from failed_imports order by id').all() as {
      id: number
      oms_order_id: string
      payload: string
    }[]
    expect(kept.map((r) => r.oms_order_id)).toEqual(['OMS-BAD-1', 'OMS-2'])
    // What the list held before: the record as parsed, written out by JSON.stringify.
    expect(kept[0].payload).toBe(JSON.stringify({ kind: 'order', record: JSON.parse(BAD_QUANTITY) }))
    expect(kept[1].payload).toBe(JSON.stringify({ kind: 'order', record: JSON.parse(UNKNOWN_SKU) }))
    expect(JSON.parse(kept[0].payload).record).toMatchObject({ order_number: 'SO-BAD-1', priority: 0, big: null })

    expect(retryFailedImport(t.ctx, kept[1].id)).toMatchObject({ imported: 0, failed: 1 })
    importRawFile(
      t.ctx,
      { products: [{ sku: 'LATER-1', name: 'Later', serialized: false, condition: 'new', serial_kind: 'none' }], orders: [] },
      'products'
    )
    expect(retryFailedImport(t.ctx, kept[1].id)).toMatchObject({ imported: 1, failed: 0 })
    expect(t.sqlite.prepare("select count(*) from orders where oms_order_id = 'OMS-2'").pluck().get()).toBe(1)
  })
})
