// `npm run station -- <command>`: the station without a window.
//   import FILE [--data-dir DIR]   import a JSON or CSV order file, as the Import screen does
//   check [--data-dir DIR]         check the database (exit 0 whole, 1 damaged); backup [--data-dir DIR] [--to FOLDER];
//   restore FILE [--data-dir DIR]  see src/main/core/db/commands.ts
//   evidence verify ORDER_NUMBER [--data-dir DIR]  check an order's packing evidence against its seal
//   evidence export ORDER_NUMBER --to FILE [--data-dir DIR]  the order's dispute pack (zip)
//
// The command line is the station's own user on this PC (it opens the data
// folder directly), so it imports through the same core function as the
// Import screen, with no operator signed in: events name the station.
import { statSync } from 'node:fs'
import { importFileOperators } from './core/app/fileOperators'
import { systemClock } from './core/clock'
import { StationError } from './core/errors'
import { importOrderFile, type Progress } from './core/orders/import/importFile'
import { dataDirFromArgs, defaultDataDir, optionFromArgs } from './core/paths'
import { backupCommand, checkCommand, restoreCommand } from './core/db/commands'
import { exportCommand, verifyCommand } from './core/evidence/commands'
import { openStation } from './station'

const USAGE = [
  'usage: npm run station -- import FILE [--data-dir DIR]',
  '       npm run station -- check [--data-dir DIR]',
  '       npm run station -- backup [--data-dir DIR] [--to FOLDER]',
  '       npm run station -- restore FILE [--data-dir DIR]',
  '       npm run station -- evidence verify ORDER_NUMBER [--data-dir DIR]',
  '       npm run station -- evidence export ORDER_NUMBER --to FILE [--data-dir DIR]'
].join('\n')

async function main(argv: string[]): Promise<number> {
  const [command, file] = argv
  if (command === 'check') return checkCommand(dataDirFromArgs(argv) ?? defaultDataDir(), console)
  if (command === 'backup') return backupCommand(dataDirFromArgs(argv) ?? defaultDataDir(), optionFromArgs(argv, 'to'), console)
  if (command === 'restore' && file && !file.startsWith('--'))
    return restoreCommand(dataDirFromArgs(argv) ?? defaultDataDir(), file, console)
  const orderNumber = argv[2]
  if (command === 'evidence' && file === 'verify' && orderNumber && !orderNumber.startsWith('--'))
    return verifyCommand(dataDirFromArgs(argv) ?? defaultDataDir(), orderNumber, console)
  const packFile = optionFromArgs(argv, 'to')
  if (command === 'evidence' && file === 'export' && orderNumber && !orderNumber.startsWith('--') && packFile)
    return exportCommand(dataDirFromArgs(argv) ?? defaultDataDir(), orderNumber, packFile, console)
  if (command !== 'import' || !file || file.startsWith('--')) {
    console.error(USAGE)
    return 2
  }
  try {
    if (!statSync(file).isFile()) throw new Error('not a file')
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`)
    return 2
  }
  const dataDir = dataDirFromArgs(argv) ?? defaultDataDir()
  let station: ReturnType<typeof openStation>
  try {
    station = openStation({ dataDir, program: 'command line (import)' })
  } catch (error) {
    // Another station has the data folder, or its database is damaged: one sentence, no stack trace.
    if (!(error instanceof StationError)) throw error
    console.error(error.message)
    return 1
  }
  const line = progressLine(file)
  try {
    const summary = await importOrderFile({ db: station.connection.db, clock: systemClock, operatorId: null }, file, {
      onProgress: line,
      progressEveryMs: 1000
    })
    console.log(`${file} → ${dataDir}`)
    console.log(
      `${summary.imported} imported, ${summary.unchanged} already here, ${summary.failed} failed, ${summary.productsUpserted} products updated`
    )
    for (const f of summary.failures) console.log(`  failed: ${f.omsOrderId ?? '(no order id)'}: ${f.reason}`)
    const unlisted = summary.failed - summary.failures.length
    if (unlisted > 0) console.log(`  … and ${unlisted} more: see Failed imports on the Import screen`)
    const operators = await importFileOperators(station.connection.db, systemClock, file)
    if (operators) console.log(operators)
    return summary.failed > 0 ? 1 : 0
  } catch (error) {
    line.abandon()
    if (!(error instanceof StationError)) throw error
    console.error(error.message)
    return 1
  } finally {
    station.close()
  }
}

/** "orders.json: 42,000 orders, 61% read, 3 failed" on stderr: rewritten in place on a terminal, one line per report otherwise. */
function progressLine(file: string) {
  const tty = process.stderr.isTTY === true
  let shown = false
  const report = (p: Progress) => {
    const percent = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 100
    const text = `${file}: ${p.ordersDone.toLocaleString('en')} orders, ${percent}% read, ${p.failed.toLocaleString('en')} failed`
    process.stderr.write(tty ? `\r${text}\x1b[K${p.finished ? '\n' : ''}` : `${text}\n`)
    shown = !p.finished
  }
  report.abandon = () => {
    if (tty && shown) process.stderr.write('\n')
  }
  return report
}

process.exitCode = await main(process.argv.slice(2))
