// evidence:* — packing evidence (issue 17). Roles from the access table:
// recording is any signed-in operator's (the screen starts it when an order
// opens for scanning); the settings, watching, exporting and keeping for a
// dispute take a shift lead's approval.
import { approverOf } from '../access/guard'
import type { HandlersOf } from '../context'
import type { StationContext } from '../context'
import { exportForDispute, keep, keepOf, release } from './disputes'
import type { EvidenceService } from './evidenceService'

const bytesOf = (base64: string) => Buffer.from(base64, 'base64')

export function evidenceHandlers(context: StationContext, evidence: EvidenceService): HandlersOf<'evidence'> {
  return {
    'evidence:settings': () => evidence.settings(),
    'evidence:saveSettings': ({ approval: _approval, ...value }) => evidence.saveSettings(value),
    'evidence:start': ({ orderId, mimeType }) => evidence.start(orderId, mimeType),
    'evidence:chunk': ({ sessionId, data }) => evidence.chunk(sessionId, bytesOf(data)),
    'evidence:still': ({ sessionId, boxId, data }) => evidence.still(sessionId, boxId, bytesOf(data)),
    'evidence:stop': ({ sessionId, reason }) => evidence.stop(sessionId, reason),
    'evidence:ofOrder': ({ orderId }) => evidence.ofOrder(orderId),
    'evidence:watch': ({ orderId, sessionId }) => evidence.watch(orderId, sessionId),
    'evidence:export': ({ orderId, folder }) => exportForDispute(context, orderId, folder),
    'evidence:keepOf': ({ orderId }) => keepOf(context, orderId),
    'evidence:keep': ({ orderId, reason }, call) => keep(context, orderId, reason, approverOf(call)),
    'evidence:release': ({ orderId }) => release(context, orderId),
    'evidence:usage': () => evidence.usage()
  }
}
