// Packing evidence on disk (issue 17): a recording's chunks, markers and
// stills are sealed into a signed manifest; verify names any byte that
// changed; a station killed mid-recording leaves a clip that seals up to the
// last whole chunk.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyCommand } from '../../src/main/core/evidence/commands'
import { sessionFolder, unsealedSessions } from '../../src/main/core/evidence/evidenceFolder'
import { CLIP_FILE, JOURNAL_FILE, MANIFEST_FILE, STILLS_FOLDER } from '../../src/main/core/evidence/journal'
import { EvidenceRecording, seal } from '../../src/main/core/evidence/recording'
import { stationKey } from '../../src/main/core/evidence/stationKey'
import { verifyEvidence } from '../../src/main/core/evidence/verify'
import { plainFileSecretStore } from '../../src/main/core/sync/secretStore'
import { stationCli } from '../db/dbHelpers'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'evidence-'))
  dirs.push(dir)
  return dir
}
const SESSION = '0193aaaa-0000-7000-8000-0000000000aa'
const T0 = Date.parse('2026-11-30T09:00:00Z')
const at = (ms: number) => new Date(T0 + ms)

async function recordOrder(dir: string) {
  const key = stationKey(plainFileSecretStore(dir))
  const folder = sessionFolder(dir, 'SO-1001', SESSION)
  const recording = await EvidenceRecording.begin(folder, {
    sessionId: SESSION,
    orderId: 7,
    orderNumber: 'SO-1001',
    channelOrderId: '404-7483840-3467836',
    stationId: 'ST-1',
    operatorId: 2,
    operatorName: 'Marek Nowak',
    mimeType: 'video/webm;codecs=vp8',
    startedAt: at(0).toISOString()
  })
  const chunks = [randomBytes(5000), randomBytes(7000), randomBytes(3000)]
  await recording.appendChunk(chunks[0]!, at(1000))
  await recording.marker({
    at: at(1500).toISOString(),
    kind: 'scan_accepted',
    serial: '353916110000018',
    boxId: null,
    operatorId: 2,
    note: null
  })
  await recording.marker({
    at: at(1900).toISOString(),
    kind: 'scan_refused',
    serial: '353916110000018',
    boxId: null,
    operatorId: 2,
    note: 'Duplicate'
  })
  await recording.appendChunk(chunks[1]!, at(2000))
  await recording.still('box-1.jpg', randomBytes(900), at(2500))
  await recording.marker({ at: at(2500).toISOString(), kind: 'box_confirmed', serial: null, boxId: 'BOX-1', operatorId: 2, note: '1 of 1' })
  await recording.appendChunk(chunks[2]!, at(3000))
  const manifest = await recording.stop('packing confirmed', at(3200), key)
  return { key, folder, chunks, manifest, recording }
}

describe('packing evidence', () => {
  it('seals chunks, markers and stills into a signed manifest that verifies', async () => {
    const dir = dataDir()
    const { folder, chunks, manifest } = await recordOrder(dir)
    expect(readFileSync(join(folder, CLIP_FILE))).toEqual(Buffer.concat(chunks))
    expect(manifest).toMatchObject({ orderNumber: 'SO-1001', stopReason: 'packing confirmed', durationMs: 3200, clipBytes: 15000 })
    expect(manifest.chunks.map((c) => [c.n, c.offset, c.bytes])).toEqual([
      [1, 0, 5000],
      [2, 5000, 7000],
      [3, 12000, 3000]
    ])
    expect(manifest.markers.map((m) => [m.kind, m.offsetMs])).toEqual([
      ['scan_accepted', 1500],
      ['scan_refused', 1900],
      ['box_confirmed', 2500]
    ])
    expect(manifest.stills).toMatchObject([{ name: 'box-1.jpg', bytes: 900, offsetMs: 2500 }])
    expect(await verifyEvidence(folder)).toMatchObject({ ok: true, problems: [] })
    const out = { log: [] as string[], error: [] as string[] }
    const code = await verifyCommand(dir, 'SO-1001', { log: (l: string) => out.log.push(l), error: (l: string) => out.error.push(l) })
    expect(out.error).toEqual([])
    expect(code).toBe(0)
    expect(out.log[0]).toMatch(/SO-1001 .*: intact \(.*3 chunks, 3 markers, 1 stills\)/)
  })

  it('names a flipped byte of the clip by its chunk, and the command exits 1', async () => {
    const dir = dataDir()
    const { folder } = await recordOrder(dir)
    const clip = readFileSync(join(folder, CLIP_FILE))
    clip[6000] = clip[6000]! ^ 0xff
    writeFileSync(join(folder, CLIP_FILE), clip)
    const verdict = await verifyEvidence(folder)
    expect(verdict.ok).toBe(false)
    expect(verdict.problems).toEqual(['clip.webm bytes 5000–11999 (chunk 2) were changed'])
    const errors: string[] = []
    expect(await verifyCommand(dir, 'SO-1001', { log: () => {}, error: (l: string) => errors.push(l) })).toBe(1)
    expect(errors.join('\n')).toMatch(/NOT intact[\s\S]*chunk 2\) were changed/)
  })

  it('names an edited marker (the seal), a changed still and a cut clip', async () => {
    const dir = dataDir()
    const { folder } = await recordOrder(dir)
    const path = join(folder, MANIFEST_FILE)
    const manifest = JSON.parse(readFileSync(path, 'utf8'))
    manifest.markers[0].serial = '353916110000026'
    writeFileSync(path, JSON.stringify(manifest, null, 2))
    const still = join(folder, STILLS_FOLDER, 'box-1.jpg')
    writeFileSync(still, Buffer.concat([readFileSync(still), Buffer.from([0])]))
    const clip = join(folder, CLIP_FILE)
    writeFileSync(clip, readFileSync(clip).subarray(0, 14000))
    expect((await verifyEvidence(folder)).problems).toEqual([
      'manifest.json was changed after it was sealed: its signature does not match',
      'clip.webm is 14000 bytes; it was sealed at 15000',
      'still box-1.jpg was changed'
    ])
  })

  it('npm run station -- evidence verify: exit 0 intact, 1 after one flipped byte', { timeout: 90_000 }, async () => {
    const dir = dataDir()
    const { folder } = await recordOrder(dir)
    expect(await stationCli('evidence', 'verify', 'SO-1001', '--data-dir', dir)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/intact/)
    })
    const clip = readFileSync(join(folder, CLIP_FILE))
    clip[42] = clip[42]! ^ 0x01
    writeFileSync(join(folder, CLIP_FILE), clip)
    expect(await stationCli('evidence', 'verify', 'SO-1001', '--data-dir', dir)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('clip.webm bytes 0–4999 (chunk 1) were changed')
    })
  })

  it('tells a seal made with another key than the station’s', async () => {
    const dir = dataDir()
    const { folder } = await recordOrder(dir)
    const other = stationKey(plainFileSecretStore(dataDir()))
    expect((await verifyEvidence(folder, other.publicKey)).problems).toEqual([
      "manifest.json is sealed with another key than this station's"
    ])
    expect((await verifyEvidence(folder, stationKey(plainFileSecretStore(dir)).publicKey)).ok).toBe(true)
  })

  it('takes nothing more once stopped', async () => {
    const { recording } = await recordOrder(dataDir())
    await expect(recording.appendChunk(randomBytes(10), at(4000))).rejects.toThrow(/stopped/)
  })

  it('says so when an order has no evidence (exit 2)', async () => {
    const errors: string[] = []
    expect(await verifyCommand(dataDir(), 'SO-404', { log: () => {}, error: (l: string) => errors.push(l) })).toBe(2)
    expect(errors[0]).toMatch(/no packing evidence for order SO-404/)
  })

  it('a station killed mid-recording leaves a clip that seals up to its last whole chunk', async () => {
    const dir = dataDir()
    const folder = sessionFolder(dir, 'SO-KILL', 'kill')
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'recordingProcess.ts'), folder], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let reported = 0
    await new Promise<void>((resolve, reject) => {
      child.on('exit', () => reject(new Error('the recording process ended by itself')))
      child.stdout.on('data', (data: Buffer) => {
        const last = /chunk (\d+)\n$/.exec(data.toString())
        if (last) reported = Number(last[1])
        if (reported >= 15) {
          child.kill('SIGKILL')
          resolve()
        }
      })
    })
    await new Promise((resolve) => child.once('exit', resolve))
    expect(unsealedSessions(dir)).toEqual([folder])
    // A torn journal line, as a kill during its write leaves it, is read past.
    appendFileSync(join(folder, JOURNAL_FILE), '{"t":"chunk","n":')
    const manifest = await seal(folder, stationKey(plainFileSecretStore(dir)), new Date())
    expect(manifest.stopReason).toBe('interrupted')
    expect(manifest.chunks.length).toBeGreaterThanOrEqual(reported)
    expect(manifest.chunks.map((c) => c.n)).toEqual(manifest.chunks.map((_, i) => i + 1))
    expect(statSync(join(folder, CLIP_FILE)).size).toBe(manifest.clipBytes)
    expect(await verifyEvidence(folder)).toMatchObject({ ok: true })
    expect(unsealedSessions(dir)).toEqual([])
  })
})
