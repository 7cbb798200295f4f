// What the file reader's thread (./parseWorker.ts) and the importing thread
// (./importFile.ts) say to each other. The reader says when it is ready; the
// importer, which reads the file itself until then, answers with how many
// records it has already taken, and then answers each batch, once stored,
// with any message: the reader may then read on.
import type { OrderRow } from './orderRows'

export type ReaderJob = { path: string; fileName: string }

/** The importer's first message: the reader skips the first `skip` records (orders and products) of the file. */
export type ReaderStart = { kind: 'start'; skip: number }

export type FromReader =
  /** The thread has started and waits for its ReaderStart. */
  | { kind: 'ready' }
  /** Checked orders as flat rows (./orderRows.ts): objects would cost the storing thread four times as much to receive. */
  | { kind: 'batch'; rows: OrderRow[]; bytes: number; last: boolean }
  | { kind: 'product'; record: unknown; bytes: number }
  /** The whole file was read. */
  | { kind: 'end'; bytes: number }
  /** The file cannot be read on from here (FileProblem). */
  | { kind: 'problem'; message: string }
  /** Anything else went wrong (the disk, a bug): the import stops with it. */
  | { kind: 'failed'; message: string; code?: string }
