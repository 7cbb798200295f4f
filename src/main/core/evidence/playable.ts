// A clip a person can play and seek: MediaRecorder writes WebM as a stream,
// with no duration in its header, so players show no length and cannot seek.
// At the seal the station writes video.webm, the clip with its duration set
// (the @fix-webm-duration library rewrites the header's Info section), and
// the manifest seals its hash too. The recorded clip.webm stays as it was
// recorded, chunk by chunk, for the chunk hashes.
import { fixParsedWebmDuration } from '@fix-webm-duration/fix'
import { WebmFile } from '@fix-webm-duration/parser'

export const PLAYABLE_FILE = 'video.webm'

/** The clip with its duration in the header; null when it is not a WebM the library can read, or already has one. */
export function withDuration(clip: Uint8Array, durationMs: number): Uint8Array | null {
  if (clip.length === 0) return null
  try {
    const file = new WebmFile(clip)
    if (!fixParsedWebmDuration(file, durationMs, { logger: false }) || !file.source) return null
    return file.source
  } catch {
    return null
  }
}
