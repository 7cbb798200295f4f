// A real WebM recorded as a stream (as MediaRecorder writes it: no duration,
// no cues) is sealed into video.webm with its duration, which ffprobe
// (Debian's ffmpeg) reads back; the manifest seals its hash too.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sessionFolder } from '../../src/main/core/evidence/evidenceFolder'
import { CLIP_FILE } from '../../src/main/core/evidence/journal'
import { PLAYABLE_FILE } from '../../src/main/core/evidence/playable'
import { EvidenceRecording } from '../../src/main/core/evidence/recording'
import { stationKey } from '../../src/main/core/evidence/stationKey'
import { verifyEvidence } from '../../src/main/core/evidence/verify'
import { plainFileSecretStore } from '../../src/main/core/sync/secretStore'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** What ffprobe says the file's duration is, in seconds; NaN for "N/A". */
const probedSeconds = (file: string) =>
  Number(
    execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', file], {
      encoding: 'utf8'
    }).trim()
  )

describe('the playable clip', () => {
  it('a streamed WebM is sealed with its duration, and its hash is checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evidence-webm-'))
    dirs.push(dir)
    // Four seconds of test picture, muxed live (-live 1): what a browser's MediaRecorder produces.
    const stream = execFileSync('ffmpeg', [
      ...['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '4'],
      ...['-c:v', 'libvpx', '-b:v', '200k', '-live', '1', '-f', 'webm', 'pipe:1']
    ])
    const t0 = Date.parse('2026-11-30T09:00:00Z')
    const folder = sessionFolder(dir, 'SO-1', 'webm')
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
    const pieces = 4
    const size = Math.ceil(stream.length / pieces)
    for (let i = 0; i < pieces; i++) await recording.appendChunk(stream.subarray(i * size, (i + 1) * size), new Date(t0 + (i + 1) * 1000))
    const manifest = await recording.stop('packing confirmed', new Date(t0 + 4000), stationKey(plainFileSecretStore(dir)))

    expect(Number.isNaN(probedSeconds(join(folder, CLIP_FILE)))).toBe(true)
    expect(manifest.playable).toMatchObject({ file: PLAYABLE_FILE })
    expect(probedSeconds(join(folder, PLAYABLE_FILE))).toBeCloseTo(4, 1)
    expect(await verifyEvidence(folder)).toMatchObject({ ok: true })

    const video = readFileSync(join(folder, PLAYABLE_FILE))
    video[video.length - 10] = video[video.length - 10]! ^ 0xff
    writeFileSync(join(folder, PLAYABLE_FILE), video)
    expect((await verifyEvidence(folder)).problems).toEqual(['video.webm was changed'])
  })
})
