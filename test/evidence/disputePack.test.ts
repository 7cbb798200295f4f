// The dispute pack (issue 17): an order packed and shipped on a real station,
// its recording sealed, then `evidence export`: one zip with the playable
// video (ffprobe reads its duration), the manifest whose hash matches it, the
// stills, and a PDF summary naming each IMEI's box and second in the video.
// The video is written from its parts: the sealed head and the clip's bytes.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { exportCommand } from '../../src/main/core/evidence/commands'
import { sessionFolder } from '../../src/main/core/evidence/evidenceFolder'
import { sha256 } from '../../src/main/core/evidence/journal'
import { withDuration } from '../../src/main/core/evidence/playable'
import { EvidenceRecording } from '../../src/main/core/evidence/recording'
import { stationKey } from '../../src/main/core/evidence/stationKey'
import { plainFileSecretStore } from '../../src/main/core/sync/secretStore'
import { cleanup, makeDataDir } from '../core/helpers'
import { A, shippingWorld } from '../core/shippingWorld'

afterEach(cleanup)

const liveWebm = (seconds: number) =>
  execFileSync('ffmpeg', [
    ...['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', String(seconds)],
    ...['-c:v', 'libvpx', '-b:v', '200k', '-live', '1', '-f', 'webm', 'pipe:1']
  ])

function output() {
  const lines = { log: [] as string[], error: [] as string[] }
  return { lines, out: { log: (l: string) => lines.log.push(l), error: (l: string) => lines.error.push(l) } }
}

describe('the dispute pack', () => {
  it('holds the video, its seal, the stills and a summary of each IMEI by box and second', async () => {
    const w = shippingWorld()
    await w.signIn('OP-1001')
    const start = w.clock()
    const recording = await EvidenceRecording.begin(sessionFolder(w.dataDir, 'SO-1', '0193bbbb-0000-7000-8000-000000000001'), {
      sessionId: '0193bbbb-0000-7000-8000-000000000001',
      orderId: w.ids.one,
      orderNumber: 'SO-1',
      channelOrderId: '404-0000000-0000001',
      stationId: 'ST-1',
      operatorId: w.op.id,
      operatorName: w.op.name,
      mimeType: 'video/webm;codecs=vp8',
      startedAt: start.toISOString()
    })
    const stream = liveWebm(4)
    await recording.appendChunk(stream.subarray(0, 9000), new Date(start.getTime() + 1000))
    const at = (ms: number) => new Date(start.getTime() + ms).toISOString()
    await recording.marker({ at: at(1500), kind: 'scan_accepted', serial: A(1), boxId: null, operatorId: w.op.id, note: null })
    await recording.marker({ at: at(2600), kind: 'scan_accepted', serial: A(2), boxId: null, operatorId: w.op.id, note: null })
    await recording.appendChunk(stream.subarray(9000), new Date(start.getTime() + 3000))
    await recording.still('box-1.jpg', Buffer.from('a still photo'), new Date(start.getTime() + 3500))
    const manifest = await recording.stop(
      'packing confirmed',
      new Date(start.getTime() + 4000),
      stationKey(plainFileSecretStore(w.dataDir))
    )
    // Sealed once on disk: the clip and the small head of its playable video, no second copy of it.
    const folder = sessionFolder(w.dataDir, 'SO-1', '0193bbbb-0000-7000-8000-000000000001')
    expect(readdirSync(folder).sort()).toEqual(['clip.webm', 'journal.jsonl', 'manifest.json', 'stills', 'video-head.webm'])
    expect(manifest.playable).toMatchObject({ head: 'video-head.webm', bytes: withDuration(stream, 4000)!.length })
    await w.pack(w.ids.one, [A(1), A(2)])
    await w.ship(w.ids.one, '00340434161234567890')

    const target = join(makeDataDir(), 'SO-1-evidence.zip')
    const { lines, out } = output()
    expect(await exportCommand(w.dataDir, 'SO-1', target, out, new Date('2026-11-30T12:00:00Z'))).toBe(0)
    expect(lines.log[0]).toMatch(/SO-1-evidence\.zip: 1 recording\(s\)/)

    const files = unzipSync(readFileSync(target))
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'manifest-1.json', 'stills/1-box-1.jpg', 'summary.pdf', 'video-1.webm'])
    expect(sha256(files['video-1.webm']!)).toBe(manifest.playable!.sha256)
    expect(Buffer.from(files['video-1.webm']!).equals(Buffer.from(withDuration(stream, 4000)!))).toBe(true)
    expect(JSON.parse(Buffer.from(files['manifest-1.json']!).toString()).signature).toBe(manifest.signature)
    expect(Buffer.from(files['stills/1-box-1.jpg']!).toString()).toBe('a still photo')

    const unpacked = makeDataDir()
    writeFileSync(join(unpacked, 'video.webm'), files['video-1.webm']!)
    const seconds = execFileSync(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', join(unpacked, 'video.webm')],
      {
        encoding: 'utf8'
      }
    )
    expect(Number(seconds)).toBeCloseTo(4, 1)

    writeFileSync(join(unpacked, 'summary.pdf'), files['summary.pdf']!)
    const text = execFileSync('pdftotext', ['-layout', join(unpacked, 'summary.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toContain('Order SO-1')
    expect(text).toContain('404-0000000-0000001')
    expect(text).toContain('00340434161234567890')
    expect(text).toMatch(/Box 1 of 1/)
    expect(text).toMatch(new RegExp(`${A(1)}.*0:01 in video-1\\.webm`))
    expect(text).toMatch(new RegExp(`${A(2)}.*0:02 in video-1\\.webm`))
    expect(text).toContain(manifest.playable!.sha256)
  })

  it('says so when the order has no evidence, or its recording is not sealed yet, and writes no file', async () => {
    const w = shippingWorld()
    const target = join(makeDataDir(), 'pack.zip')
    let run = output()
    expect(await exportCommand(w.dataDir, 'SO-2', target, run.out)).toBe(2)
    expect(run.lines.error).toEqual(['There is no packing evidence for order SO-2.'])
    mkdirSync(sessionFolder(w.dataDir, 'SO-2', 'unsealed'), { recursive: true })
    run = output()
    expect(await exportCommand(w.dataDir, 'SO-2', target, run.out)).toBe(2)
    expect(run.lines.error[0]).toMatch(/not sealed yet: it is sealed when the station next starts/)
    run = output()
    expect(await exportCommand(w.dataDir, 'SO-404', target, run.out)).toBe(2)
    expect(run.lines.error).toEqual([`There is no order SO-404 in ${w.dataDir}.`])
    expect(() => readFileSync(target)).toThrow(/ENOENT/)
  })
})
