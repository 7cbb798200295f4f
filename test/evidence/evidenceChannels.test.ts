// Packing evidence through the contract (issue 17), as the scan screens will
// drive it: off until a shift lead turns it on; a recording per open order;
// the core marks each scan, Save and the Packing Confirmation in it; the stop
// seals it; sign-out stops what is recording; a recording cut short by a
// crash is sealed at the next start.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { evidenceRoot, sessionFolder } from '../../src/main/core/evidence/evidenceFolder'
import { EvidenceRecording } from '../../src/main/core/evidence/recording'
import { verifyEvidence } from '../../src/main/core/evidence/verify'
import { cleanup, openTestStation, testClock } from '../core/helpers'
import { A, LEAD_APPROVAL, shippingWorld } from '../core/shippingWorld'

afterEach(cleanup)

const webm = execFileSync('ffmpeg', [
  ...['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '3'],
  ...['-c:v', 'libvpx', '-b:v', '200k', '-live', '1', '-f', 'webm', 'pipe:1']
])
const ON = { enabled: true, cameraId: null, retentionDays: 30, quotaMb: 1000 }

describe('evidence:* channels', () => {
  it('refuses to record while evidence is off, and changes nothing', async () => {
    const w = shippingWorld()
    await w.signIn('OP-1001')
    expect(await w.call('evidence:settings', {})).toMatchObject({ enabled: false })
    const refused = await w.refusal(w.call('evidence:start', { orderId: w.ids.one, mimeType: 'video/webm' }))
    expect(refused).toMatchObject({ code: 'evidence_off', message: expect.stringMatching(/off at this station: a shift lead turns it on/) })
    expect(existsSync(evidenceRoot(w.dataDir))).toBe(false)
  })

  it('records an order with its scans, boxes and confirmation as markers, and seals it at the Packing Confirmation', async () => {
    const w = shippingWorld()
    await w.signIn('OP-1001')
    expect(await w.call('evidence:saveSettings', { ...ON, approval: LEAD_APPROVAL })).toEqual(ON)
    const started = await w.call('evidence:start', { orderId: w.ids.one, mimeType: 'video/webm;codecs=vp8' })
    // The screen drawn twice: the same recording goes on.
    expect(await w.call('evidence:start', { orderId: w.ids.one, mimeType: 'video/webm;codecs=vp8' })).toEqual(started)
    await w.call('evidence:chunk', { sessionId: started.sessionId, data: webm.subarray(0, 8000).toString('base64') })
    await w.call('evidence:still', { sessionId: started.sessionId, boxId: 'box-1', data: Buffer.from('jpeg').toString('base64') })
    expect(await w.call('evidence:chunk', { sessionId: started.sessionId, data: webm.subarray(8000).toString('base64') })).toEqual({
      chunk: 2,
      bytes: webm.length - 8000
    })
    w.time.advance(1000)
    await w.pack(w.ids.one, [A(1), A(2)])
    expect((await w.call('scanning:scan', { orderId: w.ids.two, input: A(1) })).outcome).toBe('duplicate')
    // The Packing Confirmation stopped and sealed it.
    await expect.poll(async () => (await w.call('evidence:ofOrder', { orderId: w.ids.one }))[0]?.sealed, { timeout: 10_000 }).toBe(true)
    const [session] = await w.call('evidence:ofOrder', { orderId: w.ids.one })
    expect(session).toMatchObject({ sessionId: started.sessionId, sealed: true, stopReason: 'packing confirmed' })
    // Only this order's moments: the duplicate refused in order two is not in it.
    expect(session!.markers.map((m) => [m.kind, m.serial])).toEqual([
      ['scan_accepted', A(1)],
      ['scan_accepted', A(2)],
      ['box_saved', null],
      ['box_confirmed', null],
      ['packing_confirmed', null]
    ])
    expect(session!.markers[1]!.offsetMs - session!.markers[0]!.offsetMs).toBe(1000)
    const folder = sessionFolder(w.dataDir, 'SO-1', started.sessionId)
    expect(await verifyEvidence(folder)).toMatchObject({ ok: true })
    expect(readdirSync(join(folder, 'stills'))).toHaveLength(1)
    // A stopped recording takes nothing more, in words; the screen's own stop after it finds it stopped.
    expect(await w.refusal(w.call('evidence:chunk', { sessionId: started.sessionId, data: 'AAAA' }))).toMatchObject({ code: 'not_found' })
    expect(await w.refusal(w.call('evidence:stop', { sessionId: started.sessionId, reason: 'order_left' }))).toMatchObject({
      code: 'not_found'
    })
  })

  it('a refused scan is marked with its sentence', async () => {
    const w = shippingWorld()
    await w.signIn('OP-1001')
    await w.call('evidence:saveSettings', { ...ON, approval: LEAD_APPROVAL })
    const { sessionId } = await w.call('evidence:start', { orderId: w.ids.two, mimeType: 'video/webm' })
    expect((await w.call('scanning:scan', { orderId: w.ids.two, input: '12345' })).outcome).toBe('invalid_serial')
    const session = await w.call('evidence:stop', { sessionId, reason: 'order_left' })
    expect(session.markers).toMatchObject([{ kind: 'scan_refused', note: expect.stringMatching(/./) }])
  })

  it('sign-out stops and seals what is recording', async () => {
    const w = shippingWorld()
    await w.signIn('OP-1001')
    await w.call('evidence:saveSettings', { ...ON, approval: LEAD_APPROVAL })
    const { sessionId } = await w.call('evidence:start', { orderId: w.ids.three, mimeType: 'video/webm' })
    await w.call('evidence:chunk', { sessionId, data: webm.subarray(0, 5000).toString('base64') })
    await w.call('operators:signOut', {})
    await expect
      .poll(
        async () => (
          await w.call('operators:signIn', { badgeCode: 'OP-1001' }),
          (await w.call('evidence:ofOrder', { orderId: w.ids.three }))[0]?.sealed
        ),
        { timeout: 10_000 }
      )
      .toBe(true)
    expect((await w.call('evidence:ofOrder', { orderId: w.ids.three }))[0]).toMatchObject({ stopReason: 'signed out' })
  })

  it('a recording cut short by a crash is sealed at the next start, up to its last chunk', async () => {
    const w = shippingWorld()
    const folder = sessionFolder(w.dataDir, 'SO-2', '0193cccc-0000-7000-8000-000000000001')
    const crashed = await EvidenceRecording.begin(folder, {
      sessionId: '0193cccc-0000-7000-8000-000000000001',
      orderId: w.ids.two,
      orderNumber: 'SO-2',
      channelOrderId: null,
      stationId: 'ST-1',
      operatorId: null,
      operatorName: null,
      mimeType: 'video/webm',
      startedAt: w.clock().toISOString()
    })
    await crashed.appendChunk(webm.subarray(0, 6000), w.clock())
    w.close()
    const again = openTestStation(w.dataDir, testClock())
    await expect.poll(() => existsSync(join(folder, 'manifest.json')), { timeout: 10_000 }).toBe(true)
    expect(await verifyEvidence(folder)).toMatchObject({ ok: true, manifest: { stopReason: 'interrupted', clipBytes: 6000 } })
    again.close()
  })
})
