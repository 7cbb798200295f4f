// The failed-imports list a page at a time (issue 10: lists that don't grow
// with history): a file with a systematic fault leaves thousands of open
// entries, and the Import and Sync screens read them by key, newest tried
// first, with the count of all that are open.
import { afterEach, describe, expect, it } from 'vitest'
import { listFailedImports } from '../../src/main/core/orders/failedImports'
import { retryFailedImport } from '../../src/main/core/orders/importOrders'
import { allProducts, cleanup, importRecords, openTestStation, orderRecord } from '../core/helpers'

afterEach(cleanup)

/** A station where `n` orders failed to import (an unknown SKU), one import per order so each has its own time. */
function stationWithFailures(n: number) {
  const t = openTestStation()
  importRecords(t, [], allProducts())
  for (let i = 1; i <= n; i++) {
    importRecords(t, [orderRecord(i, [{ sku: `NO-SUCH-${i}`, quantity: 1 }])])
    t.time.advance(1_000)
  }
  return t
}

describe('the failed imports, a page at a time', () => {
  it('reads every open entry once, newest tried first, across pages by key', () => {
    const t = stationWithFailures(7)
    const seen: string[] = []
    let page = listFailedImports(t.db, { limit: 3 })
    const sizes = [page.failed.length]
    seen.push(...page.failed.map((f) => f.omsOrderId!))
    while (page.nextCursor) {
      page = listFailedImports(t.db, { limit: 3, cursor: page.nextCursor })
      sizes.push(page.failed.length)
      seen.push(...page.failed.map((f) => f.omsOrderId!))
      expect(page.open).toBe(7)
    }
    expect(sizes).toEqual([3, 3, 1])
    expect(seen).toEqual(['OMS-7', 'OMS-6', 'OMS-5', 'OMS-4', 'OMS-3', 'OMS-2', 'OMS-1'])
  })

  it('counts only what is still open: an entry retried into an order leaves the list and the count', () => {
    const t = stationWithFailures(3)
    const first = listFailedImports(t.db)
    expect(first).toMatchObject({ open: 3, nextCursor: null })
    // The cause fixed: the order is imported again with a known SKU, which settles its entry.
    importRecords(t, [orderRecord(2)])
    const after = listFailedImports(t.db)
    expect(after.open).toBe(2)
    expect(after.failed.map((f) => f.omsOrderId)).toEqual(['OMS-3', 'OMS-1'])
  })

  it('keeps ties on the same time apart by id, so a page boundary between them loses nothing', () => {
    const t = openTestStation()
    importRecords(t, [], allProducts())
    // One file, one time: every entry has the same last-tried time.
    importRecords(
      t,
      [1, 2, 3, 4, 5].map((i) => orderRecord(i, [{ sku: `NO-SUCH-${i}`, quantity: 1 }]))
    )
    const one = listFailedImports(t.db, { limit: 2 })
    const two = listFailedImports(t.db, { limit: 2, cursor: one.nextCursor! })
    const three = listFailedImports(t.db, { limit: 2, cursor: two.nextCursor! })
    const ids = [...one.failed, ...two.failed, ...three.failed].map((f) => f.id)
    expect(new Set(ids).size).toBe(5)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect(three.nextCursor).toBeNull()
  })

  it('a retry that still fails moves the entry to the front (newest tried)', () => {
    const t = stationWithFailures(3)
    const oldest = listFailedImports(t.db).failed.at(-1)!
    expect(oldest.omsOrderId).toBe('OMS-1')
    t.time.advance(1_000)
    expect(retryFailedImport(t.ctx, oldest.id)).toMatchObject({ failed: 1 })
    expect(listFailedImports(t.db).failed.map((f) => f.omsOrderId)).toEqual(['OMS-1', 'OMS-3', 'OMS-2'])
  })
})
