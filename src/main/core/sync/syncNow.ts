// "Sync now" (SPEC §7): pull, push everything due, export, and say in plain
// words what did not work, without waiting for the timers.
import type { SyncNowResult } from '../../../shared/sync'
import type { Db } from '../db/connection'
import type { PullOutcome } from './orderPull'
import type { PullLoop } from './syncPull'
import type { PushLoop } from './syncPush'
import type { SyncState } from './syncStatus'
import { readSyncSetting } from './syncSettings'
import { Sentence, type Words } from '../../../shared/words'

export type SyncNowDeps = { db: Db; state: SyncState; pull: PullLoop; push: PushLoop }

export async function syncNow({ db, state, pull, push }: SyncNowDeps): Promise<SyncNowResult> {
  // Each problem in English (the log, the command line) and as catalogue words (the screen's language).
  const problems: string[] = []
  const problemWords: (Words | null)[] = []
  const say = (message: string, words: Words | null) => {
    problems.push(message)
    problemWords.push(words)
  }
  /** "Pull: …" / "Send: …" around an error, worded from its own words when it has them. */
  const part = (key: 'sync:now.pullProblem' | 'sync:now.sendProblem', error: unknown): Words => {
    const words = (error as { words?: Words | null }).words
    const sentence = Sentence.safeParse(words)
    return { key, params: { problem: sentence.success ? [sentence.data] : (error as Error).message } }
  }
  let pulled: PullOutcome | null = null
  try {
    pulled = await state.busy(() => pull.pull())
  } catch (error) {
    say(`Pull: ${(error as Error).message}`, part('sync:now.pullProblem', error))
  }
  if (pulled) {
    const worded = pulled.conflictWords.length === pulled.conflicts.length
    pulled.conflicts.forEach((conflict, i) => say(conflict, worded ? pulled!.conflictWords[i]! : null))
  }
  // Tries the OMS at once, even while the relay waits out its backoff: the operator asked for it.
  const pushed = await state.busy(() => push.push({ now: true }))
  if (pushed.error) say(`Send: ${pushed.error.message}`, part('sync:now.sendProblem', pushed.error))
  const exported = push.exportFiles()
  if (state.exportError) say(state.exportError, state.exportErrorWords)
  const offline = !readSyncSetting(db, 'oms').baseUrl
  if (offline) say('No OMS address is set: the station works offline (file export only).', { key: 'sync:now.offline' })
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
    problemWords,
    status: state.status()
  }
}
