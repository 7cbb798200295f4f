// `npm run station -- <command>`: the station without a window.
//   import FILE [--data-dir DIR]   import a JSON or CSV order file, as the Import screen does
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { dispatch } from './core/dispatch'
import { dataDirFromArgs, defaultDataDir } from './core/paths'
import { openStation } from './station'

const USAGE = 'usage: npm run station -- import FILE [--data-dir DIR]'

async function main(argv: string[]): Promise<number> {
  const [command, file] = argv
  if (command !== 'import' || !file || file.startsWith('--')) {
    console.error(USAGE)
    return 2
  }
  let content: string
  try {
    content = readFileSync(file, 'utf8')
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`)
    return 2
  }
  const dataDir = dataDirFromArgs(argv) ?? defaultDataDir()
  const station = openStation({ dataDir })
  try {
    const result = await dispatch(station.handlers, 'orders:import', { fileName: basename(file), content })
    if (!result.ok) {
      console.error(result.error.message)
      return 1
    }
    const summary = result.value as {
      imported: number
      unchanged: number
      failed: number
      productsUpserted: number
      failures: { omsOrderId: string | null; reason: string }[]
    }
    console.log(`${file} → ${dataDir}`)
    console.log(
      `${summary.imported} imported, ${summary.unchanged} already here, ${summary.failed} failed, ${summary.productsUpserted} products updated`
    )
    for (const f of summary.failures) console.log(`  failed: ${f.omsOrderId ?? '(no order id)'}: ${f.reason}`)
    return summary.failed > 0 ? 1 : 0
  } finally {
    station.close()
  }
}

process.exitCode = await main(process.argv.slice(2))
