// What the runner hands every path benchmark: the big dataset, already opened
// with the station's own `openDatabase` and reset to its marker (bench/fixtures
// cleanUp), its file, the command-line options, and a log line printer.
// A module that needs a fresh database of its own makes it itself, in `workDir`.
import type { Connection } from '../../src/main/core/db/connection'
import type { Marker } from '../dataset'
import type { PathRow } from './types'

/** The command line. --orders, --units, --rebuild and --only are the runner's: name a module's own options after it (--paint-scans). */
export type BenchFlags = {
  /** `--name` given on the command line. */
  has(name: string): boolean
  /** `--name N`, or the fallback when absent. */
  num(name: string, fallback: number): number
  /** `--name value`, or the fallback when absent. */
  str(name: string, fallback: string): string
}

export type BenchContext = {
  /** The big dataset (1,000,000 orders / 10,000,000 units by default), opened with `openDatabase` (WAL + synchronous=FULL). */
  connection: Connection
  /** The dataset's marker row: its size, highest own order id (everything above it is the bench's), an operator id. */
  marker: Marker
  /** Path of the dataset's SQLite file. Close nothing: the runner closes the connection at the end. */
  file: string
  /** bench/.work/: where a module keeps what it generates (git-ignored). */
  workDir: string
  /** Prints one progress line. */
  log: (line: string) => void
  flags: BenchFlags
}

/** A path benchmark module: `export async function run(ctx: BenchContext): Promise<PathRow[]>`. */
export type PathModule = { run(ctx: BenchContext): Promise<PathRow[]> }
