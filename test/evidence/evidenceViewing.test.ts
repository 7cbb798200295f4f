// What a shift lead does with an order's evidence (issue 17), through the
// contract and the station's media answer as both hosts serve it: watching a
// sealed recording (approved, short-lived, seekable by byte ranges), the
// dispute pack from the order screen, keeping evidence for a dispute, and the
// quota figure the status bar warns from.
import { execFileSync } from 'node:child_process'
import { closeSync, existsSync, openSync, readdirSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sessionFolder } from '../../src/main/core/evidence/evidenceFolder'
import { GRANT_MS } from '../../src/main/core/evidence/mediaGrants'
import { applyRetention } from '../../src/main/core/evidence/retention'
import { withDuration } from '../../src/main/core/evidence/playable'
import { cleanup } from '../core/helpers'
import { A, LEAD_APPROVAL, shippingWorld } from '../core/shippingWorld'

afterEach(cleanup)

const webm = execFileSync('ffmpeg', [
  ...['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '3'],
  ...['-c:v', 'libvpx', '-b:v', '200k', '-live', '1', '-f', 'webm', 'pipe:1']
])
const ON = { enabled: true, cameraId: null, retentionDays: 30, quotaMb: 1000 }

/** A world with order one packed while recorded (two chunks), its recording sealed. */
async function recordedWorld() {
  const w = shippingWorld()
  await w.signIn('OP-1001')
  await w.call('evidence:saveSettings', { ...ON, approval: LEAD_APPROVAL })
  const { sessionId } = await w.call('evidence:start', { orderId: w.ids.one, mimeType: 'video/webm;codecs=vp8' })
  await w.call('evidence:chunk', { sessionId, data: webm.subarray(0, 9000).toString('base64') })
  await w.call('evidence:chunk', { sessionId, data: webm.subarray(9000).toString('base64') })
  w.time.advance(3000)
  await w.pack(w.ids.one, [A(1), A(2)])
  await expect.poll(async () => (await w.call('evidence:ofOrder', { orderId: w.ids.one }))[0]?.sealed, { timeout: 10_000 }).toBe(true)
  const media = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    w.station.media!(path, { method, headers: new Headers(headers) })
  return { ...w, sessionId, media }
}

const bytesOf = async (response: Response | null) => Buffer.from(await response!.arrayBuffer())

describe('watching a recording', () => {
  it('needs a shift lead’s approval, and changes nothing when refused', async () => {
    const w = await recordedWorld()
    const refused = await w.refusal(w.call('evidence:watch', { orderId: w.ids.one, sessionId: w.sessionId } as never))
    expect(refused.code).toBe('invalid_arguments')
    const wrongPin = await w.refusal(
      w.call('evidence:watch', { orderId: w.ids.one, sessionId: w.sessionId, approval: { badgeCode: 'OP-9001', pin: '9999' } })
    )
    expect(wrongPin.message).toMatch(/PIN/)
  })

  it('serves the sealed video with its duration, whole and by byte ranges, while the grant lasts', async () => {
    const w = await recordedWorld()
    const watched = await w.call('evidence:watch', { orderId: w.ids.one, sessionId: w.sessionId, approval: LEAD_APPROVAL })
    expect(watched.url).toMatch(/^\/evidence-media\/[A-Za-z0-9_-]{32}\/video\.webm$/)
    expect(watched.durationMs).toBeGreaterThan(0)
    const expected = Buffer.from(withDuration(webm, watched.durationMs!)!)

    const whole = w.media(watched.url)!
    expect(whole.status).toBe(200)
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    expect(whole.headers.get('content-type')).toBe('video/webm')
    expect((await bytesOf(whole)).equals(expected)).toBe(true)

    // A seek: the bytes from an offset across the head / clip boundary, then the last 100 bytes.
    const part = w.media(watched.url, { range: 'bytes=100-20099' })!
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 100-20099/${expected.length}`)
    expect((await bytesOf(part)).equals(expected.subarray(100, 20100))).toBe(true)
    const tail = w.media(watched.url, { range: 'bytes=-100' })!
    expect((await bytesOf(tail)).equals(expected.subarray(expected.length - 100))).toBe(true)
    const open = w.media(watched.url, { range: `bytes=${expected.length - 10}-` })!
    expect((await bytesOf(open)).equals(expected.subarray(expected.length - 10))).toBe(true)
    const beyond = w.media(watched.url, { range: `bytes=${expected.length}-` })!
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('content-range')).toBe(`bytes */${expected.length}`)
    const head = w.media(watched.url, {}, 'HEAD')!
    expect(head.headers.get('content-length')).toBe(String(expected.length))
    expect(head.body).toBeNull()

    // Another path, an unknown token, an expired grant: nothing is served.
    expect(w.media('/index.html')).toBeNull()
    expect(w.media(watched.url.replace(/media\/./, 'media/x'))!.status).toBe(404)
    w.time.advance(GRANT_MS)
    expect(w.media(watched.url)!.status).toBe(404)
  })

  it('ends every viewing at sign-out', async () => {
    const w = await recordedWorld()
    const watched = await w.call('evidence:watch', { orderId: w.ids.one, sessionId: w.sessionId, approval: LEAD_APPROVAL })
    expect(w.media(watched.url)!.status).toBe(200)
    await w.call('operators:signOut', {})
    expect(w.media(watched.url)!.status).toBe(404)
  })

  it('refuses a recording that is not sealed yet, or that does not exist', async () => {
    const w = await recordedWorld()
    const { sessionId } = await w.call('evidence:start', { orderId: w.ids.two, mimeType: 'video/webm' })
    const refused = await w.refusal(w.call('evidence:watch', { orderId: w.ids.two, sessionId, approval: LEAD_APPROVAL }))
    expect(refused).toMatchObject({ code: 'not_sealed', message: expect.stringMatching(/SO-2.*not sealed yet/) })
    const missing = await w.refusal(
      w.call('evidence:watch', { orderId: w.ids.two, sessionId: '00000000-0000-0000-0000-000000000000', approval: LEAD_APPROVAL })
    )
    expect(missing.code).toBe('not_found')
  })
})

describe('the dispute pack from the order screen', () => {
  it('is written into the data folder’s dispute-packs/ with the videos, manifests and summary', async () => {
    const w = await recordedWorld()
    const pack = await w.call('evidence:export', { orderId: w.ids.one, approval: LEAD_APPROVAL })
    expect(pack).toMatchObject({ recordings: 1, leftOut: [] })
    expect(pack.path.startsWith(join(w.dataDir, 'dispute-packs'))).toBe(true)
    expect(pack.path).toMatch(/SO-1-dispute-pack-\d{8}T\d{6}Z\.zip$/)
    const names = execFileSync('unzip', ['-Z1', pack.path], { encoding: 'utf8' }).trim().split('\n')
    expect(names).toEqual(expect.arrayContaining(['README.txt', 'summary.pdf', 'video-1.webm', 'manifest-1.json']))
  })

  it('is refused for an order with no evidence, and nothing is written', async () => {
    const w = await recordedWorld()
    const refused = await w.refusal(w.call('evidence:export', { orderId: w.ids.three, approval: LEAD_APPROVAL }))
    expect(refused).toMatchObject({ code: 'no_evidence', message: 'There is no packing evidence for order SO-3.' })
    const folder = join(w.dataDir, 'dispute-packs')
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([])
  })
})

describe('keeping evidence for a dispute', () => {
  it('keeps it past its days until released, naming who kept it and why', async () => {
    const w = await recordedWorld()
    expect(await w.call('evidence:keepOf', { orderId: w.ids.one })).toBeNull()
    const kept = await w.call('evidence:keep', { orderId: w.ids.one, reason: 'Back Market claim 4411', approval: LEAD_APPROVAL })
    expect(kept).toMatchObject({ orderNumber: 'SO-1', reason: 'Back Market claim 4411', keptBy: expect.any(String) })
    expect(await w.call('evidence:keepOf', { orderId: w.ids.one })).toEqual(kept)

    // 31 days later retention runs: the kept recording stays; released, it goes at the next run.
    await w.call('evidence:saveSettings', { ...ON, retentionDays: 1, approval: LEAD_APPROVAL })
    w.time.advance(31 * 86_400_000)
    const folder = sessionFolder(w.dataDir, 'SO-1', w.sessionId)
    const policy = { days: 1, quotaBytes: 1e9 }
    applyRetention(w.dataDir, policy, w.clock(), () => new Set())
    expect(existsSync(folder)).toBe(true)
    expect(await w.call('evidence:release', { orderId: w.ids.one, approval: LEAD_APPROVAL })).toBeNull()
    expect(await w.call('evidence:keepOf', { orderId: w.ids.one })).toBeNull()
    applyRetention(w.dataDir, policy, w.clock(), () => new Set())
    expect(existsSync(folder)).toBe(false)
  })

  it('still shows a keep whose file cannot be read as kept, and retention still keeps it', async () => {
    const w = await recordedWorld()
    await w.call('evidence:keep', { orderId: w.ids.one, reason: 'eBay case 77', approval: LEAD_APPROVAL })
    writeFileSync(join(w.dataDir, 'evidence', 'SO-1', 'keep.json'), '{"orderNumb')
    expect(await w.call('evidence:keepOf', { orderId: w.ids.one })).toEqual({ orderNumber: 'SO-1', reason: '', keptBy: '', keptAt: '' })
    expect(await w.call('evidence:keepOf', { orderId: w.ids.two })).toBeNull()
    w.time.advance(31 * 86_400_000)
    applyRetention(w.dataDir, { days: 1, quotaBytes: 1e9 }, w.clock(), () => new Set())
    expect(existsSync(sessionFolder(w.dataDir, 'SO-1', w.sessionId))).toBe(true)
  })

  it('refuses to keep an order with no evidence, or release one not kept, and changes nothing', async () => {
    const w = await recordedWorld()
    const none = await w.refusal(w.call('evidence:keep', { orderId: w.ids.three, reason: 'claim', approval: LEAD_APPROVAL }))
    expect(none).toMatchObject({ code: 'no_evidence', message: expect.stringMatching(/no packing evidence for order SO-3/) })
    expect(existsSync(join(w.dataDir, 'evidence', 'SO-3'))).toBe(false)
    const notKept = await w.refusal(w.call('evidence:release', { orderId: w.ids.one, approval: LEAD_APPROVAL }))
    expect(notKept).toMatchObject({ code: 'not_kept', message: expect.stringMatching(/SO-1 is not kept for a dispute/) })
  })
})

describe('the disk the evidence takes', () => {
  it('is counted against the quota, with a warning level before it is reached', async () => {
    const w = await recordedWorld()
    const usage = await w.call('evidence:usage', {})
    expect(usage).toMatchObject({ enabled: true, quotaBytes: 1000 * 1_000_000, level: 'ok' })
    expect(usage.usedBytes).toBeGreaterThanOrEqual(webm.length)
    // A new recording's chunks count at once, without a walk of the folder.
    const { sessionId } = await w.call('evidence:start', { orderId: w.ids.two, mimeType: 'video/webm' })
    await w.call('evidence:chunk', { sessionId, data: webm.toString('base64') })
    expect((await w.call('evidence:usage', {})).usedBytes).toBe(usage.usedBytes + webm.length)
  })

  it.each([
    [95, 'near'],
    [120, 'over']
  ])('with %i MB stored against a 100 MB quota the level is %s', async (mb, level) => {
    const w = await recordedWorld()
    await w.call('evidence:saveSettings', { ...ON, quotaMb: 100, approval: LEAD_APPROVAL })
    // A sparse file: counted at its size, costing no disk.
    closeSync(openSync(join(sessionFolder(w.dataDir, 'SO-1', w.sessionId), 'filler.bin'), 'w'))
    truncateSync(join(sessionFolder(w.dataDir, 'SO-1', w.sessionId), 'filler.bin'), mb * 1_000_000)
    expect(await w.call('evidence:usage', {})).toMatchObject({ level, quotaBytes: 100_000_000 })
  })
})
