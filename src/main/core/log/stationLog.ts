// The station's log for one data folder: opened before the database (so a
// station that cannot open its data is logged too), a start-up line with the
// versions, data folder and station id, and closed with the station.
import type { Core } from '../core'
import { stationVersions } from '../diagnostics/versions'
import { log, logFault, openLogFile, type LogFile } from './logger'

/** Runs `open` (the core's opening) with the data folder's log around it. */
export function openWithLog<T extends Pick<Core, 'connection' | 'context'>>(
  { dataDir, version }: { dataDir: string; version?: string },
  open: () => T
): { core: T; logFile: LogFile } {
  const logFile = openLogFile(dataDir)
  let core: T
  try {
    core = open()
  } catch (error) {
    logFault(`The station could not open its data folder ${dataDir}`, error)
    void logFile.close()
    throw error
  }
  const { stationId } = core.context
  log.info(
    { event: 'start', stationId, dataDir, versions: stationVersions(core.connection.sqlite, version) },
    `Station ${stationId} started`
  )
  return { core, logFile }
}
