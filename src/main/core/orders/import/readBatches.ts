// Reads an order file into checked batches: each order found is checked
// (checkOrder) and collected until a batch is full. Products pass through on
// their own, after the orders before them. What happens to a batch is up to
// the caller: store it here, or post it from the reader's thread to the one
// that stores.
import { checkOrder, type CheckedOrder } from './checkOrder'
import { readOrderFile } from './readOrderFile'

/** Orders per transaction: large enough to amortise the commit, small enough to keep other calls waiting briefly. */
export const BATCH_SIZE = 1000

export type BatchSink = {
  /** A full batch, or the `last` one; `bytesRead` of the file are read so far. */
  batch(orders: CheckedOrder[], bytesRead: number, last: boolean): void
  product(record: unknown, bytesRead: number): void
}

/**
 * Reads the whole file; a FileProblem stops it, and the orders of the batch it was filling are dropped.
 * The first `skip` records (orders and products, in file order) are passed over unchecked: another
 * thread has taken them already.
 */
export async function readCheckedBatches(input: AsyncIterable<Uint8Array>, fileName: string, sink: BatchSink, skip = 0): Promise<number> {
  let pending: CheckedOrder[] = []
  let bytesRead = 0
  let seen = 0
  const flush = (last = false) => {
    if (pending.length === 0) return
    const batch = pending
    pending = []
    sink.batch(batch, bytesRead, last)
  }
  await readOrderFile(
    input,
    fileName,
    {
      product(record) {
        if (seen++ < skip) return
        flush()
        sink.product(record, bytesRead)
      },
      order(order) {
        if (seen++ < skip) return
        pending.push(checkOrder(order))
        if (pending.length >= BATCH_SIZE) flush()
      }
    },
    (bytes) => (bytesRead = bytes)
  )
  flush(true)
  return bytesRead
}
