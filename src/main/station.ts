// The composition root: the core (src/main/core, no Electron, no devices)
// plus what this PC adds around it — printing and scanners — with the
// platform's reactions (auto-print) wired in as the core's hooks, and every
// channel behind the role table's guard. Electron's index.ts, the browser
// host and the command line all open the station here.
import { join } from 'node:path'
import { channels, type Channel } from '../shared/contract'
import { authorize } from './core/access/guard'
import { systemClock } from './core/clock'
import type { GuardedHandlers, Handlers, NoticeSink } from './core/context'
import { DATABASE_FILE, openCore, type CoreOptions } from './core/core'
import { lockDataDir } from './core/dataLock'
import { MEDIA_PATH } from './core/evidence/mediaGrants'
import { answerMedia } from './core/evidence/mediaResponse'
import { checkAtStartUp } from './core/db/integrityCheck'
import type { Connection } from './core/db/connection'
import { loggedCall } from './core/log/callLog'
import { censoringSecretStore } from './core/log/redact'
import { openWithLog } from './core/log/stationLog'
import { plainFileSecretStore } from './core/sync/secretStore'
import { scannerHandlers } from './devices/handlers'
import { autoPrintBoxLabel, autoPrintShippingLabel } from './printing/autoPrint'
import { labelHandlers } from './printing/handlers'
import { openRecoveryStation } from './recoveryStation'

export { DATABASE_FILE } from './core/core'
export type { GuardedHandlers } from './core/context'

export type StationOptions = Omit<CoreOptions, 'hooks'> & {
  /** Who holds the data folder's lock, in its words: "Electron app", "browser host", "command line (import)". */
  program?: string
}

export type Station = {
  handlers: GuardedHandlers
  connection: Connection
  dataDir: string
  /** Hosts (Electron, the browser host) forward notices to the screens; returns the unsubscribe function. */
  subscribe(sink: NoticeSink): () => void
  /**
   * A request for a recording's video (/evidence-media/…): the answer while a shift lead's approved
   * viewing lasts, 404 otherwise; null for any other path. The recovery station has no evidence to serve.
   */
  media?(pathname: string, request: { method: string; headers: Headers }): Response | null
  close(): void
}

/**
 * Opens the station on its data folder: takes the folder's lock first (one station per data folder; a second
 * is refused with `data_folder_in_use`), checks the database (core/db/integrityCheck.ts: in full when small, else its header and schema, and the last daily check's answer), and opens the recovery station
 * instead when it is damaged (src/main/recoveryStation.ts). The lock is released when the station closes.
 */
export function openStation(options: StationOptions): Station {
  const lock = lockDataDir(options.dataDir, options.program ?? 'station')
  try {
    const check = checkAtStartUp(join(options.dataDir, DATABASE_FILE), (options.clock ?? systemClock)())
    const station = check.ok ? openWholeStation(options) : openRecoveryStation(options, check.problem, () => openWholeStation(options))
    const close = station.close
    station.close = () => {
      close()
      lock.release()
    }
    return station
  } catch (error) {
    lock.release()
    throw error
  }
}

function openWholeStation(options: StationOptions): Station {
  // The data folder's log (logs/) wraps the opening; the OMS token is censored in it wherever it appears.
  const { core, logFile } = openWithLog(options, () =>
    openCore({
      ...options,
      secrets: censoringSecretStore(options.secrets ?? plainFileSecretStore(options.dataDir)),
      hooks: (context) => ({
        boxConfirmed: (boxId) => autoPrintBoxLabel(context, boxId),
        orderShipped: (orderId) => autoPrintShippingLabel(context, orderId)
      })
    })
  )
  const handlers: Handlers = { ...core.handlers, ...labelHandlers(core.context), ...scannerHandlers(core.context) }
  return {
    handlers: guardHandlers(core.context, handlers),
    connection: core.connection,
    dataDir: core.dataDir,
    subscribe: core.subscribe,
    media: (pathname, request) => (pathname.startsWith(MEDIA_PATH) ? answerMedia(core.evidenceMedia(pathname), request) : null),
    close: () => {
      core.close()
      void logFile.close()
    }
  }
}

/** Every handler behind the role table (src/shared/access.ts): the guard runs first, on every call, whoever calls. */
function guardHandlers(context: Parameters<typeof authorize>[0], handlers: Handlers): GuardedHandlers {
  const guarded: Partial<Record<Channel, unknown>> = {}
  for (const channel of channels) {
    const handler = handlers[channel] as (args: unknown, call: unknown) => unknown
    // loggedCall: sign-ins, refusals (their codes) and failures go to the station's log.
    guarded[channel] = loggedCall(channel, (args: unknown) => handler(args, authorize(context, channel, args)))
  }
  return guarded as GuardedHandlers
}
