// "Sync now" (SPEC §7): pull, push everything due, export, and say in plain
// words what did not work, without waiting for the timers.
import type { SyncNowResult } from '../../../shared/sync'
import type { Db } from '../db/connection'
import type { PullOutcome } from './orderPull'
import type { PullLoop } from './syncPull'
import type { PushLoop } from './syncPush'
import type { SyncState } from './syncStatus'
import { readSyncSetting } from './syncSettings'

export type SyncNowDeps = { db: Db; state: SyncState; pull: PullLoop; push: PushLoop }

export async function syncNow({ db, state, pull, push }: SyncNowDeps): Promise<SyncNowResult> {
  const problems: string[] = []
  let pulled: PullOutcome | null = null
  try {
    pulled = await state.busy(() => pull.pull())
  } catch (error) {
    problems.push(`Pull: ${(error as Error).message}`)
  }
  if (pulled) problems.push(...pulled.conflicts)
  // Tries the OMS at once, even while the relay waits out its backoff: the operator asked for it.
  const pushed = await state.busy(() => push.push({ now: true }))
  if (pushed.error) problems.push(`Send: ${pushed.error.message}`)
  const exported = push.exportFiles()
  if (state.exportError) problems.push(state.exportError)
  const offline = !readSyncSetting(db, 'oms').baseUrl
  if (offline) problems.push('No OMS address is set: the station works offline (file export only).')
  // Events the OMS could not take yet: the push timer comes back for them at the next try.
  if (pushed.retryInMs !== null) push.schedule(Math.max(pushed.retryInMs, 50))
  state.publish()
  return {
    pulled: pulled && {
      imported: pulled.imported,
      unchanged: pulled.unchanged,
      failed: pulled.failed,
      statusChanges: pulled.statusChanges,
      conflicts: pulled.conflicts
    },
    sent: readSyncSetting(db, 'oms').baseUrl ? pushed.sent : null,
    exported,
    problems,
    status: state.status()
  }
}
