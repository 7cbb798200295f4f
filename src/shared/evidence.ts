// Packing evidence (issue 17): a camera over the bench records each order
// while it is open in Used Scan or Distribution Scan. The renderer records
// (getUserMedia + MediaRecorder) and sends the clip's chunks as they come;
// the main process writes and seals them (src/main/core/evidence/). Chunks
// and stills cross as base64 text, so the same contract runs over Electron's
// IPC and the browser host's WebSocket.
import { z } from 'zod'
import { Approval } from './operators'
import { id } from './primitives'

export const EvidenceSettings = z.object({
  /** Off by default; a shift lead turns it on per station. */
  enabled: z.boolean(),
  /** The camera's deviceId (getUserMedia); null: the system's default camera. */
  cameraId: z.string().max(512).nullable(),
  /** Recordings older than this many days are deleted (unless kept for a return or a dispute). */
  retentionDays: z.number().int().min(1).max(3650),
  /** The most disk the evidence may take, in megabytes; the oldest recordings go first beyond it. */
  quotaMb: z.number().int().min(100).max(10_000_000)
})
export type EvidenceSettings = z.infer<typeof EvidenceSettings>

export const DEFAULT_EVIDENCE_SETTINGS: EvidenceSettings = { enabled: false, cameraId: null, retentionDays: 90, quotaMb: 50_000 }

/** Why a recording stopped. */
export const StopReason = z.enum(['packing_confirmed', 'order_left', 'signed_out', 'camera_lost'])
export type StopReason = z.infer<typeof StopReason>

/** Up to 8 MB a chunk (MediaRecorder's one-second slices are far smaller), as base64. */
const base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')

const sessionId = z.string().regex(/^[0-9a-f-]{36}$/, 'not a recording id')

export const EvidenceMarker = z.object({
  offsetMs: z.number().int(),
  at: z.string(),
  kind: z.string(),
  serial: z.string().nullable(),
  boxId: z.string().nullable(),
  note: z.string().nullable()
})

export const EvidenceSession = z.object({
  sessionId: z.string(),
  startedAt: z.string(),
  stoppedAt: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  stopReason: z.string().nullable(),
  sealed: z.boolean(),
  markers: z.array(EvidenceMarker)
})
export type EvidenceSession = z.infer<typeof EvidenceSession>

export const evidenceChannels = {
  'evidence:settings': { args: z.strictObject({}), result: EvidenceSettings },
  'evidence:saveSettings': { args: EvidenceSettings.extend({ approval: Approval }).strict(), result: EvidenceSettings },
  /** Starts recording an order opened for scanning; refused when recording is off at this station. */
  'evidence:start': {
    args: z.strictObject({ orderId: id, mimeType: z.string().max(100) }),
    result: z.object({ sessionId: z.string(), startedAt: z.string() })
  },
  /** The next chunk of the clip, in order; written and synced before the answer. */
  'evidence:chunk': {
    args: z.strictObject({ sessionId, data: base64(8_000_000) }),
    result: z.object({ chunk: z.number().int(), bytes: z.number().int() })
  },
  /** A still photo (JPEG) taken at a box confirmation. */
  'evidence:still': { args: z.strictObject({ sessionId, boxId: z.string().max(64), data: base64(4_000_000) }), result: z.null() },
  /** Stops and seals the recording. */
  'evidence:stop': { args: z.strictObject({ sessionId, reason: StopReason }), result: EvidenceSession },
  /** An order's recordings, with their markers (scans, boxes, the confirmation) for playback. */
  'evidence:ofOrder': { args: z.strictObject({ orderId: id }), result: z.array(EvidenceSession) }
} as const
