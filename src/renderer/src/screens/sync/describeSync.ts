// What one "Sync now" did, in the screen's language (kept apart from the components so it is tested under plain
// Node): the counts from the catalogue, the problems from their words (else their English).
import type { SyncNowResult } from '../../../../shared/sync'
import { i18n } from '../../i18n'
import { answerText } from '../../useAction'

/** What one Sync now did, a line per part: orders pulled, events sent, the export, and any problems. */
export function describeSync(result: SyncNowResult): string {
  const lines: string[] = []
  if (result.pulled) {
    const { imported, statusChanges, unchanged, failed } = result.pulled
    lines.push(i18n.t('sync:overview.pulled', { imported, statusChanges, unchanged, failed }))
  }
  if (result.sent) {
    const { accepted, duplicate, rejected } = result.sent
    lines.push(i18n.t('sync:overview.sent', { accepted, duplicate, rejected, waiting: result.status.waiting }))
  }
  if (result.exported !== null) lines.push(i18n.t('sync:overview.exported', { events: result.exported }))
  lines.push(...result.problems.map((message, i) => answerText({ message, words: result.problemWords?.[i] ?? undefined })))
  return lines.join('\n')
}
