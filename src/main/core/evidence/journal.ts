// An order's packing evidence as it is recorded (issue 17): the clip grows
// chunk by chunk in clip.webm, and journal.jsonl says, one fsynced line at a
// time, what was added: each chunk's place and SHA-256 chained to the one
// before, each marker (a scan, a refusal, a box, the confirmation) with its
// second in the clip, each still photo's hash. A chunk is written and synced
// before its journal line, so after a crash the journal names only whole
// chunks: the clip is cut back to the last one it names (./recording.ts).
import { createHash } from 'node:crypto'
import { z } from 'zod'

export const CLIP_FILE = 'clip.webm'
export const JOURNAL_FILE = 'journal.jsonl'
export const MANIFEST_FILE = 'manifest.json'
export const STILLS_FOLDER = 'stills'

/** What happened at a moment of the clip (SPEC §3–§6 words). */
export const MarkerKind = z.enum(['scan_accepted', 'scan_refused', 'box_saved', 'box_confirmed', 'packing_confirmed'])
export type MarkerKind = z.infer<typeof MarkerKind>

export const Marker = z.object({
  /** Milliseconds from the start of the clip. */
  offsetMs: z.number().int().nonnegative(),
  at: z.string(),
  kind: MarkerKind,
  serial: z.string().nullable(),
  boxId: z.string().nullable(),
  operatorId: z.number().int().nullable(),
  /** The refusal's sentence, or a box's "2 of 3". */
  note: z.string().nullable()
})
export type Marker = z.infer<typeof Marker>

export const ChunkEntry = z.object({
  n: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
  bytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** SHA-256 of the previous chunk's chain and this chunk's hash: a chunk cannot be changed, dropped or moved alone. */
  chain: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string()
})
export type ChunkEntry = z.infer<typeof ChunkEntry>

export const StillEntry = z.object({
  name: z.string().regex(/^[\w.-]+$/),
  sha256: z.string(),
  bytes: z.number().int(),
  offsetMs: z.number().int(),
  at: z.string()
})
export type StillEntry = z.infer<typeof StillEntry>

export const SessionStart = z.object({
  sessionId: z.string(),
  orderId: z.number().int(),
  orderNumber: z.string(),
  channelOrderId: z.string().nullable(),
  stationId: z.string(),
  operatorId: z.number().int().nullable(),
  operatorName: z.string().nullable(),
  mimeType: z.string(),
  startedAt: z.string()
})
export type SessionStart = z.infer<typeof SessionStart>

export const JournalLine = z.discriminatedUnion('t', [
  SessionStart.extend({ t: z.literal('start') }),
  ChunkEntry.extend({ t: z.literal('chunk') }),
  Marker.extend({ t: z.literal('marker') }),
  StillEntry.extend({ t: z.literal('still') }),
  z.object({ t: z.literal('stop'), at: z.string(), reason: z.string() })
])
export type JournalLine = z.infer<typeof JournalLine>

/** The chain before the first chunk: the session's own id, so two clips never share a chain. */
export const chainStart = (sessionId: string): string => sha256(`packing-evidence:${sessionId}`)

export const chainNext = (previous: string, chunkHash: string): string => sha256(`${previous}${chunkHash}`)

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** The journal's lines in order; a torn last line (a crash mid-write) is left out, anything else unreadable throws. */
export function readJournal(text: string): JournalLine[] {
  const lines = text.split('\n')
  const out: JournalLine[] = []
  lines.forEach((line, i) => {
    if (line.trim() === '') return
    try {
      out.push(JournalLine.parse(JSON.parse(line)))
    } catch (error) {
      if (i === lines.length - 1) return
      throw new Error(`journal line ${i + 1} is unreadable: ${(error as Error).message}`)
    }
  })
  return out
}
