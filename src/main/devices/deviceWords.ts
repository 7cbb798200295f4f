// The scanners' sentences as catalogue words (`scanners:device.*`): the status and the device-list problems
// travel to the screens as words, each screen wording them in its language; `message` is their English.
import type { Sentence, Words } from '../../shared/words'

/** Why a link went, as the supervisor and the drivers say it, as words (an unknown reason: as it came). */
export function reasonWords(reason: string): Sentence {
  if (reason === 'unplugged') return { key: 'scanners:device.reason.unplugged' }
  if (reason === 'moved to another port') return { key: 'scanners:device.reason.moved' }
  if (reason === 'port closed') return { key: 'scanners:device.reason.portClosed' }
  const portError = /^port error: (.*)$/s.exec(reason)
  if (portError) return { key: 'scanners:device.reason.portError', params: { error: portError[1] } }
  const readFailed = /^read failed: (.*)$/s.exec(reason)
  if (readFailed) return { key: 'scanners:device.reason.readFailed', params: { error: readFailed[1] } }
  return { key: 'scanners:device.reason.other', params: { reason } }
}

/** "Waiting for … (unplugged): plug the scanner in, it reconnects by itself". */
export const waitingWords = (name: string, reason: string | null): Words =>
  reason
    ? { key: 'scanners:device.waitingBecause', params: { name, reason: [reasonWords(reason)] } }
    : { key: 'scanners:device.waiting', params: { name } }
