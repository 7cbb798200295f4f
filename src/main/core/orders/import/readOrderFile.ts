// Tells a JSON order file from a CSV one (by its name, else by its first
// byte), refuses an empty one, and reads it with the matching reader while
// counting the bytes read for the progress bar.
import { EMPTY_FILE, FileProblem, type OrderSink } from './fileProblem'
import { readCsvOrders } from './readCsv'
import { readJsonOrders } from './readJson'

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09
const hasBom = (chunk: Uint8Array) => chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf

/** Reads the whole file into `sink`; `onBytes` hears how many bytes have been read so far. */
export async function readOrderFile(
  input: AsyncIterable<Uint8Array>,
  fileName: string,
  sink: OrderSink,
  onBytes: (bytesRead: number) => void = () => {}
): Promise<void> {
  const source = input[Symbol.asyncIterator]()
  const head: Uint8Array[] = []
  let bytes = 0
  let first = -1
  try {
    // The first bytes that are not white space (after a byte-order mark) tell what the file is.
    while (first < 0) {
      const next = await source.next()
      if (next.done) break
      bytes += next.value.length
      const chunk = head.length === 0 && hasBom(next.value) ? next.value.subarray(3) : next.value
      head.push(chunk)
      const at = chunk.findIndex((b) => !isSpace(b))
      if (at >= 0) first = chunk[at]
    }
  } catch (error) {
    await source.return?.()
    throw error
  }
  if (first < 0) throw new FileProblem(EMPTY_FILE)

  // A chunk's bytes count as read once the reader asks for the next one (it has handed on what they held).
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      yield* head
      onBytes(bytes)
      for (let next = await source.next(); !next.done; next = await source.next()) {
        yield next.value
        bytes += next.value.length
        onBytes(bytes)
      }
    } finally {
      await source.return?.()
    }
  }

  if (/\.csv$/i.test(fileName)) return readCsvOrders(chunks(), sink)
  if (/\.(json|ndjson)$/i.test(fileName) || first === 0x5b || first === 0x7b) return readJsonOrders(chunks(), sink)
  await source.return?.()
  throw new FileProblem(`${fileName}: not a JSON or CSV order file (use a .json or .csv file)`)
}
