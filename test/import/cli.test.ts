// `npm run station -- import FILE` at warehouse scale: a 100,000-order file
// through the real command line, in a child process whose JavaScript heap is
// capped at 128 MB and whose peak memory is measured. Reading the file whole
// would hold it as one string (as large as the file) plus every parsed order:
// past the cap, and growing with the file. Streaming holds one batch at a
// time, so the peak for 100,000 orders is that for 20,000 orders, give or take
// a fraction of the difference in file size.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createWriteStream, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../src/main/station'
import { allProducts, cleanup, makeDataDir, orderRecord } from '../core/helpers'

afterEach(cleanup)

const root = fileURLToPath(new URL('../..', import.meta.url))
const ORDERS = 100_000
const HEAP_CAP_MB = 128

type Run = { code: number | null; stdout: string; stderr: string; peakRssBytes: number }

/** Runs the command line as `npm run station` does (tsx), with the peak-memory report preloaded. */
async function station(...args: string[]): Promise<Run> {
  const child = spawn(
    join(root, 'node_modules', '.bin', 'tsx'),
    ['--import', join(root, 'test', 'import', 'peakRss.mjs'), join(root, 'src', 'main', 'cli.ts'), ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` } }
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const [code] = (await once(child, 'close')) as [number | null]
  const peak = /PEAK_RSS_KB=(\d+)/.exec(stderr)
  if (!peak) throw new Error(`no memory report from the command line (exit ${code}): ${stderr}`)
  return { code, stdout, stderr, peakRssBytes: Number(peak[1]) * 1024 }
}

/** A JSON order file of `count` orders (1–3 lines each), written as it is generated. */
async function writeOrders(path: string, count: number): Promise<void> {
  const out = createWriteStream(path)
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write(`{"products": ${JSON.stringify(allProducts())},\n"orders": [\n`)
  const skus = ['PHONE-A', 'PHONE-B', 'CABLE-1M']
  for (let n = 1; n <= count; n++) {
    const lines = Array.from({ length: 1 + (n % 3) }, (_, i) => ({ sku: skus[(n + i) % 3], quantity: 1 + ((n + i) % 4) }))
    await write(
      (n > 1 ? ',\n' : '') + JSON.stringify(orderRecord(n, lines, { channel_order_id: `404-${String(n).padStart(7, '0')}-7483840` }))
    )
  }
  await write('\n]}\n')
  out.end()
  await once(out, 'finish')
}

describe('the command line imports a 100,000-order file', () => {
  it('streaming: every order stored, a progress line, and memory flat in the file size', { timeout: 300_000 }, async () => {
    const dir = makeDataDir()
    const smaller = join(dir, 'smaller.json')
    await writeOrders(smaller, ORDERS / 5)
    const reference = await station('import', smaller, '--data-dir', join(dir, 'reference'))
    expect(reference.code).toBe(0)

    const big = join(dir, 'orders.json')
    await writeOrders(big, ORDERS)
    const run = await station('import', big, '--data-dir', join(dir, 'station'))
    expect(run.stderr).not.toMatch(/Error/)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`${ORDERS} imported, 0 already here, 0 failed, 4 products updated`)
    const progress = run.stderr.split('\n').filter((line) => line.startsWith(`${big}: `))
    expect(progress.at(-1)).toBe(`${big}: ${ORDERS.toLocaleString('en')} orders, 100% read, 0 failed`)

    const db = new Database(join(dir, 'station', DATABASE_FILE), { readonly: true })
    try {
      expect(db.prepare('select count(*) from orders').pluck().get()).toBe(ORDERS)
      expect(db.prepare('select count(*) from order_lines').pluck().get()).toBe(ORDERS * 2)
    } finally {
      db.close()
    }

    // Reading the files whole, the larger would need the size difference more memory for its text alone, and its
    // parsed orders several times that (and the cap would not hold it). Streaming, what grows with the file is
    // SQLite's page cache over the bigger database (up to 30 MB measured here, on a 47 MB difference), so the bound
    // is the text alone: a whole-file read goes over it, a streaming one stays under it even on a busy machine.
    const more = statSync(big).size - statSync(smaller).size
    expect(more).toBeGreaterThan(40_000_000)
    expect(statSync(big).size).toBeGreaterThan(HEAP_CAP_MB * 1024 * 1024 * 0.4)
    expect(run.peakRssBytes - reference.peakRssBytes).toBeLessThan(more)
  })

  it('refuses an empty file with a clear message, and changes nothing', { timeout: 60_000 }, async () => {
    const dir = makeDataDir()
    const empty = join(dir, 'empty.csv')
    writeFileSync(empty, '')
    const run = await station('import', empty, '--data-dir', join(dir, 'station'))
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('The file is empty: nothing was imported.')
    const db = new Database(join(dir, 'station', DATABASE_FILE), { readonly: true })
    try {
      expect(db.prepare('select count(*) from orders').pluck().get()).toBe(0)
      expect(db.prepare('select count(*) from failed_imports').pluck().get()).toBe(0)
    } finally {
      db.close()
    }
  })
})
