// The export CSV (packed-units-*.csv) as a consumer reads it: its columns by
// name, with the order number, one row per unit of each confirmed box, and a
// cell a spreadsheet would run as a formula written as text. The README lists
// the same columns.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { createOperator } from '../../src/main/core/operators/operators'
import { getSetting } from '../../src/main/core/settings/settings'
import { CSV_COLUMNS, exportEvents } from '../../src/main/core/sync/fileExport'
import {
  allProducts,
  cleanup,
  createOperators,
  imei,
  importRecords,
  makeDataDir,
  openTestStation,
  orderIdOf,
  orderRecord,
  TAC_A
} from '../core/helpers'

afterEach(cleanup)

const A = (n: number) => imei(`${TAC_A}${String(n).padStart(6, '0')}`)

describe('the export CSV', () => {
  it('has the documented columns, the order number, and no cell a spreadsheet would run', async () => {
    const t = openTestStation()
    const { lead } = createOperators(t)
    createOperator(t.db, t.clock, { name: '=HYPERLINK("http://x","y")', badgeCode: 'OP-6666', role: 'operator' }, lead)
    importRecords(t, [orderRecord(1, [{ sku: 'PHONE-A', quantity: 2 }])], allProducts())
    await t.handlers['operators:signIn']({ badgeCode: 'OP-6666' } as never)
    const orderId = orderIdOf(t, 'OMS-1')
    for (const n of [1, 2]) await t.handlers['scanning:scan']({ orderId, input: A(n), entryMethod: 'scanned' } as never)
    await t.handlers['packing:save']({ orderId })
    await t.handlers['packing:save']({ orderId })

    const folder = join(makeDataDir(), 'export')
    exportEvents(t.db, t.clock, getSetting(t.db, 'stationId'), folder)
    const csv = readdirSync(folder).filter((name) => name.startsWith('packed-units-'))
    expect(csv).toHaveLength(1)
    const text = readFileSync(join(folder, csv[0]!), 'utf8')
    const rows = parse(text, { columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS])
    expect(rows.map((r) => [r.oms_order_id, r.order_number, r.box_number, r.serial, r.entry_method])).toEqual([
      ['OMS-1', 'SO-1', '1', A(1), 'scanned'],
      ['OMS-1', 'SO-1', '1', A(2), 'scanned']
    ])
    // The operator's name starts with "=": written with a leading apostrophe (and quoted, for its quotes and comma).
    expect(rows[0]!.operator).toBe(`'=HYPERLINK("http://x","y")`)
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`)
  })
})
