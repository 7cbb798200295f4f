// `npm run oms:dev -- [--port 8787] [--db FILE] [--error-rate 0.3] [--timeout-rate 0] [--drop-rate 0]
//   [--latency-ms 0] [--orders FILE] [--token TOKEN] [--seed N] [--contract-version 1.2.0]`
// Starts the stand-in OMS on 127.0.0.1 with the orders of FILE
// (default resources/sample-orders.json; orders the database already holds
// are kept as they are; an order's `assigned_station_id` assigns it to that
// station, assignment.ts). Its state lives in the SQLite file --db (default
// .data/oms-dev/oms.db under the working folder; `:memory:` forgets
// everything at exit), so a restart keeps the events it accepted, the pull
// cursor and the claims. Ctrl+C stops it.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_OMS_DB } from './db'
import { startOmsDev } from './server'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    db: { type: 'string', default: DEFAULT_OMS_DB },
    'error-rate': { type: 'string', default: '0' },
    'timeout-rate': { type: 'string', default: '0' },
    'drop-rate': { type: 'string', default: '0' },
    'latency-ms': { type: 'string', default: '0' },
    orders: { type: 'string', default: resolve(import.meta.dirname, '../../resources/sample-orders.json') },
    token: { type: 'string' },
    seed: { type: 'string' },
    'contract-version': { type: 'string' },
    quiet: { type: 'boolean', default: false }
  }
})

const number = (name: string, text: string | undefined) => {
  const n = Number(text)
  if (!Number.isFinite(n)) {
    console.error(`--${name} must be a number (got ${text})`)
    process.exit(2)
  }
  return n
}

const file = JSON.parse(readFileSync(values.orders!, 'utf8')) as unknown
const orders = (Array.isArray(file) ? file : ((file as { orders?: unknown[] }).orders ?? [])) as Record<string, unknown>[]
const products = (Array.isArray(file) ? [] : ((file as { products?: unknown[] }).products ?? [])) as Record<string, unknown>[]

const oms = await startOmsDev({
  port: number('port', values.port),
  db: values.db,
  token: values.token ?? null,
  seed: values.seed === undefined ? undefined : number('seed', values.seed),
  contractVersion: values['contract-version'],
  orders,
  products,
  failure: {
    errorRate: number('error-rate', values['error-rate']),
    timeoutRate: number('timeout-rate', values['timeout-rate']),
    dropRate: number('drop-rate', values['drop-rate']),
    latencyMs: number('latency-ms', values['latency-ms'])
  },
  log: values.quiet ? undefined : (line) => console.log(line)
})
console.log(`Stand-in OMS on ${oms.url} with ${orders.length} orders (127.0.0.1 only). Station setting: OMS address ${oms.url}`)
console.log(`State: ${values.db === ':memory:' ? 'in memory (forgotten at exit)' : resolve(values.db!)}`)
console.log(
  `Admin: GET ${oms.url}/admin/events · GET /admin/stats · PUT /admin/failure · POST /admin/orders/{id}/status {"status":"cancelled"} · POST /admin/orders/{id}/assign {"stationId":"ST-…"|null}`
)

const stop = async () => {
  await oms.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
