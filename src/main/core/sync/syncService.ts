// The OMS sync of one station: pulls orders every few minutes (syncPull),
// relays the outbox and writes the export folder (syncPush), checks for
// cancellation before Packing Confirmation, and keeps the status the status
// bar shows (syncStatus). Starts with the station, stops with it
// (context.onClose). Needs no Electron.
import { eq } from 'drizzle-orm'
import type { SyncNowResult, SyncStatus } from '../../../shared/sync'
import type { StationContext } from '../context'
import { orders } from '../db/schema'
import { refuse } from '../errors'
import { logFault } from '../log/logger'
import { checkOmsStatus, refuseIfCancelled, type OmsStatusCheck } from './cancellationCheck'
import { createOmsClient, OmsError, type OmsClient } from './omsClient'
import { omsTokenFor } from './omsToken'
import { createOutboxRelay } from './outboxRelay'
import type { SecretStore } from './secretStore'
import { syncNow } from './syncNow'
import { PullLoop } from './syncPull'
import { LedgerLoop } from './ledgerLoop'
import { PushLoop } from './syncPush'
import { SyncState, type SyncLog } from './syncStatus'
import { readSyncSetting } from './syncSettings'
import { getSetting } from '../settings/settings'

export type SyncOptions = { secrets: SecretStore; random?: () => number; log?: SyncLog }

export type SyncService = {
  status(): SyncStatus
  /** Pull, push everything due, export: what "Sync now" does. */
  syncNow(): Promise<SyncNowResult>
  /** Asks the OMS about the order before Packing Confirmation; refuses when it was cancelled. */
  checkBeforeConfirm(orderId: number): Promise<OmsStatusCheck>
  /** Settings or the token changed: start over with the new ones. */
  reconfigure(): void
  /** New events may be waiting (a re-send): push soon. */
  nudge(): void
  readonly secrets: SecretStore
}

export function startSync(context: StationContext, { secrets, random = Math.random, log = logFault }: SyncOptions): SyncService {
  const { db, clock, stationId } = context
  // Aborted when the station closes: requests in flight end, and nothing touches the closed database after.
  const closing = new AbortController()
  const stopped = () => closing.signal.aborted
  const oms = () => readSyncSetting(db, 'oms')
  const relay = createOutboxRelay({ db, clock, stationId, random, config: () => oms() })

  const client = (): OmsClient | null => {
    const settings = oms()
    if (!settings.baseUrl) return null
    const token = omsTokenFor(secrets, settings.baseUrl)
    const stationName = getSetting(db, 'stationName')
    return createOmsClient({
      baseUrl: settings.baseUrl,
      stationId,
      stationName,
      token,
      timeoutMs: settings.requestTimeoutMs,
      signal: closing.signal
    })
  }

  const state = new SyncState({ context, secrets, log, stopped, nextTryAt: () => relay.nextTryAt() })
  const push = new PushLoop({ context, relay, client, state, stopped, log })
  const ledger = new LedgerLoop({ context, client, stopped })
  const pull = new PullLoop({ context, client, state, stopped, ledger })

  const service: SyncService = {
    secrets,
    status: () => state.status(),
    syncNow: () => syncNow({ db, state, pull, push }),
    checkBeforeConfirm: (orderId) => checkBeforeConfirm({ context, client, state }, orderId),
    reconfigure() {
      state.forget()
      relay.reset()
      pull.schedule(0)
      push.schedule(0)
      ledger.schedule(0)
      state.publish()
    },
    nudge() {
      push.schedule(0)
    }
  }

  pull.schedule(0)
  push.schedule(0)
  ledger.schedule(0)
  context.onClose(() => {
    closing.abort()
    relay.stop()
    push.stop()
    pull.stop()
    ledger.stop()
  })
  return service
}

/**
 * Asks the OMS about the order just before Packing Confirmation and refuses
 * when it was cancelled there. The answer also tells whether the OMS is reachable.
 */
async function checkBeforeConfirm(
  { context, client, state }: { context: StationContext; client: () => OmsClient | null; state: SyncState },
  orderId: number
): Promise<OmsStatusCheck> {
  const { db, clock } = context
  const order = db.select({ orderNumber: orders.orderNumber }).from(orders).where(eq(orders.id, orderId)).get()
  if (!order) return refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId } })
  const api = client()
  const check = await checkOmsStatus(db, clock, api, orderId, readSyncSetting(db, 'oms').statusCheckTimeoutMs)
  if (api) {
    if (check.online) state.online = true
    else if (check.problem) state.failed(new OmsError('network', check.problem, null, null, check.problemWords ?? null))
  }
  if (check.changed) context.notify('orders:changed', { orderIds: [orderId] })
  state.publish()
  refuseIfCancelled(check, order.orderNumber)
  return check
}
