// `npm run sim -- --stations N --orders M [--seed S] [--cuts C] [--cut-ms MS] [--restarts R]
//   [--same-order P] [--reopen-packed Q] [--imei-collisions K] [--json FILE] [--keep DIR] [--quiet]`
// The warehouse simulation (tools/sim/warehouse.ts): the stand-in OMS and N
// station processes, scripted operators with collisions, network cuts and
// restarts; prints the figures and every check, and exits 1 when a check fails
// (2 on a bad argument).
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { formatReport, writeJson } from './report'
import { runWarehouse, type SimOptions } from './warehouse'

export const USAGE =
  'usage: npm run sim -- --stations N --orders M [--seed S] [--cuts C] [--cut-ms MS] [--restarts R] ' +
  '[--same-order P] [--reopen-packed Q] [--imei-collisions K] [--json FILE] [--keep DIR] [--quiet]'

/** The options from a command line, or the sentence that says what is wrong with it. */
export function parseSimArgs(argv: string[]): { options: SimOptions; json: string | null } | { error: string } {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: argv,
      options: {
        stations: { type: 'string', default: '3' },
        orders: { type: 'string', default: '30' },
        seed: { type: 'string', default: '1' },
        cuts: { type: 'string' },
        'cut-ms': { type: 'string', default: '3000' },
        restarts: { type: 'string' },
        'same-order': { type: 'string' },
        'reopen-packed': { type: 'string' },
        'imei-collisions': { type: 'string' },
        json: { type: 'string' },
        keep: { type: 'string' },
        quiet: { type: 'boolean', default: false }
      }
    }).values
  } catch (error) {
    return { error: `${(error as Error).message}\n${USAGE}` }
  }
  const problems: string[] = []
  const whole = (name: string, min: number, max: number, fallback?: number): number => {
    const text = values[name]
    if (text === undefined && fallback !== undefined) return fallback
    const n = Number(text)
    if (!Number.isInteger(n) || n < min || n > max)
      problems.push(`--${name} must be a whole number from ${min} to ${max} (got ${String(text)})`)
    return n
  }
  const stations = whole('stations', 1, 50)
  const orders = whole('orders', 1, 20_000)
  const fifth = Math.max(1, Math.round(stations / 5))
  const twentieth = Math.max(1, Math.round(orders / 20))
  const hundredth = Math.max(1, Math.round(orders / 100))
  const options: SimOptions = {
    stations,
    orders,
    seed: whole('seed', 0, 2 ** 31),
    cuts: whole('cuts', 0, 50, fifth),
    cutMs: whole('cut-ms', 100, 600_000),
    restarts: whole('restarts', 0, 50, fifth),
    sameOrderPairs: whole('same-order', 0, 1000, stations > 1 ? twentieth : 0),
    reopenPacked: whole('reopen-packed', 0, 1000, stations > 1 ? hundredth : 0),
    imeiCollisions: whole('imei-collisions', 0, 1000, stations > 1 ? twentieth : 0),
    workDir: typeof values.keep === 'string' ? values.keep : undefined,
    keep: typeof values.keep === 'string',
    log: values.quiet ? undefined : (line) => console.error(`sim: ${(performance.now() / 1000).toFixed(1).padStart(6)} s  ${line}`)
  }
  if (problems.length > 0) return { error: `${problems.join('\n')}\n${USAGE}` }
  return { options, json: typeof values.json === 'string' ? values.json : null }
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseSimArgs(argv)
  if ('error' in parsed) {
    console.error(parsed.error)
    return 2
  }
  let result: Awaited<ReturnType<typeof runWarehouse>>
  try {
    result = await runWarehouse(parsed.options)
  } catch (error) {
    // The run itself broke (a station that would not start…): every process it started is stopped already.
    console.error(`sim: the run stopped: ${(error as Error).message}`)
    return 1
  }
  console.log(formatReport(result.figures, result.checks))
  if (parsed.json) writeJson(parsed.json, result.figures, result.checks)
  return result.ok ? 0 : 1
}

// Run as the command (not when a test imports the parser).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2))
}
