// The station the paint benchmark drives: a fresh data folder prepared with
// the core's own functions (the sample data with its operators, two B2B
// orders of 2 lines × 1,030 units each with 1,950 already scanned through
// `scanUnit`: one scanned with packing evidence off, one with it on), then the
// browser host started on it as its own process, the way the e2e specs start
// one (e2e/fixtures.ts).
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { systemClock } from '../../src/main/core/clock'
import { dispatch } from '../../src/main/core/dispatch'
import { findAppFolder } from '../../src/main/core/paths'
import { importRawFile } from '../../src/main/core/orders/importOrders'
import { luhnCheckDigit } from '../../src/main/core/scanning/serial'
import { scanUnit } from '../../src/main/core/scanning/scanUnit'
import { openStation } from '../../src/main/station'
import { waitForUrl } from '../../e2e/hostProcess'

const root = resolve(import.meta.dirname, '..', '..')

/** The orders, alike: [0] is scanned with packing evidence off, [1] with it on (the numbers do not match each other's search). */
export const ORDER_NUMBERS = ['SO-BENCH-2060', 'SO-BENCH-2061'] as const
export const ORDER_NUMBER = ORDER_NUMBERS[0]
/** Who prepares the orders (any operator). */
const PREPARER = { badgeCode: 'OP-1001' }
/**
 * Who scans in the browser: the sample data's shift lead (her PIN at sign-in), since the
 * packing evidence settings panel is a shift lead's and the bench turns recording on and off.
 */
export const OPERATOR = { name: 'Dana Whitfield', badgeCode: 'OP-9001', pin: '1234' }
/** Two sample products and a TAC of each (resources/sample-orders.json). */
const LINES = [
  { sku: 'APL-IP13-128-BLK-U', tac: '35391611' },
  { sku: 'APL-IP12-64-WHT-U', tac: '35302611' }
]
export const PER_LINE = 1_030

/** The k-th IMEI of line l of order `order` (an index of ORDER_NUMBERS): its TAC, a 6-digit serial number, the Luhn digit. */
export function lineImei(l: number, k: number, order = 0): string {
  const body = LINES[l].tac + String(100_000 + order * 10_000 + k).padStart(6, '0')
  return body + luhnCheckDigit(body)
}

/**
 * Fills `dataDir`: sample data and the bench orders (ORDER_NUMBERS), each with its first `prefilled`
 * units scanned (alternating lines: unit u of order o is lineImei(u % 2, u >> 1, o)).
 */
export async function prepareStation(dataDir: string, prefilled: number): Promise<void> {
  const station = openStation({ dataDir, version: 'bench' })
  try {
    const sample = await dispatch(station.handlers, 'app:loadSampleData', {})
    if (!sample.ok) throw new Error(`Loading the sample data failed: ${sample.error.message}`)
    const signIn = await dispatch(station.handlers, 'operators:signIn', { badgeCode: PREPARER.badgeCode })
    if (!signIn.ok) throw new Error(`Sign-in failed: ${signIn.error.message}`)
    const operatorId = (signIn.value as { id: number }).id

    const file = JSON.parse(readFileSync(join(findAppFolder('resources', 'sample-orders.json'), 'sample-orders.json'), 'utf8'))
    const products = file.products as { sku: string; name: string; condition: string }[]
    const { db } = station.connection
    const affixes = { prefixes: [], suffixes: [] }
    for (const [o, orderNumber] of ORDER_NUMBERS.entries()) {
      const tag = orderNumber.slice('SO-'.length)
      const record = {
        ...file.orders[0],
        oms_order_id: `OMS-${tag}`,
        order_number: orderNumber,
        channel: 'B2B',
        channel_order_id: `B2B-${tag}`,
        order_type: 'bulk',
        fulfilment_type: 'partial',
        lines: LINES.map(({ sku }, i) => {
          const p = products.find((x) => x.sku === sku)!
          return { line_id: `L${i + 1}`, sku, product_name: p.name, quantity: PER_LINE, serialized: true, condition: p.condition }
        })
      }
      const summary = importRawFile({ db, clock: systemClock, operatorId }, { products: [], orders: [{ record }] }, 'bench')
      if (summary.failed > 0) throw new Error(`The bench order ${orderNumber} was not imported: ${JSON.stringify(summary)}`)
      const { id: orderId } = station.connection.sqlite.prepare('SELECT id FROM orders WHERE order_number = ?').get(orderNumber) as {
        id: number
      }
      for (let u = 0; u < prefilled; u++) {
        const serial = lineImei(u % 2, u >> 1, o)
        const result = scanUnit(db, systemClock, affixes, { orderId, input: serial, operatorId })
        if (result.outcome !== 'accepted') throw new Error(`Prefill scan ${serial} was ${result.outcome}: ${result.message}`)
      }
    }
  } finally {
    station.close()
  }
}

export type Host = { url: string; stop(): Promise<void> }

/**
 * The browser host on `dataDir` (src/main/host/cli.ts under tsx, port chosen by the system), as the e2e fixture starts it.
 * `appRoot`: another copy of the app (its src/ and its built out/renderer), for a comparison (paintCompare.ts).
 */
export async function startHost(dataDir: string, appRoot = root): Promise<Host> {
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(appRoot, 'src/main/host/cli.ts'), '--port', '0', '--data-dir', dataDir],
    { cwd: appRoot, stdio: ['ignore', 'pipe', 'pipe'] }
  )
  const exited = new Promise((r) => child.once('exit', r))
  try {
    const url = await waitForUrl(child)
    return {
      url,
      stop: async () => {
        child.kill('SIGTERM')
        await exited
      }
    }
  } catch (error) {
    child.kill('SIGTERM')
    throw error
  }
}
