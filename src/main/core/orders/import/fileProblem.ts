// What the readers of an order file hand to the importer, and how they say
// that the file itself cannot be read on.
import type { RawOrder } from '../parseOrderFile'

/** Where the records found in a file go, in file order, as soon as each is complete. */
export type OrderSink = {
  product(record: unknown): void
  order(order: RawOrder): void
}

/**
 * The file cannot be read past some point (not JSON, a broken CSV row, no
 * header...). The message says what is wrong with the file; the importer adds
 * what was imported before that point.
 */
export class FileProblem extends Error {}

export const EMPTY_FILE = 'The file is empty: nothing was imported.'
