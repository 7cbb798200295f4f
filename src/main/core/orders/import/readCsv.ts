// Reads a CSV order file as it streams by (csv-parse's stream API): a header
// row, then one row per order line, the rows of one order next to each other.
// An order is handed on when the next order's first row arrives, so memory
// holds one order at a time however large the file is.
import { pipeline } from 'node:stream/promises'
import { CsvError, parse } from 'csv-parse'
import { csvColumns, csvOrder, csvOrderId, type CsvColumns } from '../parseOrderFile'
import { FileProblem, type OrderSink } from './fileProblem'

export async function readCsvOrders(chunks: AsyncIterable<Uint8Array>, sink: OrderSink): Promise<void> {
  /** The header, and the rows of the order being read. */
  const open: { columns: CsvColumns | null; rows: string[][]; orderId: string } = { columns: null, rows: [], orderId: '' }
  const take = async (records: AsyncIterable<string[]>) => {
    for await (const row of records) {
      if (!open.columns) {
        open.columns = csvColumns(row)
        if (!open.columns) throw new FileProblem('The CSV file has no oms_order_id column: the first row must be the header')
        continue
      }
      const id = csvOrderId(open.columns, row)
      if (open.rows.length > 0 && id !== open.orderId) {
        sink.order(csvOrder(open.columns, open.rows))
        open.rows = []
      }
      open.orderId = id
      open.rows.push(row)
    }
  }
  try {
    await pipeline(chunks, parse({ bom: true, skip_empty_lines: true, relax_column_count: false }), take)
  } catch (error) {
    if (error instanceof CsvError) throw new FileProblem(`The CSV file cannot be read (${error.message})`)
    throw error
  }
  if (open.columns && open.rows.length > 0) sink.order(csvOrder(open.columns, open.rows))
}
