// Reads a JSON order file as it streams by (@streamparser/json): a list of
// orders, or an object with "orders" and optionally "products". Each order is
// handed on as soon as its closing brace arrives and then forgotten, so memory
// stays flat however large the file is.
import { JSONParser, TokenType, type ParsedTokenInfo } from '@streamparser/json'
import { jsonOrder } from '../parseOrderFile'
import { FileProblem, type OrderSink } from './fileProblem'

const SHAPE =
  'The JSON file must hold a list of orders, or an object with "orders" (and optionally "products"): "orders" and "products" must be lists'

/** `first` is the file's first byte that is not white space: it tells a list from an object. */
export async function readJsonOrders(chunks: AsyncIterable<Uint8Array>, first: number, sink: OrderSink): Promise<void> {
  const list = first === 0x5b // [
  const parser = new JSONParser({ paths: list ? ['$.*'] : ['$.orders.*', '$.products.*'], keepStack: false })
  const shape = list ? null : topLevelKeys()
  let sinkFailure: unknown = null
  parser.onValue = ({ value, stack }) => {
    try {
      if (list || stack[1]?.key === 'orders') sink.order(jsonOrder(value))
      else sink.product(value)
    } catch (error) {
      sinkFailure = error
      throw error
    }
  }
  if (shape) parser.onToken = shape.token
  try {
    for await (const chunk of chunks) parser.write(chunk)
    if (!parser.isEnded) parser.end()
  } catch (error) {
    if (sinkFailure !== null || error instanceof FileProblem) throw error
    throw new FileProblem(`The file is not valid JSON (${(error as Error).message})`)
  }
  if (!list && !shape?.sawOrders()) throw new FileProblem(SHAPE)
}

/**
 * Follows the keys of the top-level object: "orders" and "products" must be
 * lists. Refuses as soon as one is not, before anything after it is read.
 */
function topLevelKeys() {
  let depth = 0
  let key: string | null = null
  let awaitingValue = false
  let sawOrders = false
  let root = true
  const token = ({ token, value }: ParsedTokenInfo) => {
    if (root) {
      root = false
      if (token !== TokenType.LEFT_BRACE) throw new FileProblem(SHAPE)
    }
    if (depth === 1) {
      if (awaitingValue) {
        awaitingValue = false
        if (key === 'orders' || key === 'products') {
          if (token !== TokenType.LEFT_BRACKET) throw new FileProblem(SHAPE)
          if (key === 'orders') sawOrders = true
        }
      } else if (token === TokenType.STRING) key = value as string
      else if (token === TokenType.COLON) awaitingValue = true
    }
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) depth++
    else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) depth--
  }
  return { token, sawOrders: () => sawOrders }
}
