// What the status bar shows about the OMS sync (SPEC §7): online or not,
// syncing now, what waits, the last success and the last error. The screens
// are told (sync:status) only when something they show has changed.
import type { SyncStatus } from '../../../shared/sync'
import type { Sentence, Words } from '../../../shared/words'
import { isoNow } from '../clock'
import type { StationContext } from '../context'
import { OmsError } from './omsClient'
import { omsTokenFor } from './omsToken'
import { unexportedCount, waitingCount } from './outboxRows'
import { rejectedCount } from './rejectedEvents'
import type { SecretStore } from './secretStore'
import { readSyncSetting, writeSyncSetting } from './syncSettings'

export type SyncLog = (message: string, error?: unknown) => void

export type SyncStatusDeps = {
  context: Pick<StationContext, 'db' | 'clock' | 'notify'>
  secrets: SecretStore
  log: SyncLog
  stopped: () => boolean
  /** When the relay tries the OMS again while it cannot be reached or refuses the events; null while it answers. */
  nextTryAt: () => string | null
}

export class SyncState {
  /** The OMS answered the last request; null until the station has tried (or after a reconfigure). */
  online: boolean | null = null
  lastError: { message: string; at: string; words?: Words | Sentence[] } | null = null
  /** Why the last export to the folder failed; null when it worked or is off. */
  exportError: string | null = null
  /** The export's failure as catalogue words (`sync:now.exportFailed`). */
  exportErrorWords: Words | null = null
  /** Pulls and pushes running now: the status bar's "syncing". */
  private running = 0
  private lastNotified = ''

  constructor(private readonly deps: SyncStatusDeps) {}

  status(): SyncStatus {
    const { db } = this.deps.context
    const { secrets } = this.deps
    const state = readSyncSetting(db, 'state')
    const exporting = readSyncSetting(db, 'export')
    return {
      configured: readSyncSetting(db, 'oms').baseUrl !== null,
      online: this.online,
      syncing: this.running > 0,
      waiting: waitingCount(db),
      rejected: rejectedCount(db),
      lastSuccessAt: state.lastSuccessAt,
      lastPullAt: state.lastPullAt,
      lastError: this.lastError?.message ?? null,
      ...(this.lastError?.words ? { lastErrorWords: this.lastError.words } : {}),
      lastErrorAt: this.lastError?.at ?? null,
      nextTryAt: this.deps.nextTryAt(),
      tokenWarning: secrets.encrypted || !omsTokenFor(secrets, readSyncSetting(db, 'oms').baseUrl) ? null : secrets.warning,
      export: {
        enabled: exporting.enabled,
        folder: exporting.folder,
        waiting: exporting.enabled ? unexportedCount(db) : 0,
        lastError: this.exportError
      }
    }
  }

  /** Tells the screens, if what they show changed. Never after the station closed: its database is gone. */
  publish(): void {
    if (this.deps.stopped()) return
    const next = this.status()
    const key = JSON.stringify(next)
    if (key !== this.lastNotified) {
      this.lastNotified = key
      this.deps.context.notify('sync:status', next)
    }
  }

  /** The OMS answered: online, no error (the time of the last success is stored by succeeded()). */
  reached(): void {
    this.online = true
    this.lastError = null
  }

  /** The OMS answered: online, no error, and the time of the last success stored. */
  succeeded(): void {
    this.reached()
    writeSyncSetting(this.deps.context.db, 'state', { lastSuccessAt: isoNow(this.deps.context.clock) })
  }

  /**
   * A request failed. Offline when the OMS could not be reached or could not take it now (network,
   * timeout, 408, 429, 5xx); a refusal (401, 400…) or a bad answer still means it is there. Closing is no failure.
   */
  failed(error: unknown): void {
    if (error instanceof OmsError) {
      if (error.kind === 'aborted') return
      this.online = !error.retryable
      // Into the station's log when the reason changes, not on every retry of an OMS that stays down.
      if (this.lastError?.message !== error.message) this.deps.log(`OMS sync failed (${error.kind})`, error)
    } else this.deps.log('OMS sync failed', error)
    this.problem((error as Error)?.message ?? String(error), error instanceof OmsError ? (error.words ?? undefined) : undefined)
  }

  /** Something the operator should read in the status bar, e.g. a pull's conflicts (`words`: the same in catalogue words). */
  problem(message: string, words?: Words | Sentence[]): void {
    this.lastError = { message, at: isoNow(this.deps.context.clock), ...(words ? { words } : {}) }
  }

  /** Settings or the token changed: what the last attempts said no longer holds. */
  forget(): void {
    this.online = null
    this.lastError = null
  }

  /** Runs `work` counted as syncing, telling the screens when it starts and ends. */
  async busy<T>(work: () => Promise<T>): Promise<T> {
    this.running++
    this.publish()
    try {
      return await work()
    } finally {
      this.running--
      this.publish()
    }
  }
}
