// A real WebM recorded as a stream (as MediaRecorder writes it: no duration,
// no cues) is sealed into a playable video with its duration, which ffprobe
// (Debian's ffmpeg) reads back; the manifest seals its hash too. The video is
// kept once: a small rewritten head (video-head.webm) plus clip.webm's own
// bytes from where the two join. Recordings sealed before, with the whole
// video in video.webm, still verify, play and export.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { sessionEntries, writeZip } from '../../src/main/core/evidence/disputePack'
import { sessionFolder } from '../../src/main/core/evidence/evidenceFolder'
import { CLIP_FILE, MANIFEST_FILE, sha256 } from '../../src/main/core/evidence/journal'
import { signedText, type Manifest } from '../../src/main/core/evidence/manifest'
import {
  firstClusterAt,
  LEGACY_PLAYABLE_FILE,
  PLAYABLE_HEAD_FILE,
  playableParts,
  splitAtCommonTail,
  withDuration,
  type VideoPart
} from '../../src/main/core/evidence/playable'
import { EvidenceRecording } from '../../src/main/core/evidence/recording'
import { storedSessions } from '../../src/main/core/evidence/retention'
import { stationKey } from '../../src/main/core/evidence/stationKey'
import { verifyEvidence } from '../../src/main/core/evidence/verify'
import { plainFileSecretStore } from '../../src/main/core/sync/secretStore'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'evidence-webm-'))
  dirs.push(dir)
  return dir
}

/** What ffprobe says the file's duration is, in seconds; NaN for "N/A". */
const probedSeconds = (file: string) =>
  Number(
    execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', file], {
      encoding: 'utf8'
    }).trim()
  )

/** The parts read and put together, as a player or a dispute pack gets them. */
const joined = (parts: VideoPart[]) => Buffer.concat(parts.map((p) => readFileSync(p.path).subarray(p.start, p.end)))

const flipByte = (path: string, at: number) => {
  const bytes = readFileSync(path)
  bytes[at] = bytes[at]! ^ 0xff
  writeFileSync(path, bytes)
}

/**
 * Four seconds of test picture, muxed live (-live 1): what a browser's MediaRecorder produces. VP8 in WebM, or H.264
 * in Matroska (the station asks MediaRecorder for H.264 in WebM first; ffmpeg's WebM muxer takes only VP8/VP9/AV1).
 */
const liveStream = (codec: 'vp8' | 'h264' = 'vp8') =>
  execFileSync('ffmpeg', [
    ...['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=10', '-t', '4'],
    ...(codec === 'vp8' ? ['-c:v', 'libvpx', '-f', 'webm'] : ['-c:v', 'libx264', '-f', 'matroska']),
    ...['-b:v', '400k', '-live', '1', 'pipe:1']
  ])

/** A recording of `stream` sent in `pieces` chunks, one a second, then sealed. */
async function sealedRecording(stream: Buffer = liveStream(), pieces = 4) {
  const dir = tempDir()
  const t0 = Date.parse('2026-11-30T09:00:00Z')
  const folder = sessionFolder(dir, 'SO-1', 'webm')
  const key = stationKey(plainFileSecretStore(dir))
  const recording = await EvidenceRecording.begin(folder, {
    sessionId: 'webm',
    orderId: 1,
    orderNumber: 'SO-1',
    channelOrderId: null,
    stationId: 'ST-1',
    operatorId: null,
    operatorName: null,
    mimeType: 'video/webm;codecs=vp8',
    startedAt: new Date(t0).toISOString()
  })
  const size = Math.ceil(stream.length / pieces)
  for (let i = 0; i < pieces; i++) await recording.appendChunk(stream.subarray(i * size, (i + 1) * size), new Date(t0 + (i + 1) * 1000))
  const manifest = await recording.stop('packing confirmed', new Date(t0 + 4000), key)
  return { dir, folder, stream, manifest, key }
}

describe('the playable clip', () => {
  it('is sealed as a small head plus the clip it shares: one copy of the video on disk', async () => {
    const { dir, folder, stream, manifest } = await sealedRecording()
    const clip = join(folder, CLIP_FILE)
    const head = join(folder, PLAYABLE_HEAD_FILE)
    expect(Number.isNaN(probedSeconds(clip))).toBe(true)
    expect(readFileSync(clip)).toEqual(stream)

    expect(readdirSync(folder).sort()).toEqual([CLIP_FILE, 'journal.jsonl', MANIFEST_FILE, 'stills', PLAYABLE_HEAD_FILE])
    expect(statSync(head).size).toBeLessThan(4096)
    // On disk: the clip once, its head, the journal and the manifest; not the clip twice.
    const [stored] = storedSessions(dir)
    const onDisk = readdirSync(folder).reduce((sum, f) => sum + statSync(join(folder, f)).size * (f === 'stills' ? 0 : 1), 0)
    expect(stored!.bytes).toBe(onDisk)
    expect(stored!.bytes).toBeLessThan(stream.length + 16_384)

    // The parts, put together, are exactly what the duration rewrite makes of the clip.
    const expected = Buffer.from(withDuration(stream, 4000)!)
    const video = playableParts(folder, manifest)!
    expect(video.parts).toEqual([
      { path: head, start: 0, end: statSync(head).size },
      { path: clip, start: manifest.playable && 'head' in manifest.playable ? manifest.playable.clipFrom : NaN, end: stream.length }
    ])
    expect(video.bytes).toBe(expected.length)
    expect(joined(video.parts).equals(expected)).toBe(true)
    expect(manifest.playable).toEqual({
      head: PLAYABLE_HEAD_FILE,
      clipFrom: video.parts[1]!.start,
      sha256: sha256(expected),
      bytes: expected.length
    })
    const watched = join(tempDir(), 'watched.webm')
    writeFileSync(watched, joined(video.parts))
    expect(probedSeconds(watched)).toBeCloseTo(4, 1)
    expect(await verifyEvidence(folder)).toMatchObject({ ok: true, problems: [] })
  })

  it('verify names the head after one flipped byte, a missing head, and a changed clip under it', async () => {
    const { folder, manifest } = await sealedRecording()
    const head = join(folder, PLAYABLE_HEAD_FILE)
    const original = readFileSync(head)
    flipByte(head, original.length - 3)
    expect((await verifyEvidence(folder)).problems).toEqual(['video-head.webm was changed'])
    writeFileSync(head, Buffer.concat([original, Buffer.from([0])]))
    expect((await verifyEvidence(folder)).problems).toEqual(['video-head.webm was changed'])
    rmSync(head)
    expect((await verifyEvidence(folder)).problems).toEqual(['video-head.webm is missing'])
    writeFileSync(head, original)
    expect(await verifyEvidence(folder)).toMatchObject({ ok: true })

    const last = manifest.chunks.at(-1)!
    flipByte(join(folder, CLIP_FILE), last.offset + 10)
    expect((await verifyEvidence(folder)).problems).toEqual([
      `clip.webm bytes ${last.offset}–${last.offset + last.bytes - 1} (chunk ${last.n}) were changed`,
      'video-head.webm cannot be checked apart from clip.webm, which was changed: the playable video does not match its seal'
    ])
  })

  it('a recording sealed with the whole video in video.webm still verifies, plays and exports', async () => {
    const { folder, manifest, key } = await sealedRecording()
    // The seal as the station wrote it before the head form: the whole video, its own file.
    const video = joined(playableParts(folder, manifest)!.parts)
    writeFileSync(join(folder, LEGACY_PLAYABLE_FILE), video)
    rmSync(join(folder, PLAYABLE_HEAD_FILE))
    const { signature: _old, ...rest } = manifest
    const body = { ...rest, playable: { file: LEGACY_PLAYABLE_FILE, sha256: sha256(video), bytes: video.length } }
    const old: Manifest = { ...body, signature: key.sign(signedText(body)) }
    writeFileSync(join(folder, MANIFEST_FILE), `${JSON.stringify(old, null, 2)}\n`)

    expect(await verifyEvidence(folder)).toMatchObject({ ok: true, problems: [] })
    const parts = playableParts(folder, old)!
    expect(parts).toEqual({ parts: [{ path: join(folder, LEGACY_PLAYABLE_FILE), start: 0, end: video.length }], bytes: video.length })
    expect(probedSeconds(join(folder, LEGACY_PLAYABLE_FILE))).toBeCloseTo(4, 1)

    const target = join(tempDir(), 'pack.zip')
    await writeZip(target, sessionEntries(folder, 1).entries)
    const files = unzipSync(readFileSync(target))
    expect(Object.keys(files).sort()).toEqual(['manifest-1.json', 'video-1.webm'])
    expect(Buffer.from(files['video-1.webm']!).equals(video)).toBe(true)

    flipByte(join(folder, LEGACY_PLAYABLE_FILE), video.length - 10)
    expect((await verifyEvidence(folder)).problems).toEqual(['video.webm was changed'])
  })

  it('a clip that is not a WebM the library reads has no playable video, and no head on disk', async () => {
    const dir = tempDir()
    const folder = sessionFolder(dir, 'SO-2', 'noise')
    const recording = await EvidenceRecording.begin(folder, {
      sessionId: 'noise',
      orderId: 2,
      orderNumber: 'SO-2',
      channelOrderId: null,
      stationId: 'ST-1',
      operatorId: null,
      operatorName: null,
      mimeType: 'video/webm;codecs=vp8',
      startedAt: new Date(0).toISOString()
    })
    await recording.appendChunk(randomBytes(3000), new Date(1000))
    const manifest = await recording.stop('order left', new Date(2000), stationKey(plainFileSecretStore(dir)))
    expect(manifest.playable).toBeNull()
    expect(playableParts(folder, manifest)).toBeNull()
    expect(existsSync(join(folder, PLAYABLE_HEAD_FILE))).toBe(false)
    expect(await verifyEvidence(folder)).toMatchObject({ ok: true })
  })
})

describe('the seal reads only the head of the clip', () => {
  it.each(['vp8', 'h264'] as const)('rewrites the head alone into the same video as rewriting the whole clip (%s)', async (codec) => {
    const stream = liveStream(codec)
    const clusterAt = firstClusterAt(stream)!
    expect(stream.readUInt32BE(clusterAt)).toBe(0x1f43b675)
    const whole = Buffer.from(withDuration(stream, 4000)!)
    expect(Buffer.concat([withDuration(stream.subarray(0, clusterAt), 4000)!, stream.subarray(clusterAt)]).equals(whole)).toBe(true)

    const { folder, manifest } = await sealedRecording(stream)
    expect(manifest.playable).toMatchObject({ clipFrom: clusterAt, sha256: sha256(whole), bytes: whole.length })
    const watched = join(tempDir(), `watched-${codec}.webm`)
    writeFileSync(watched, joined(playableParts(folder, manifest)!.parts))
    expect(probedSeconds(watched)).toBeCloseTo(4, 1)
    expect(await verifyEvidence(folder)).toMatchObject({ ok: true, problems: [] })
  })

  it('finds no Cluster where there is none to find', () => {
    const stream = liveStream()
    const clusterAt = firstClusterAt(stream)!
    expect(firstClusterAt(stream.subarray(0, clusterAt))).toBeNull()
    expect(firstClusterAt(stream.subarray(0, 20))).toBeNull()
    expect(firstClusterAt(new Uint8Array())).toBeNull()
    expect(firstClusterAt(randomBytes(4096))).toBeNull()
  })

  it('seals 80 MB of recording without holding it in memory', async () => {
    // The header of a real clip, then its frames over and over: 80 MB, sealed as a recording sent in 4 MB chunks.
    const stream = liveStream()
    const clusterAt = firstClusterAt(stream)!
    const frames = stream.subarray(clusterAt)
    const big = Buffer.concat([stream.subarray(0, clusterAt), ...Array.from({ length: Math.ceil(80e6 / frames.length) }, () => frames)])
    let peak = 0
    const before = process.memoryUsage().arrayBuffers
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers - before)), 1)
    try {
      const { manifest } = await sealedRecording(big, 20)
      expect(manifest.clipBytes).toBe(big.length)
      const video = Buffer.concat([withDuration(big.subarray(0, clusterAt), 4000)!, big.subarray(clusterAt)])
      expect(manifest.playable).toMatchObject({ clipFrom: clusterAt, sha256: sha256(video), bytes: video.length })
    } finally {
      clearInterval(sample)
    }
    // Reading the clip whole takes its 80 MB, and the duration library copies it over again while it parses. The seal
    // reads a 1 MB head and hashes through one 1 MB buffer.
    expect(peak).toBeLessThan(8e6)
  })
})

describe('where the playable video joins the clip', () => {
  const check = (fixed: Buffer, clip: Buffer) => {
    const { head, clipFrom } = splitAtCommonTail(fixed, clip)
    expect(Buffer.concat([head, clip.subarray(clipFrom)]).equals(fixed)).toBe(true)
    // The longest common tail: one byte more would not join.
    if (head.length > 0 && clipFrom > 0) expect(head[head.length - 1]).not.toBe(clip[clipFrom - 1])
    return { head: head.length, clipFrom }
  }

  it('finds the join in a clip of several megabytes, whichever side the rewrite made longer', () => {
    const clip = randomBytes(5 * (1 << 20) + 123)
    clip[39] = 0
    const grown = Buffer.concat([clip.subarray(0, 40), Buffer.from([0x44, 0x89, 0x88, 1, 2, 3, 4, 5, 6, 7, 8]), clip.subarray(40)])
    grown[20] = grown[20]! ^ 0xff
    expect(check(grown, clip)).toEqual({ head: 51, clipFrom: 40 })
    const shrunk = Buffer.concat([clip.subarray(0, 30), clip.subarray(36)])
    shrunk[29] = clip[35]! ^ 0x01
    expect(check(shrunk, clip)).toEqual({ head: 30, clipFrom: 36 })
    // A difference just before a block boundary from the end: refined, not rounded to the block.
    const late = Buffer.from(clip)
    const at = late.length - (1 << 20) - (1 << 12) - 7
    late[at] = late[at]! ^ 0xff
    expect(check(late, clip)).toEqual({ head: at + 1, clipFrom: at + 1 })
  })

  it('joins at the end when nothing is shared, and at the start when the clip is all tail', () => {
    const clip = randomBytes(10_000)
    const other = Buffer.from(clip.map((b) => b ^ 0xff))
    expect(check(other, clip)).toEqual({ head: 10_000, clipFrom: 10_000 })
    expect(check(Buffer.concat([randomBytes(5), clip]), clip).clipFrom).toBe(0)
    expect(check(clip.subarray(0), clip)).toEqual({ head: 0, clipFrom: 0 })
  })
})
