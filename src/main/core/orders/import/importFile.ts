// Imports an order file from its path as it reads it: a second thread reads
// and checks the orders (./parseWorker.ts) while this one stores them, batch
// by batch, so memory stays flat whatever the file's size, and progress is
// reported after each batch. The second thread takes a moment to start (its
// modules load: about half a second from the sources), so this thread reads,
// checks and stores on its own until the other says it is ready, then hands
// over at the next batch boundary: the reader passes over the records already
// taken. A small file is done before the reader is; a reader that cannot
// start leaves the whole file to this thread. The Import screen (through an
// upload, ./uploads.ts), the command line and the benchmark all come through here.
import { on } from 'node:events'
import { createReadStream, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Worker } from 'node:worker_threads'
import type { ImportSummary } from '../../../../shared/orders'
import { refusal, type StationError } from '../../errors'
import { startWorker } from '../../workers/startWorker'
import { log } from '../../log/logger'
import { startImport, type ImportContext, type ImportRun } from '../importOrders'
import { EMPTY_FILE, FileProblem } from './fileProblem'
import { fromRow } from './orderRows'
import { readCheckedBatches } from './readBatches'
import type { FromReader, ReaderJob, ReaderStart } from './readerMessages'

/** How far an import is. `ordersDone` counts orders imported, already here or failed. */
export type Progress = { bytesDone: number; bytesTotal: number; ordersDone: number; failed: number; finished: boolean }

export type ImportOptions = {
  /** The name the failed-imports list shows as the source; the file's own name by default. */
  fileName?: string
  onProgress?: (progress: Progress) => void
  /** The least time between two progress reports (the last one always comes). */
  progressEveryMs?: number
  /** Hears that the reader's thread took over, after how many records (orders and products) this thread took. */
  onHandOver?: (records: number) => void
}

type Report = (bytesDone: number, finished: boolean) => void

export async function importOrderFile(ctx: ImportContext, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const size = statSync(path).size
  if (size === 0) throw refusal('empty_file', { key: 'refusals:orders.emptyFile' })
  const fileName = options.fileName ?? basename(path)
  const run = startImport(ctx, fileName)
  const report = reporter(run.summary, size, options)
  const reader = startReader({ path, fileName })
  try {
    let taken = 0
    for (;;) {
      const stream = createReadStream(path, { highWaterMark: 64 * 1024 })
      const handedOver = await readHere(run, report, stream, fileName, () => reader.ready, taken)
      if (handedOver === null) return run.summary
      taken = handedOver
      // The reader may have stopped between saying it was ready and now: then this thread reads on from here.
      if (!reader.worker) continue
      reader.handedOver = true
      options.onHandOver?.(taken)
      return await readThere(run, report, reader.worker, taken)
    }
  } finally {
    await reader.worker?.terminate()
  }
}

/** The same, reading on this thread only, from any stream of the file's bytes (`size` in bytes, for progress). */
export async function importOrderStream(
  ctx: ImportContext,
  input: AsyncIterable<Uint8Array>,
  size: number,
  options: ImportOptions = {}
): Promise<ImportSummary> {
  const run = startImport(ctx, options.fileName ?? 'orders')
  await readHere(run, reporter(run.summary, size, options), input, options.fileName ?? 'orders', () => false)
  return run.summary
}

/** Stops this thread's reading at a batch boundary once the reader is ready. */
class HandOver extends Error {}

/**
 * Reads, checks and stores on this thread, from the record after the first `skip`, until `handOver()` says
 * so after a stored batch (then answers how many records are taken) or to the end of the file (then
 * reports the end and answers null).
 */
async function readHere(
  run: ImportRun,
  report: Report,
  input: AsyncIterable<Uint8Array>,
  fileName: string,
  handOver: () => boolean,
  skip = 0
): Promise<number | null> {
  let taken = skip
  try {
    const bytes = await readCheckedBatches(
      input,
      fileName,
      {
        batch: (orders, bytesRead, last) => {
          run.checked(orders)
          taken += orders.length
          if (!last) report(bytesRead, false)
          if (!last && handOver()) throw new HandOver()
        },
        product: (record, bytesRead) => {
          run.product(record)
          taken++
          report(bytesRead, false)
        }
      },
      skip
    )
    report(bytes, true)
    return null
  } catch (error) {
    if (error instanceof HandOver) return taken
    if (error instanceof FileProblem) throw stopped(error.message, run.summary)
    throw error
  }
}

/** Stores what the reader's thread posts, from the record after the `taken` ones to the end of the file. */
async function readThere(run: ImportRun, report: Report, worker: Worker, taken: number): Promise<ImportSummary> {
  const messages = on(worker, 'message', { close: ['exit'] }) as AsyncIterable<[FromReader]>
  worker.postMessage({ kind: 'start', skip: taken } satisfies ReaderStart)
  for await (const [message] of messages) {
    if (message.kind === 'batch') {
      run.checked(message.rows.map(fromRow))
      worker.postMessage('stored')
      if (!message.last) report(message.bytes, false)
    } else if (message.kind === 'product') {
      run.product(message.record)
      report(message.bytes, false)
    } else if (message.kind === 'end') {
      report(message.bytes, true)
      return run.summary
    } else if (message.kind === 'problem') throw stopped(message.message, run.summary)
    else if (message.kind === 'failed') throw Object.assign(new Error(message.message), { code: message.code })
  }
  throw new Error('The file reader stopped before the end of the file.')
}

type Reader = { worker: Worker | null; ready: boolean; handedOver: boolean }

/**
 * The reader's thread: this folder's parseWorker.ts, shipped in the build as importWorker.js. Until it is
 * ready, and should it stop before the hand-over, this thread reads.
 */
function startReader(job: ReaderJob): Reader {
  const reader: Reader = { worker: null, ready: false, handedOver: false }
  const gone = (error?: unknown) => {
    if (reader.handedOver) return
    // Its file missing from a build, say: this thread reads the whole file, as fast as one thread allows.
    if (error) log.warn({ err: error }, `The order file reader thread did not start; reading ${job.fileName} on the main thread.`)
    reader.ready = false
    reader.worker = null
  }
  try {
    const worker = startWorker(new URL('./parseWorker.ts', import.meta.url), 'importWorker.js', job)
    reader.worker = worker
    worker.once('message', (message: FromReader) => (reader.ready = message.kind === 'ready'))
    worker.on('error', gone)
    worker.once('exit', () => gone())
  } catch (error) {
    gone(error)
  }
  return reader
}

function reporter(summary: ImportSummary, size: number, { onProgress = () => {}, progressEveryMs = 250 }: ImportOptions): Report {
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
