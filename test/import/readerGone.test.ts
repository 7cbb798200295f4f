// When the reader's thread cannot start (its file missing from a build, say)
// or fails before the hand-over, the storing thread reads the whole file
// itself (src/main/core/orders/import/importFile.ts): every order is stored,
// nothing is handed over, and the import does not wait for the thread.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { importOrderFile } from '../../src/main/core/orders/import/importFile'
import { allProducts, cleanup, count, importRecords, makeDataDir, openTestStation, orderRecord } from '../core/helpers'

const worker = vi.hoisted(() => ({ code: '' }))
vi.mock('../../src/main/core/workers/startWorker', () => ({
  startWorker: () => {
    if (!worker.code) throw new Error('no such file: importWorker.js')
    return new Worker(worker.code, { eval: true })
  }
}))

afterEach(cleanup)

const ORDERS = 3_000

describe('a reader thread that is not there', () => {
  it.each([
    ['cannot be created', ''],
    ['fails as it loads', 'throw new Error("a module is missing")']
  ])('that %s leaves the whole file to the storing thread', async (_name, code) => {
    worker.code = code
    const t = openTestStation()
    importRecords(t, [], allProducts())
    const path = join(makeDataDir(), 'orders.json')
    writeFileSync(path, JSON.stringify(Array.from({ length: ORDERS }, (_, i) => orderRecord(i + 1))))
    const handedOver: number[] = []
    const summary = await importOrderFile(t.ctx, path, { onHandOver: (n) => handedOver.push(n) })
    expect(handedOver).toEqual([])
    expect(summary).toMatchObject({ imported: ORDERS, failed: 0 })
    expect(count(t.sqlite, 'orders')).toBe(ORDERS)
  })
})
