// `npm run dev:web`: the station without Electron. Starts the core and the
// browser host; open the printed address in a browser on this PC.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { StationError } from '../../shared/contract'
import { openStation } from '../station'
import { dataDirFromArgs, defaultDataDir, findAppFolder, optionFromArgs } from '../core/paths'
import { startBrowserHost } from './browserHost'
import { installCrashHandlers } from '../core/log/crashHandlers'

installCrashHandlers()

const argv = process.argv.slice(2)
const dataDir = dataDirFromArgs(argv) ?? defaultDataDir()
const port = Number(optionFromArgs(argv, 'port') ?? process.env.PACKING_STATION_PORT ?? 5174)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number (got ${optionFromArgs(argv, 'port')})`)
  process.exit(2)
}
// The data folder first: a second station on it is refused for that, whatever else is missing.
const station = openOrExplain(() => openStation({ dataDir, version: process.env.npm_package_version, program: 'browser host' }))
const rendererDir = builtRenderer()
if (!rendererDir) {
  station.close()
  console.error('The renderer is not built: run `npm run build` first.')
  process.exit(2)
}
const host = await startBrowserHost({ station, rendererDir, port })
console.log(`Packing Station (browser host) — data in ${dataDir}`)
console.log(`Open ${host.url} in Chromium on this PC. Ctrl+C stops the station.`)

const stop = async () => {
  await host.close()
  station.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

/** Another station holds the data folder: one sentence naming the folder and the holder, and a non-zero exit. */
function openOrExplain<T>(open: () => T): T {
  try {
    return open()
  } catch (error) {
    if (!(error instanceof StationError)) throw error
    console.error(error.message)
    process.exit(1)
  }
}

/** The built renderer's folder (out/renderer), or null when it is not built. */
function builtRenderer(): string | null {
  try {
    const dir = join(findAppFolder('out', join('renderer', 'index.html')), 'renderer')
    return existsSync(join(dir, 'index.html')) ? dir : null
  } catch {
    return null
  }
}
