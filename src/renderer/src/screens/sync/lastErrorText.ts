// The sync's last error in the screen's language, for the status bar and the Sync screen alike (kept apart from
// the components so it is tested under plain Node).
import type { SyncStatus } from '../../../../shared/sync'
import { answerText, sentencesText } from '../../useAction'

/** The last error's catalogue words (one sentence, or a pull's conflicts one after the other), else the English. */
export function lastErrorText(status: Pick<SyncStatus, 'lastError' | 'lastErrorWords'>): string | null {
  const { lastError, lastErrorWords: words } = status
  if (!lastError) return null
  if (Array.isArray(words)) return sentencesText(words, [lastError]).join(' ')
  return answerText({ message: lastError, words })
}
