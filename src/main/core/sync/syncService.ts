// The OMS sync of one station: pulls orders every few minutes, relays the
// outbox, writes the export folder, checks for cancellation before Packing
// Confirmation, and keeps the status the status bar shows. Starts with the
// station, stops with it (context.onClose). Needs no Electron.
import type { SyncNowResult, SyncStatus } from '../../../shared/channels/sync'
import { isoNow } from '../clock'
import type { StationContext } from '../context'
import { eq } from 'drizzle-orm'
import { orders } from '../db/schema'
import { refuse } from '../errors'
import { checkOmsStatus, refuseIfCancelled, type OmsStatusCheck } from './cancellationCheck'
import { exportEvents } from './fileExport'
import { createOmsClient, OmsError, type OmsClient } from './omsClient'
import { pullOrders, type PullOutcome } from './orderPull'
import { createOutboxRelay, type BatchOutcome } from './outboxRelay'
import { unexportedCount, waitingCount } from './outboxRows'
import { rejectedCount } from './rejectedEvents'
import { omsTokenFor } from './omsToken'
import type { SecretStore } from './secretStore'
import { readSyncSetting, writeSyncSetting } from './syncSettings'

export type SyncOptions = { secrets: SecretStore; random?: () => number; log?: (message: string, error?: unknown) => void }

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

/** At most this many batches in one push round, so a day's backlog does not hold the event loop for long. */
const BATCHES_PER_ROUND = 20

export function startSync(context: StationContext, { secrets, random = Math.random, log = console.error }: SyncOptions): SyncService {
  const { db, clock, stationId } = context
  const closing = new AbortController()
  let stopped = false
  let online: boolean | null = null
  let running = 0
  let lastError: { message: string; at: string } | null = null
  let exportError: string | null = null
  let lastNotified = ''
  let pushTimer: NodeJS.Timeout | undefined
  let pullTimer: NodeJS.Timeout | undefined

  const oms = () => readSyncSetting(db, 'oms')
  const relay = createOutboxRelay({ db, clock, stationId, random, config: () => oms() })

  const client = (): OmsClient | null => {
    const settings = oms()
    if (!settings.baseUrl) return null
    const token = omsTokenFor(secrets, settings.baseUrl)
    return createOmsClient({ baseUrl: settings.baseUrl, stationId, token, timeoutMs: settings.requestTimeoutMs, signal: closing.signal })
  }

  const status = (): SyncStatus => {
    const state = readSyncSetting(db, 'state')
    const exporting = readSyncSetting(db, 'export')
    return {
      configured: oms().baseUrl !== null,
      online,
      syncing: running > 0,
      waiting: waitingCount(db),
      rejected: rejectedCount(db),
      lastSuccessAt: state.lastSuccessAt,
      lastPullAt: state.lastPullAt,
      lastError: lastError?.message ?? null,
      lastErrorAt: lastError?.at ?? null,
      tokenWarning: secrets.encrypted || !omsTokenFor(secrets, oms().baseUrl) ? null : secrets.warning,
      export: { enabled: exporting.enabled, folder: exporting.folder, waiting: exporting.enabled ? unexportedCount(db) : 0, lastError: exportError }
    }
  }

  const publish = () => {
    if (stopped) return
    const next = status()
    const key = JSON.stringify(next)
    if (key !== lastNotified) {
      lastNotified = key
      context.notify('sync:status', next)
    }
  }

  const succeeded = () => {
    online = true
    lastError = null
    writeSyncSetting(db, 'state', { lastSuccessAt: isoNow(clock) })
  }
  const failed = (error: unknown) => {
    if (error instanceof OmsError) {
      if (error.kind === 'aborted') return
      online = error.kind === 'http' || error.kind === 'invalid_answer'
    } else log('OMS sync failed', error)
    lastError = { message: (error as Error)?.message ?? String(error), at: isoNow(clock) }
  }

  async function busy<T>(work: () => Promise<T>): Promise<T> {
    running++
    publish()
    try {
      return await work()
    } finally {
      running--
      publish()
    }
  }

  /** Sends batches until nothing is due; returns the totals and when to come back. */
  async function push(): Promise<{ sent: NonNullable<SyncNowResult['sent']>; retryInMs: number | null; error: OmsError | null }> {
    const sent = { accepted: 0, duplicate: 0, rejected: 0 }
    const api = client()
    if (!api) return { sent, retryInMs: null, error: null }
    for (let round = 0; round < BATCHES_PER_ROUND && !stopped; round++) {
      const outcome: BatchOutcome = await relay.sendBatch(api)
      if (outcome.kind === 'idle') return { sent, retryInMs: outcome.retryInMs, error: null }
      if (outcome.kind === 'failed') {
        failed(outcome.error)
        return { sent, retryInMs: outcome.retryInMs, error: outcome.error }
      }
      succeeded()
      sent.accepted += outcome.accepted
      sent.duplicate += outcome.duplicate
      sent.rejected += outcome.rejected
    }
    return { sent, retryInMs: 0, error: null }
  }

  function exportFiles(): number | null {
    const settings = readSyncSetting(db, 'export')
    if (!settings.enabled || !settings.folder) return null
    try {
      const outcome = exportEvents(db, clock, stationId, settings.folder)
      exportError = null
      return outcome.events
    } catch (error) {
      exportError = `Export to ${settings.folder} failed: ${(error as Error).message}`
      return null
    }
  }

  async function pull(): Promise<PullOutcome | null> {
    const api = client()
    if (!api) return null
    try {
      const outcome = await pullOrders(db, clock, api, { stopped: () => stopped })
      if (stopped) return outcome
      succeeded()
      if (outcome.changedOrderIds.length > 0) context.notify('orders:changed', { orderIds: outcome.changedOrderIds })
      if (outcome.conflicts.length > 0) lastError = { message: outcome.conflicts.join(' '), at: isoNow(clock) }
      return outcome
    } catch (error) {
      failed(error)
      throw error
    }
  }

  const schedulePush = (delayMs: number) => {
    clearTimeout(pushTimer)
    if (stopped) return
    pushTimer = setTimeout(pushRound, delayMs)
    pushTimer.unref?.()
  }
  const schedulePull = (delayMs: number) => {
    clearTimeout(pullTimer)
    if (stopped) return
    pullTimer = setTimeout(pullRound, delayMs)
    pullTimer.unref?.()
  }

  async function pushRound() {
    const interval = oms().pushIntervalSeconds * 1000
    let next = interval
    try {
      exportFiles()
      const { retryInMs } = await busy(push)
      if (retryInMs !== null) next = Math.min(interval, Math.max(retryInMs, 50))
    } catch (error) {
      log('Outbox relay round failed', error)
    }
    if (stopped) return
    publish()
    schedulePush(next)
  }

  async function pullRound() {
    try {
      await busy(pull)
    } catch {
      // Recorded as the last error; the next round tries again.
    }
    // The station may have closed (and its database with it) while the pull waited on the network.
    if (!stopped) schedulePull(oms().pullIntervalSeconds * 1000)
  }

  const service: SyncService = {
    secrets,
    status,
    async syncNow() {
      const problems: string[] = []
      let pulled: PullOutcome | null = null
      try {
        pulled = await busy(pull)
      } catch (error) {
        problems.push(`Pull: ${(error as Error).message}`)
      }
      if (pulled) problems.push(...pulled.conflicts)
      const pushed = await busy(push)
      if (pushed.error) problems.push(`Send: ${pushed.error.message}`)
      const exported = exportFiles()
      if (exportError) problems.push(exportError)
      if (!oms().baseUrl) problems.push('No OMS address is set: the station works offline (file export only).')
      if (pushed.retryInMs !== null) schedulePush(Math.max(pushed.retryInMs, 50))
      publish()
      return {
        pulled: pulled && { imported: pulled.imported, unchanged: pulled.unchanged, failed: pulled.failed, statusChanges: pulled.statusChanges, conflicts: pulled.conflicts },
        sent: oms().baseUrl ? pushed.sent : null,
        exported,
        problems,
        status: status()
      }
    },
    async checkBeforeConfirm(orderId) {
      const order = db.select({ orderNumber: orders.orderNumber }).from(orders).where(eq(orders.id, orderId)).get()
      if (!order) return refuse('not_found', `Order ${orderId} does not exist.`)
      const api = client()
      const check = await checkOmsStatus(db, clock, api, orderId, oms().statusCheckTimeoutMs)
      if (api) {
        if (check.online) online = true
        else if (check.problem) failed(new OmsError('network', check.problem))
      }
      if (check.changed) context.notify('orders:changed', { orderIds: [orderId] })
      publish()
      refuseIfCancelled(check, order.orderNumber)
      return check
    },
    reconfigure() {
      online = null
      lastError = null
      schedulePull(0)
      schedulePush(0)
      publish()
    },
    nudge() {
      schedulePush(0)
    }
  }

  schedulePull(0)
  schedulePush(0)
  context.onClose(() => {
    stopped = true
    relay.stop()
    closing.abort()
    clearTimeout(pushTimer)
    clearTimeout(pullTimer)
  })
  return service
}
