// evidence:* — packing evidence (issue 17). Roles from the access table:
// recording is any signed-in operator's (the screen starts it when an order
// opens for scanning); the settings take a shift lead's approval.
import type { HandlersOf } from '../context'
import type { EvidenceService } from './evidenceService'

const bytesOf = (base64: string) => Buffer.from(base64, 'base64')

export function evidenceHandlers(evidence: EvidenceService): HandlersOf<'evidence'> {
  return {
    'evidence:settings': () => evidence.settings(),
    'evidence:saveSettings': ({ approval: _approval, ...value }) => evidence.saveSettings(value),
    'evidence:start': ({ orderId, mimeType }) => evidence.start(orderId, mimeType),
    'evidence:chunk': ({ sessionId, data }) => evidence.chunk(sessionId, bytesOf(data)),
    'evidence:still': ({ sessionId, boxId, data }) => evidence.still(sessionId, boxId, bytesOf(data)),
    'evidence:stop': ({ sessionId, reason }) => evidence.stop(sessionId, reason),
    'evidence:ofOrder': ({ orderId }) => evidence.ofOrder(orderId)
  }
}
