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

/** A folder a person names (a full path); blank: the station's own folder. */
const exportFolder = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(1000).optional())

export const DisputePackWritten = z.object({
  /** The zip's full path. */
  path: z.string(),
  bytes: z.number().int(),
  recordings: z.number().int(),
  /** Recordings left out because they are not sealed yet (sealed at the next start). */
  leftOut: z.array(z.string())
})

export const DisputeKeep = z.object({ orderNumber: z.string(), reason: z.string(), keptBy: z.string(), keptAt: z.string() })
export type DisputeKeep = z.infer<typeof DisputeKeep>

export const EvidenceUsage = z.object({
  enabled: z.boolean(),
  usedBytes: z.number().int(),
  quotaBytes: z.number().int(),
  /** `near`: past the warning share of the quota (the oldest go soon); `over`: over it with everything kept for returns or disputes. */
  level: z.enum(['ok', 'near', 'over'])
})
export type EvidenceUsage = z.infer<typeof EvidenceUsage>

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
  'evidence:ofOrder': { args: z.strictObject({ orderId: id }), result: z.array(EvidenceSession) },
  /**
   * A shift lead opens a sealed recording to watch: the answer is a short-lived address on the
   * station's own origin (app://station or the browser host) that serves the video with seeking.
   */
  'evidence:watch': {
    args: z.strictObject({ orderId: id, sessionId, approval: Approval }),
    result: z.object({ url: z.string(), expiresAt: z.string(), durationMs: z.number().int().nullable() })
  },
  /** The order's dispute pack (zip: videos, stills, manifests, PDF summary) into the data folder's dispute-packs/ or a folder named. */
  'evidence:export': { args: z.strictObject({ orderId: id, folder: exportFolder, approval: Approval }), result: DisputePackWritten },
  /** Whether a shift lead keeps this order's evidence for an open dispute (retention never deletes it). */
  'evidence:keepOf': { args: z.strictObject({ orderId: id }), result: DisputeKeep.nullable() },
  'evidence:keep': {
    args: z.strictObject({ orderId: id, reason: z.string().trim().min(1).max(500), approval: Approval }),
    result: DisputeKeep
  },
  'evidence:release': { args: z.strictObject({ orderId: id, approval: Approval }), result: z.null() },
  /** How much disk the evidence takes against its quota, for the status bar's warning. */
  'evidence:usage': { args: z.strictObject({}), result: EvidenceUsage }
} as const
