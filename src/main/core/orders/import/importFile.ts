// Imports an order file from its path as it reads it: a second thread reads
// and checks the orders (./parseWorker.ts) while this one stores them, batch
// by batch, so memory stays flat whatever the file's size, and progress is
// reported after each batch. The Import screen (through an upload,
// ./uploads.ts), the command line and the benchmark all come through here.
import { on } from 'node:events'
import { createReadStream, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Worker } from 'node:worker_threads'
import type { ImportSummary } from '../../../../shared/orders'
import { refusal, type StationError } from '../../errors'
import { startWorker } from '../../workers/startWorker'
import { log } from '../../log/logger'
import { startImport, type ImportContext } from '../importOrders'
import { EMPTY_FILE, FileProblem } from './fileProblem'
import { fromRow } from './orderRows'
import { readCheckedBatches } from './readBatches'
import type { FromReader, ReaderJob } from './readerMessages'

/** How far an import is. `ordersDone` counts orders imported, already here or failed. */
export type Progress = { bytesDone: number; bytesTotal: number; ordersDone: number; failed: number; finished: boolean }

export type ImportOptions = {
  /** The name the failed-imports list shows as the source; the file's own name by default. */
  fileName?: string
  onProgress?: (progress: Progress) => void
  /** The least time between two progress reports (the last one always comes). */
  progressEveryMs?: number
}

export async function importOrderFile(ctx: ImportContext, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const size = statSync(path).size
  if (size === 0) throw refusal('empty_file', { key: 'refusals:orders.emptyFile' })
  const fileName = options.fileName ?? basename(path)
  try {
    return await importWithReader(ctx, { path, fileName }, size, options)
  } catch (error) {
    if (!(error instanceof ReaderUnavailable)) throw error
    // The reader's thread could not start (its file missing from a build, say): read here, as fast as one thread allows.
    log.warn({ err: error }, `The order file reader thread did not start; reading ${fileName} on the main thread.`)
    return importOrderStream(ctx, createReadStream(path, { highWaterMark: 64 * 1024 }), size, { ...options, fileName })
  }
}

class ReaderUnavailable extends Error {}

async function importWithReader(ctx: ImportContext, job: ReaderJob, size: number, options: ImportOptions): Promise<ImportSummary> {
  const run = startImport(ctx, job.fileName)
  const report = reporter(run.summary, size, options)
  const reader = startReader(job)
  let heard = false
  try {
    for await (const [message] of on(reader, 'message', { close: ['exit'] }) as AsyncIterable<[FromReader]>) {
      heard = true
      if (message.kind === 'batch') {
        run.checked(message.rows.map(fromRow))
        reader.postMessage('stored')
        if (!message.last) report(message.bytes, false)
      } else if (message.kind === 'product') {
        run.product(message.record)
        report(message.bytes, false)
      } else if (message.kind === 'end') {
        report(message.bytes, true)
        return run.summary
      } else if (message.kind === 'problem') throw stopped(message.message, run.summary)
      else throw Object.assign(new Error(message.message), { code: message.code })
    }
    throw new Error('The file reader stopped before the end of the file.')
  } catch (error) {
    if (!heard) throw new ReaderUnavailable((error as Error)?.message ?? String(error))
    throw error
  } finally {
    await reader.terminate()
  }
}

/** The same, reading on this thread, from any stream of the file's bytes (`size` in bytes, for progress). */
export async function importOrderStream(
  ctx: ImportContext,
  input: AsyncIterable<Uint8Array>,
  size: number,
  options: ImportOptions = {}
): Promise<ImportSummary> {
  const run = startImport(ctx, options.fileName ?? 'orders')
  const report = reporter(run.summary, size, options)
  try {
    const bytes = await readCheckedBatches(input, options.fileName ?? 'orders', {
      batch: (orders, bytesRead, last) => {
        run.checked(orders)
        if (!last) report(bytesRead, false)
      },
      product: (record, bytesRead) => {
        run.product(record)
        report(bytesRead, false)
      }
    })
    report(bytes, true)
    return run.summary
  } catch (error) {
    if (error instanceof FileProblem) throw stopped(error.message, run.summary)
    throw error
  }
}

/** The reader's thread: this folder's parseWorker.ts, shipped in the build as importWorker.js. */
function startReader(job: ReaderJob): Worker {
  return startWorker(new URL('./parseWorker.ts', import.meta.url), 'importWorker.js', job)
}

function reporter(summary: ImportSummary, size: number, { onProgress = () => {}, progressEveryMs = 250 }: ImportOptions) {
  let reportedAt = -Infinity
  return (bytesDone: number, finished: boolean) => {
    const now = performance.now()
    if (!finished && now - reportedAt < progressEveryMs) return
    reportedAt = now
    const ordersDone = summary.imported + summary.unchanged + summary.failed
    onProgress({ bytesDone, bytesTotal: Math.max(size, bytesDone), ordersDone, failed: summary.failed, finished })
  }
}

/** What the file's problem means for the station: nothing imported, or the orders before it. */
function stopped(problem: string, summary: ImportSummary): StationError {
  if (problem === EMPTY_FILE) return refusal('empty_file', { key: 'refusals:orders.emptyFile' })
  const orders = summary.imported + summary.unchanged + summary.failed
  // `problem` is the reader's English account of the file (./fileProblem.ts): a value, not a sentence of the catalogue yet.
  if (orders + summary.productsUpserted === 0) return refusal('bad_file', { key: 'refusals:orders.badFile', params: { problem } })
  return refusal('bad_file', {
    key: 'refusals:orders.badFileStopped',
    params: { problem, count: orders, imported: summary.imported, unchanged: summary.unchanged, failed: summary.failed }
  })
}
