// The station core: opens the database, keeps who is signed in, runs the
// background work (hold release, WAL checkpoints, OMS sync) and answers every
// channel that needs nothing around it. It needs no Electron and imports only
// from itself and src/shared: the composition root (src/main/station.ts) adds
// printing and scanners, and reaches back in only through `hooks`.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { notices, type NoticeName } from '../../shared/contract'
import type { Operator } from '../../shared/operators'
import { systemClock, type Clock } from './clock'
import { checkpointWal, openDatabase, WAL_CHECKPOINT_EVERY_MS, type Connection } from './db/connection'
import { runMigrations } from './db/migrate'
import { appHandlers } from './app/handlers'
import type { CoreChannel, Handlers, NoticeSink, Notify, StationContext, StationHooks } from './context'
import { refuse } from './errors'
import { assignmentHandlers, operatorHandlers } from './operators/handlers'
import { orderHandlers } from './orders/handlers'
import { releaseDueHolds } from './orders/holds'
import { packingHandlers, presetHandlers } from './packing/handlers'
import { shippingHandlers } from './packing/shippingHandlers'
import { scanningHandlers } from './scanning/handlers'
import { settingsHandlers } from './settings/handlers'
import { firstRunHandlers } from './settings/firstRunHandlers'
import { settingsFileHandlers } from './settings/settingsFileHandlers'
import { getSetting } from './settings/settings'
import { plainFileSecretStore, type SecretStore } from './sync/secretStore'
import { syncHandlers } from './sync/syncHandlers'
import { startClaims, withClaims } from './sync/claimHandlers'
import { ledgerHandlers } from './sync/ledgerHandlers'
import { startSync } from './sync/syncService'
import { everyInterval } from './background'
import { Faults, probeFaults, watchFaults } from './health/faults'
import { healthHandlers } from './health/handlers'
import { startBackups } from './db/backupSchedule'
import { checkWhenDue } from './db/integrityCheck'
import { wholeStationRecovery } from './db/recovery'
import { reportHandlers } from './reports/handlers'
import { evidenceHandlers } from './evidence/handlers'
import { evidenceService } from './evidence/evidenceService'
import type { MediaGrant } from './evidence/mediaGrants'
import { withEvidenceMarkers } from './evidence/markers'

/**
 * `secrets` keeps the OMS token (Electron: the system keychain); without it, a 0600 file in the data folder.
 * `hooks` are the platform's reactions to what the core did (auto-print), given the core's context.
 */
export type CoreOptions = {
  dataDir: string
  clock?: Clock
  version?: string
  secrets?: SecretStore
  hooks?: (context: StationContext) => Partial<StationHooks>
}

/** The core's handlers: every channel but the platform's own (labels, printing, scanners). */
export type CoreHandlers = Pick<Handlers, CoreChannel>

export type Core = {
  context: StationContext
  handlers: CoreHandlers
  connection: Connection
  dataDir: string
  /** Hosts (Electron, the browser host) forward notices to the screens; returns the unsubscribe function. */
  subscribe(sink: NoticeSink): () => void
  /** The recording a granted /evidence-media/ path names, while its grant lasts (evidence/mediaGrants.ts). */
  evidenceMedia(pathname: string): MediaGrant | null
  close(): void
}

export const DATABASE_FILE = 'station.db'

const NO_HOOKS: StationHooks = { boxConfirmed: async () => {}, orderShipped: async () => {} }

export function openCore({ dataDir, clock = systemClock, version = '0.0.0', secrets, hooks }: CoreOptions): Core {
  mkdirSync(dataDir, { recursive: true })
  const connection = openDatabase(join(dataDir, DATABASE_FILE))
  runMigrations(connection)
  const { db } = connection
  const stationId = getSetting(db, 'stationId')
  let signedIn: Operator | null = null

  // Holds whose dispatch time has passed are released at start-up (a restart
  // catches up), every half minute, and whenever an order is looked at.
  const releaseHolds = () => releaseDueHolds(db, clock)
  releaseHolds()
  // What goes wrong in the background or under a call shows in the status bar until it clears (health/faults.ts).
  const faults = new Faults()
  const stopHoldRelease = everyInterval('Releasing due holds', 30_000, releaseHolds, undefined, faults)
  // WAL checkpoints between scans, never inside one, and not after every scan (see WAL_CHECKPOINT_EVERY_MS).
  const checkpoint = () => checkpointWal(connection.sqlite)
  const stopCheckpoints = everyInterval('The WAL checkpoint', WAL_CHECKPOINT_EVERY_MS, checkpoint, undefined, faults)
  const stopProbe = everyInterval('Checking the faults', 2_000, () => probeFaults(faults, connection.sqlite, dataDir))
  // The database's full check, once a day on a worker thread (db/integrityCheck.ts); a damage shows until a restore.
  const stopIntegrityCheck = everyInterval(
    'The database check',
    10 * 60_000,
    () => checkWhenDue(join(dataDir, DATABASE_FILE), clock),
    undefined,
    faults
  )
  // Online backups every few minutes and at every sign-out (db/backupSchedule.ts).
  const backups = startBackups({ sqlite: connection.sqlite, db, dataDir, clock, faults })

  const operator = (): Operator => signedIn ?? refuse('not_signed_in', { key: 'refusals:access.notSignedIn' })
  const sinks = new Set<NoticeSink>()
  const cleanups: (() => void)[] = []
  const notify: Notify = (notice, payload) => {
    const checked = notices[notice as NoticeName].parse(payload)
    for (const sink of sinks) sink(notice, checked)
  }
  const context: StationContext = {
    db,
    connection,
    clock,
    dataDir,
    stationId,
    signedIn: () => signedIn,
    operator,
    setSignedIn: (next) => {
      signedIn = next
    },
    notify,
    releaseHolds,
    onClose: (cleanup) => cleanups.push(cleanup),
    hooks: NO_HOOKS
  }
  context.hooks = { ...NO_HOOKS, ...hooks?.(context) }
  const secretStore = secrets ?? plainFileSecretStore(dataDir)
  const sync = startSync(context, { secrets: secretStore })
  // Packing evidence (issue 17): recordings of the orders being packed, sealed with the station's key.
  const evidence = evidenceService(context, secretStore)
  context.onClose(() => void evidence.close())
  // Order claims on the OMS (SPEC §7): claimed when an order opens for scanning, renewed on a timer, released when done.
  const claims = startClaims(context, sync)

  faults.onChange(() => notify('health:status', { faults: faults.list() }))
  const handlers: CoreHandlers = watchFaults(faults, {
    ...healthHandlers(faults),
    ...appHandlers(context, version),
    ...syncHandlers(context, sync),
    ...claims.handlers,
    ...ledgerHandlers(context, sync),
    ...operatorHandlers(context),
    ...assignmentHandlers(context),
    ...orderHandlers(context),
    ...scanningHandlers(context),
    ...packingHandlers(context, sync),
    ...presetHandlers(context),
    ...shippingHandlers(context),
    ...settingsHandlers(context, backups),
    ...firstRunHandlers(context, sync),
    ...settingsFileHandlers(context, sync, version),
    ...wholeStationRecovery(join(dataDir, DATABASE_FILE), backups.folder),
    ...reportHandlers(context),
    ...evidenceHandlers(context, evidence)
  })
  const signOut = handlers['operators:signOut']
  handlers['operators:signOut'] = (args, call) => {
    const someone = signedIn !== null
    const answer = signOut(args, call)
    if (someone) {
      backups.soon('sign-out')
      void evidence.stopAll('signed_out')
    }
    return answer
  }
  withClaims(handlers, claims.deps)
  Object.assign(handlers, withEvidenceMarkers(handlers, evidence))

  const subscribe = (sink: NoticeSink) => {
    sinks.add(sink)
    return () => void sinks.delete(sink)
  }
  const close = () => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup()
    sinks.clear()
    stopHoldRelease()
    stopCheckpoints()
    stopProbe()
    backups.stop()
    stopIntegrityCheck()
    connection.sqlite.close()
  }
  return { context, handlers, connection, dataDir, subscribe, close, evidenceMedia: evidence.media }
}
