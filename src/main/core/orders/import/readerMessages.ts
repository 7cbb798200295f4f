// What the file reader's thread (./parseWorker.ts) and the importing thread
// (./importFile.ts) say to each other. The importer answers each batch, once
// stored, with any message: the reader may then read on.
import type { OrderRow } from './orderRows'

export type ReaderJob = { path: string; fileName: string }

export type FromReader =
  /** Checked orders as flat rows (./orderRows.ts): objects would cost the storing thread four times as much to receive. */
  | { kind: 'batch'; rows: OrderRow[]; bytes: number; last: boolean }
  | { kind: 'product'; record: unknown; bytes: number }
  /** The whole file was read. */
  | { kind: 'end'; bytes: number }
  /** The file cannot be read on from here (FileProblem). */
  | { kind: 'problem'; message: string }
  /** Anything else went wrong (the disk, a bug): the import stops with it. */
  | { kind: 'failed'; message: string; code?: string }
