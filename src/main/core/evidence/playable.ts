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
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { open } from 'node:fs/promises'
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

/** How far into a clip its first Cluster is looked for: MediaRecorder's header (EBML, Info, Tracks) is a few hundred bytes. */
export const HEAD_SEARCH_BYTES = 1 << 20

const EBML_ID = 0x1a45dfa3
const SEGMENT_ID = 0x18538067
const CLUSTER_ID = 0x1f43b675

/** An EBML variable-length integer at `at`: an element ID keeps its length marker, a size does not. */
function vint(bytes: Uint8Array, at: number, isId: boolean): { value: number; length: number; unknown: boolean } | null {
  const first = bytes[at]
  if (first === undefined || first === 0) return null
  const length = Math.clz32(first) - 23
  if (at + length > bytes.length) return null
  const mask = 0xff >> length
  let value = isId ? first : first & mask
  let unknown = !isId && (first & mask) === mask
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i]!
    unknown &&= bytes[at + i] === 0xff
  }
  return { value, length, unknown }
}

/**
 * Where the clip's first Cluster (the first frames) begins: everything before
 * it (EBML header, Segment, Info, Tracks) is the head the duration is written
 * into, and every byte from it on is the same in the playable video. Read by
 * hand because the duration library parses the whole file into objects (a
 * copy of every frame): for an hour of recording that is gigabytes on the
 * thread that answers scans. Null when `start` is not a WebM laid out that
 * way, or holds no Cluster.
 */
export function firstClusterAt(start: Uint8Array): number | null {
  const header = vint(start, 0, true)
  const headerSize = header && vint(start, header.length, false)
  if (header?.value !== EBML_ID || !headerSize || headerSize.unknown) return null
  let at = header.length + headerSize.length + headerSize.value
  const segment = vint(start, at, true)
  const segmentSize = segment && vint(start, at + segment.length, false)
  if (segment?.value !== SEGMENT_ID || !segmentSize) return null
  at += segment.length + segmentSize.length
  for (;;) {
    const id = vint(start, at, true)
    const size = id && vint(start, at + id.length, false)
    if (!id || !size) return null
    if (id.value === CLUSTER_ID) return at
    if (size.unknown) return null
    at += id.length + size.length + size.value
  }
}

/**
 * SHA-256 of the parts read in order through one megabyte buffer: memory stays flat however long the video, and
 * hashing an hour of it leaves no garbage behind. '' when a part's file is gone.
 */
export async function hashOfParts(parts: VideoPart[]): Promise<string> {
  const hash = createHash('sha256')
  const buffer = Buffer.alloc(1 << 20)
  for (const part of parts) {
    if (!existsSync(part.path)) return ''
    const file = await open(part.path, 'r')
    try {
      for (let at = part.start; at < part.end;) {
        const { bytesRead } = await file.read(buffer, 0, Math.min(buffer.length, part.end - at), at)
        if (bytesRead === 0) break
        hash.update(buffer.subarray(0, bytesRead))
        at += bytesRead
      }
    } finally {
      await file.close()
    }
  }
  return hash.digest('hex')
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
