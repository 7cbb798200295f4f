// Reads a JSON order file as it streams by: a list of orders, or an object
// with "orders" and optionally "products". Each record is handed on as soon as
// its closing brace arrives and then forgotten, so memory stays flat however
// large the file is. ./jsonElements.ts finds the records; JSON.parse reads each.
import { jsonOrder } from '../parseOrderFile'
import { FileProblem, type OrderSink } from './fileProblem'
import { jsonElements, NotAList, NotJson } from './jsonElements'

const SHAPE =
  'The JSON file must hold a list of orders, or an object with "orders" (and optionally "products"): "orders" and "products" must be lists'

export async function readJsonOrders(chunks: AsyncIterable<Uint8Array>, sink: OrderSink): Promise<void> {
  let sawOrders = false
  let list = false
  const reader = jsonElements({
    root: (kind) => (list = kind === 'list'),
    key: (name) => {
      if (name === 'orders') sawOrders = true
      return name === 'orders' || name === 'products' ? 'elements' : 'check'
    },
    element: (key, value, text) => (key === 'products' ? sink.product(value) : sink.order(jsonOrder(value, text)))
  })
  try {
    for await (const chunk of chunks) reader.write(chunk)
    reader.end()
  } catch (error) {
    if (error instanceof NotAList) throw new FileProblem(SHAPE)
    if (error instanceof NotJson) throw new FileProblem(`The file is not valid JSON (${error.message})`)
    throw error
  }
  if (!list && !sawOrders) throw new FileProblem(SHAPE)
}
