// The station core: opens the database, keeps who is signed in, and answers
// every channel of the contract. It needs no Electron: Electron's ipc.ts, the
// browser host and the command line all drive this same object.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { count } from 'drizzle-orm'
import { channels, notices, type Channel, type NoticeName } from '../../shared/contract'
import type { Operator } from '../../shared/schemas'
import { systemClock, type Clock } from './clock'
import { checkpointWal, openDatabase, type Connection } from './db/connection'
import { runMigrations } from './db/migrate'
import { orders } from './db/schema'
import type { GuardedHandlers, Handlers, NoticeSink, Notify, StationContext } from './context'
import { refuse } from './errors'
import { authorize } from './access/guard'
import { labelHandlers } from '../printing/handlers'
import { scannerHandlers } from '../devices/handlers'
import { assignmentHandlers, operatorHandlers } from './operators/handlers'
import { createOperator, operatorCount, type NewOperator } from './operators/operators'
import { orderHandlers } from './orders/handlers'
import { importRawFile } from './orders/importOrders'
import { releaseDueHolds } from './orders/holds'
import { packingHandlers, presetHandlers } from './packing/handlers'
import { shippingHandlers } from './packing/shippingHandlers'
import { findAppFolder } from './paths'
import { scanningHandlers } from './scanning/handlers'
import { settingsHandlers } from './settings/handlers'
import { getSetting } from './settings/settings'
import { plainFileSecretStore, type SecretStore } from './sync/secretStore'
import { syncHandlers } from './sync/syncHandlers'
import { guardConfirmation, startSync } from './sync/syncService'

export type { GuardedHandlers, Handlers } from './context'

/** `secrets` keeps the OMS token (Electron: the system keychain); without it, a 0600 file in the data folder. */
export type StationOptions = { dataDir: string; clock?: Clock; version?: string; secrets?: SecretStore }

export type Station = {
  handlers: GuardedHandlers
  connection: Connection
  dataDir: string
  /** Hosts (Electron, the browser host) forward notices to the screens; returns the unsubscribe function. */
  subscribe(sink: NoticeSink): () => void
  close(): void
}

export const DATABASE_FILE = 'station.db'

type SampleFile = { products: unknown[]; orders: Record<string, unknown>[]; operators?: NewOperator[] }

export function openStation({ dataDir, clock = systemClock, version = '0.0.0', secrets }: StationOptions): Station {
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
  const holdTimer = setInterval(releaseHolds, 30_000)
  holdTimer.unref()
  // WAL checkpoints between scans, never inside one (see openDatabase).
  const checkpointTimer = setInterval(() => checkpointWal(connection.sqlite), 1_000)
  checkpointTimer.unref()

  const operator = (): Operator => signedIn ?? refuse('not_signed_in', 'Sign in first: scan your badge or choose your name.')
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
    onClose: (cleanup) => cleanups.push(cleanup)
  }
  const sync = startSync(context, { secrets: secrets ?? plainFileSecretStore(dataDir) })

  const handlers: Handlers = {
    ...syncHandlers(context, sync),
    'app:info': () => ({
      version,
      stationId,
      dataDir,
      orderCount: db.select({ n: count() }).from(orders).get()!.n,
      operatorCount: operatorCount(db)
    }),
    'app:loadSampleData': () => {
      const sample = JSON.parse(readFileSync(join(findAppFolder('resources', 'sample-orders.json'), 'sample-orders.json'), 'utf8')) as SampleFile
      if (operatorCount(db) === 0) {
        const [lead, ...others] = sample.operators ?? []
        const created = lead ? createOperator(db, clock, lead, null) : null
        for (const o of others) createOperator(db, clock, o, created)
      }
      return importRawFile({ db, clock, operatorId: signedIn?.id ?? null }, { products: sample.products, orders: sample.orders.map((record) => ({ record })) }, 'sample-orders.json')
    },

    ...operatorHandlers(context),
    ...labelHandlers(context),
    ...shippingHandlers(context),
    ...assignmentHandlers(context),
    ...scannerHandlers(context),

    ...orderHandlers(context),
    ...scanningHandlers(context),
    ...packingHandlers(context),
    ...presetHandlers(context),
    ...settingsHandlers(context)
  }

  // Packing Confirmation asks the OMS first whether the order was cancelled meanwhile (SPEC §6).
  handlers['packing:confirm'] = guardConfirmation(context, sync, handlers['packing:confirm'])
  const guarded = guardHandlers(context, handlers)

  const subscribe = (sink: NoticeSink) => {
    sinks.add(sink)
    return () => void sinks.delete(sink)
  }
  const close = () => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup()
    sinks.clear()
    clearInterval(holdTimer)
    clearInterval(checkpointTimer)
    connection.sqlite.close()
  }
  return { handlers: guarded, connection, dataDir, subscribe, close }
}

/** Every handler behind the role table: the guard runs first, on every call, whoever calls. */
function guardHandlers(context: StationContext, handlers: Handlers): GuardedHandlers {
  const guarded: Partial<Record<Channel, unknown>> = {}
  for (const channel of channels) {
    const handler = handlers[channel] as (args: unknown, call: unknown) => unknown
    guarded[channel] = (args: unknown) => handler(args, authorize(context, channel, args))
  }
  return guarded as GuardedHandlers
}
