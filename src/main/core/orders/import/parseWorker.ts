// The file reader's thread: reads an order file from its path, checks each
// order (parsing and checking take about as long as storing), and posts the
// checked batches to the thread that stores them (./importFile.ts). It reads
// on only while fewer than two batches wait to be stored, so memory stays flat
// however fast the disk is. Once started it says it is ready and waits to
// hear how many records the importer has taken meanwhile; it passes over
// those. Runs as a worker_threads worker: the build ships it as
// out/main/importWorker.js.
import { createReadStream } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { FileProblem } from './fileProblem'
import { toRow } from './orderRows'
import { readCheckedBatches } from './readBatches'
import type { FromReader, ReaderJob, ReaderStart } from './readerMessages'

const IN_FLIGHT = 2

async function read({ path, fileName }: ReaderJob, skip: number, post: (message: FromReader) => void): Promise<void> {
  let waiting = 0
  let resume: (() => void) | null = null
  parentPort!.on('message', () => {
    waiting--
    resume?.()
  })
  const credit = () => new Promise<void>((resolve) => (resume = resolve))
  async function* throttled(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
      while (waiting >= IN_FLIGHT) await credit()
      yield chunk as Uint8Array
    }
  }
  try {
    const bytes = await readCheckedBatches(
      throttled(),
      fileName,
      {
        batch: (orders, bytesRead, last) => {
          waiting++
          post({ kind: 'batch', rows: orders.map(toRow), bytes: bytesRead, last })
        },
        product: (record, bytesRead) => post({ kind: 'product', record, bytes: bytesRead })
      },
      skip
    )
    post({ kind: 'end', bytes })
  } catch (error) {
    if (error instanceof FileProblem) post({ kind: 'problem', message: error.message })
    else post({ kind: 'failed', message: (error as Error)?.message ?? String(error), code: (error as { code?: string })?.code })
  }
}

if (parentPort) {
  const port = parentPort
  const start = new Promise<ReaderStart>((resolve) => port.once('message', resolve))
  port.postMessage({ kind: 'ready' } satisfies FromReader)
  const { skip } = await start
  await read(workerData as ReaderJob, skip, (message) => port.postMessage(message))
  port.close()
}
