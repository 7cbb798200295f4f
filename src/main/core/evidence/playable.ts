// A clip a person can play and seek: MediaRecorder writes WebM as a stream,
// with no duration in its header, so players show no length and cannot seek.
// At the seal the station makes the clip with its duration set (the
// @fix-webm-duration library rewrites the header's Info section) and keeps
// only what differs: the rewritten head, in video-head.webm (a few KB). The
// playable video is that head followed by clip.webm from `clipFrom` to its
// end; the manifest seals the whole video's hash. The recorded clip.webm stays
// as it was recorded, chunk by chunk, for the chunk hashes, and the video is
// never on disk twice. Recordings sealed before kept the whole video in
// video.webm: `playableParts` reads both.
import { join } from 'node:path'
import { fixParsedWebmDuration } from '@fix-webm-duration/fix'
import { WebmFile } from '@fix-webm-duration/parser'
import { CLIP_FILE } from './journal'
import type { Manifest } from './manifest'

/** The rewritten head of the playable video; the rest of it is clip.webm's own bytes. */
export const PLAYABLE_HEAD_FILE = 'video-head.webm'
/** The whole playable video, as recordings sealed before the head form kept it. */
export const LEGACY_PLAYABLE_FILE = 'video.webm'

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

/** Blocks compared at once, then within the first block that differs, then byte by byte. */
const BLOCKS = [1 << 20, 1 << 12, 1]

/**
 * Where `fixed` (the clip with its duration) joins `clip`: the longest tail
 * the two share, so that fixed = head + clip[clipFrom..]. Compared from the
 * end in large blocks (Buffer.equals, a memcmp), then refined inside the block
 * that differs: a clip of a gigabyte is never walked byte by byte in JS.
 */
export function splitAtCommonTail(fixed: Uint8Array, clip: Uint8Array): { head: Uint8Array; clipFrom: number } {
  const a = Buffer.from(fixed.buffer, fixed.byteOffset, fixed.byteLength)
  const b = Buffer.from(clip.buffer, clip.byteOffset, clip.byteLength)
  const most = Math.min(a.length, b.length)
  let common = 0
  for (const block of BLOCKS) {
    while (common < most) {
      const step = Math.min(block, most - common)
      const tailA = a.subarray(a.length - common - step, a.length - common)
      const tailB = b.subarray(b.length - common - step, b.length - common)
      if (!tailA.equals(tailB)) break
      common += step
    }
  }
  return { head: fixed.subarray(0, fixed.length - common), clipFrom: clip.length - common }
}

/** A byte range of one file: `start` inclusive, `end` exclusive. */
export type VideoPart = { path: string; start: number; end: number }

/**
 * The parts that, read in order and concatenated, are a sealed recording's
 * playable video: the head file whole, then clip.webm from `clipFrom` to its
 * end; or, as sealed before, video.webm whole. Null when the recording has no
 * playable video. The ranges are the ones sealed (from the manifest, the disk
 * is not read): whether the files still hold those bytes is ./verify.ts's
 * question. `bytes` is the whole video's length, the sum of the parts.
 */
export function playableParts(folder: string, manifest: Manifest): { parts: VideoPart[]; bytes: number } | null {
  const playable = manifest.playable
  if (!playable) return null
  if (!('head' in playable)) return { parts: [{ path: join(folder, playable.file), start: 0, end: playable.bytes }], bytes: playable.bytes }
  const tail = manifest.clipBytes - playable.clipFrom
  const parts: VideoPart[] = [
    { path: join(folder, playable.head), start: 0, end: playable.bytes - tail },
    { path: join(folder, CLIP_FILE), start: playable.clipFrom, end: manifest.clipBytes }
  ]
  return { parts: parts.filter((p) => p.end > p.start), bytes: playable.bytes }
}
