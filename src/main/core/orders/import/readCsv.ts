// Reads a CSV order file as it streams by (./csvRecords.ts splits the text
// into rows): a header row, then one row per order line, the rows of one order
// next to each other. An order is handed on when the next order's first row
// arrives, so memory holds one order at a time however large the file is.
import { csvColumns, csvOrder, csvOrderId, type CsvColumns } from '../parseOrderFile'
import { CsvProblem, csvRecords } from './csvRecords'
import { FileProblem, type OrderSink } from './fileProblem'

export async function readCsvOrders(chunks: AsyncIterable<Uint8Array>, sink: OrderSink): Promise<void> {
  /** The header, and the rows of the order being read. */
  let columns: CsvColumns | null = null
  let rows: string[][] = []
  let orderId = ''
  const records = csvRecords((row) => {
    if (!columns) {
      columns = csvColumns(row)
      if (!columns) throw new FileProblem('The CSV file has no oms_order_id column: the first row must be the header')
      return
    }
    const id = csvOrderId(columns, row)
    if (rows.length > 0 && id !== orderId) {
      sink.order(csvOrder(columns, rows))
      rows = []
    }
    orderId = id
    rows.push(row)
  })
  // UTF-8, a character split between two chunks put back together; a byte-order mark is dropped.
  const decoder = new TextDecoder()
  try {
    for await (const chunk of chunks) records.write(decoder.decode(chunk, { stream: true }))
    records.write(decoder.decode())
    records.end()
  } catch (error) {
    if (error instanceof CsvProblem) throw new FileProblem(`The CSV file cannot be read (${error.message})`)
    throw error
  }
  if (columns && rows.length > 0) sink.order(csvOrder(columns, rows))
}
