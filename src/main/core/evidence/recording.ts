// One order's recording as it happens: chunks appended to the clip, markers
// and stills to the journal, then the seal (./journal.ts, ./manifest.ts).
// Every write is asynchronous and queued in order, off the thread that
// answers scans: a chunk and its fsync never hold up a scan. A chunk is on
// disk (fsynced) before its journal line is written, so the journal never
// names bytes that a crash could lose.
import { mkdir, open, readFile, rename, rm, stat, truncate, writeFile, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import {
  chainNext,
  chainStart,
  CLIP_FILE,
  JOURNAL_FILE,
  MANIFEST_FILE,
  readJournal,
  sha256,
  STILLS_FOLDER,
  type ChunkEntry,
  type JournalLine,
  type Marker,
  type SessionStart,
  type StillEntry
} from './journal'
import { MANIFEST_VERSION, signedText, type Manifest, type Playable } from './manifest'
import {
  firstClusterAt,
  hashOfParts,
  HEAD_SEARCH_BYTES,
  LEGACY_PLAYABLE_FILE,
  PLAYABLE_HEAD_FILE,
  splitAtCommonTail,
  withDuration
} from './playable'
import type { StationKey } from './stationKey'

export class EvidenceRecording {
  private queue: Promise<unknown> = Promise.resolve()
  private chunkCount = 0
  private clipBytes = 0
  private chain: string
  private stopped = false

  private constructor(
    readonly folder: string,
    readonly start: SessionStart,
    private readonly clip: FileHandle,
    private readonly journal: FileHandle
  ) {
    this.chain = chainStart(start.sessionId)
  }

  static async begin(folder: string, start: SessionStart): Promise<EvidenceRecording> {
    await mkdir(join(folder, STILLS_FOLDER), { recursive: true })
    const clip = await open(join(folder, CLIP_FILE), 'wx')
    const journal = await open(join(folder, JOURNAL_FILE), 'ax')
    const recording = new EvidenceRecording(folder, start, clip, journal)
    await recording.write({ t: 'start', ...start }, true)
    return recording
  }

  /** Milliseconds from the start of the clip to `at`. */
  offsetOf(at: Date): number {
    return Math.max(0, at.getTime() - Date.parse(this.start.startedAt))
  }

  appendChunk(bytes: Uint8Array, at: Date): Promise<ChunkEntry> {
    return this.enqueue(async () => {
      const entry: ChunkEntry = {
        n: ++this.chunkCount,
        offset: this.clipBytes,
        bytes: bytes.length,
        sha256: sha256(bytes),
        chain: '',
        at: at.toISOString()
      }
      entry.chain = chainNext(this.chain, entry.sha256)
      await this.clip.write(bytes, 0, bytes.length, entry.offset)
      await this.clip.datasync()
      this.chain = entry.chain
      this.clipBytes += bytes.length
      await this.write({ t: 'chunk', ...entry }, true)
      return entry
    })
  }

  /** Markers are journalled in order and synced with the next chunk: a scan never waits for a disk sync. */
  marker(marker: Omit<Marker, 'offsetMs'> & { offsetMs?: number }): Promise<void> {
    const offsetMs = marker.offsetMs ?? this.offsetOf(new Date(marker.at))
    return this.enqueue(() => this.write({ t: 'marker', ...marker, offsetMs }, false))
  }

  still(name: string, bytes: Uint8Array, at: Date): Promise<StillEntry> {
    return this.enqueue(async () => {
      const entry: StillEntry = { name, sha256: sha256(bytes), bytes: bytes.length, offsetMs: this.offsetOf(at), at: at.toISOString() }
      await writeFile(join(this.folder, STILLS_FOLDER, name), bytes, { flag: 'wx' })
      await this.write({ t: 'still', ...entry }, true)
      return entry
    })
  }

  /** Stops and seals: the manifest, signed, written next to the clip. */
  stop(reason: string, at: Date, key: StationKey): Promise<Manifest> {
    return this.enqueue(async () => {
      this.stopped = true
      await this.write({ t: 'stop', at: at.toISOString(), reason }, true)
      await this.clip.close()
      await this.journal.close()
      return seal(this.folder, key)
    })
  }

  /** In order, one at a time; after the stop, nothing more is taken. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => {
      if (this.stopped) throw new Error('This recording is stopped: nothing more is added to it.')
      return work()
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  private async write(line: JournalLine, sync: boolean): Promise<void> {
    await this.journal.appendFile(`${JSON.stringify(line)}\n`)
    if (sync) await this.journal.datasync()
  }
}

/**
 * Seals a session folder from its journal: the clip is cut back to the last
 * chunk the journal names (a chunk written when the station stopped, without
 * its line, is the one a crash may lose), and the signed manifest is written.
 * A journal without a stop line is sealed as interrupted.
 */
export async function seal(folder: string, key: StationKey, interruptedAt?: Date): Promise<Manifest> {
  const lines = readJournal(await readFile(join(folder, JOURNAL_FILE), 'utf8'))
  const start = lines.find((l) => l.t === 'start')
  if (!start || start.t !== 'start') throw new Error(`${folder}: the journal has no start`)
  const chunks = lines.flatMap((l) => (l.t === 'chunk' ? [stripT(l)] : []))
  const stop = lines.find((l) => l.t === 'stop')
  const clipBytes = chunks.reduce((sum, c) => sum + c.bytes, 0)
  const clipFile = join(folder, CLIP_FILE)
  if ((await stat(clipFile)).size > clipBytes) await truncate(clipFile, clipBytes)
  const stoppedAt = stop?.t === 'stop' ? stop.at : (chunks.at(-1)?.at ?? (interruptedAt ?? new Date()).toISOString())
  const { t: _start, ...session } = start
  const durationMs = Math.max(0, Date.parse(stoppedAt) - Date.parse(session.startedAt))
  const playable = await writePlayableHead(folder, clipFile, clipBytes, durationMs)
  const body: Omit<Manifest, 'signature'> = {
    version: MANIFEST_VERSION,
    ...session,
    stoppedAt,
    stopReason: stop?.t === 'stop' ? stop.reason : 'interrupted',
    durationMs,
    clipBytes,
    chunks,
    finalChain: chunks.at(-1)?.chain ?? chainStart(session.sessionId),
    markers: lines.flatMap((l) => (l.t === 'marker' ? [stripT(l)] : [])),
    stills: lines.flatMap((l) => (l.t === 'still' ? [stripT(l)] : [])),
    playable,
    publicKey: key.publicKey
  }
  const manifest: Manifest = { ...body, signature: key.sign(signedText(body)) }
  const path = join(folder, MANIFEST_FILE)
  await writeFile(`${path}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`)
  await rename(`${path}.tmp`, path)
  return manifest
}

/**
 * The playable video (./playable.ts): the clip with its duration, of which
 * only the head that differs from the clip is written (video-head.webm, synced
 * before the manifest names it); the rest is the clip's own bytes from
 * `clipFrom`. Only the clip's head is read and rewritten (up to its first
 * Cluster): sealing an hour of recording must not hold the hour in memory on
 * the thread that answers the next order's scans. A clip laid out otherwise
 * is read whole, as before. A whole video.webm left by an earlier seal of this
 * session is removed: the manifest about to be written names the head.
 */
async function writePlayableHead(folder: string, clipFile: string, clipBytes: number, durationMs: number): Promise<Playable | null> {
  await rm(join(folder, LEGACY_PLAYABLE_FILE), { force: true })
  const split = await durationHead(clipFile, clipBytes, durationMs)
  if (!split) return null
  const headFile = join(folder, PLAYABLE_HEAD_FILE)
  const file = await open(headFile, 'w')
  try {
    await file.writeFile(split.head)
    await file.datasync()
  } finally {
    await file.close()
  }
  const parts = [
    { path: headFile, start: 0, end: split.head.length },
    { path: clipFile, start: split.clipFrom, end: clipBytes }
  ]
  const bytes = split.head.length + clipBytes - split.clipFrom
  return { head: PLAYABLE_HEAD_FILE, clipFrom: split.clipFrom, sha256: await hashOfParts(parts.filter((p) => p.end > p.start)), bytes }
}

/** The head with the duration written in, and where in the clip the rest of the video starts; null when it has none to give. */
async function durationHead(
  clipFile: string,
  clipBytes: number,
  durationMs: number
): Promise<{ head: Uint8Array; clipFrom: number } | null> {
  const start = await readStart(clipFile, Math.min(clipBytes, HEAD_SEARCH_BYTES))
  const clusterAt = firstClusterAt(start)
  if (clusterAt !== null) {
    const head = withDuration(start.subarray(0, clusterAt), durationMs)
    return head && { head, clipFrom: clusterAt }
  }
  const clip = (await readFile(clipFile)).subarray(0, clipBytes)
  const video = withDuration(clip, durationMs)
  return video && splitAtCommonTail(video, clip)
}

async function readStart(path: string, bytes: number): Promise<Uint8Array> {
  const file = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    const { bytesRead } = await file.read(buffer, 0, bytes, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await file.close()
  }
}

function stripT<T extends { t: string }>(line: T): Omit<T, 't'> {
  const { t: _t, ...rest } = line
  return rest
}
