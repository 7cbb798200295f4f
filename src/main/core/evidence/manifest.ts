// The seal of an order's evidence: everything the journal says (the chunks
// with their chained hashes, the markers, the stills, who and when), in one
// manifest.json signed with the station's key. The signature covers the
// manifest's text without its `signature` field, keys in the order written
// here, so a verifier needs nothing but this file's rules.
import { z } from 'zod'
import { ChunkEntry, Marker, SessionStart, StillEntry } from './journal'

export const MANIFEST_VERSION = 1

/**
 * The clip with its duration in the header (./playable.ts), for people to
 * watch: the small rewritten head in its own file followed by clip.webm from
 * byte `clipFrom` to its end, so the video is never kept twice on disk.
 * `sha256` and `bytes` are the whole video's, as a player or a dispute pack
 * gets it.
 */
export const PlayableHead = z.object({
  head: z.string(),
  clipFrom: z.number().int().nonnegative(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative()
})
/** As sealed before the head form: the whole video in one file (video.webm). Still read, verified and exported. */
export const PlayableFile = z.object({ file: z.string(), sha256: z.string(), bytes: z.number().int() })
export const Playable = z.union([PlayableHead, PlayableFile])
export type Playable = z.infer<typeof Playable>

export const Manifest = SessionStart.extend({
  version: z.literal(MANIFEST_VERSION),
  stoppedAt: z.string(),
  /** Why the recording stopped: packing confirmed, the order left, or interrupted (the station stopped mid-recording). */
  stopReason: z.string(),
  durationMs: z.number().int().nonnegative(),
  clipBytes: z.number().int().nonnegative(),
  chunks: z.array(ChunkEntry),
  /** The last chunk's chain: the whole clip in one hash. */
  finalChain: z.string(),
  markers: z.array(Marker),
  stills: z.array(StillEntry),
  /** The clip with its duration in the header, for people to watch; null when it could not be made. */
  playable: Playable.nullable(),
  publicKey: z.string(),
  signature: z.string()
})
export type Manifest = z.infer<typeof Manifest>

/** The text the signature covers: the manifest as JSON, without its signature. */
export function signedText(manifest: Omit<Manifest, 'signature'> & { signature?: string }): string {
  const { signature: _ignored, ...rest } = manifest
  return JSON.stringify(rest)
}
