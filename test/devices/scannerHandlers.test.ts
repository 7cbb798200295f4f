// scanners:* through the station's dispatch, as the screens call them: the
// station opens with nothing configured, settings are validated and saved,
// the saved serial scanner connects (a socat pty), its scans reach the
// screens as `scanner:scan` notices, and the Test scan area sees them.
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import { luhnCheckDigit } from '../../src/main/core/scanning/serial'
import type { NoticeName } from '../../src/shared/contract'
import type { ScannerSettings, ScannerStatus } from '../../src/shared/scanners'
import { cleanup, openTestStation, snapshot, type TestStation } from '../core/helpers'
import { listHidDevices } from '../../src/main/devices/hid/hidDevices'
import { listSerialPorts } from '../../src/main/devices/serial/serialPorts'
import { ptyPair } from './ptyPair'

const pairs: ReturnType<typeof ptyPair>[] = []
afterEach(async () => {
  cleanup()
  for (const p of pairs.splice(0)) await p.dispose()
})

const silent = () => {}
const call = (t: TestStation, channel: string, args?: unknown) => dispatch(t.handlers, channel, args ?? {}, silent)
async function ok<T>(t: TestStation, channel: string, args?: unknown): Promise<T> {
  const envelope = await call(t, channel, args)
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.value as T
}

async function signedInStation() {
  const t = openTestStation()
  await ok(t, 'app:loadSampleData')
  await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
  const notices: { notice: NoticeName; payload: unknown }[] = []
  t.station.subscribe((notice, payload) => notices.push({ notice, payload }))
  return { t, notices }
}

/** The sample data's shift lead approves scanner changes. */
const LEAD = { badgeCode: 'OP-9001', pin: '1234' }
const NOTHING: ScannerSettings = { keyboard: { prefixes: [], suffixes: [] }, serial: null, hid: null }

async function waitFor<T>(what: string, get: () => T | undefined | null | false, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = get()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('scanners:* channels', () => {
  it('a station with no scanner configured opens; the keyboard wedge is ready, serial and HID are off', async () => {
    const { t } = await signedInStation()
    expect(await ok(t, 'scanners:settings')).toEqual(NOTHING)
    const statuses = await ok<ScannerStatus[]>(t, 'scanners:status')
    expect(statuses.map((s) => [s.source, s.state, s.message])).toEqual([
      ['keyboard', 'connected', 'Ready: scans are typed into the focused scan field'],
      ['serial', 'off', 'No serial scanner configured'],
      ['hid', 'off', 'No HID scanner configured']
    ])
    expect(await ok(t, 'scanners:lastScan')).toBeNull()
  })

  it('lists serial ports and HID devices, or says why a list is empty', async () => {
    const { t } = await signedInStation()
    const devices = await ok<{ serialPorts: unknown[]; hidDevices: unknown[]; serialProblem: string | null; hidProblem: string | null }>(
      t,
      'scanners:list'
    )
    expect(devices.serialPorts).toEqual(await listSerialPorts())
    expect(devices.serialProblem).toBeNull()
    if (devices.hidProblem) expect(devices.hidProblem).toMatch(/^HID scanners are unavailable: node-hid could not load/)
    else expect(devices.hidDevices).toEqual(await listHidDevices())
  })

  it.each([
    ['an unknown baud rate', { baudRate: 12345 }, /baud rate is one of/],
    [
      'an empty port path',
      { device: { path: ' ', vendorId: null, productId: null, serialNumber: null } },
      /choose a port or type its path/
    ],
    [
      'a USB id that is not 4 hex digits',
      { device: { path: 'COM3', vendorId: '12', productId: '0b61', serialNumber: null } },
      /4 hex digits/
    ],
    ['an unknown suffix', { suffix: 'tab' }, /suffix/],
    ['a timeout of 0 ms', { interByteTimeoutMs: 0 }, /interByteTimeoutMs/]
  ])('refuses %s and changes nothing', async (_what, change, message) => {
    const { t } = await signedInStation()
    const before = snapshot(t.sqlite)
    const serial = {
      device: { path: '/dev/ttyACM0', vendorId: null, productId: null, serialNumber: null },
      baudRate: 9600,
      suffix: 'cr',
      interByteTimeoutMs: 50,
      ...change
    }
    const envelope = await call(t, 'scanners:save', { ...NOTHING, serial, approval: LEAD })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } })
    if (!envelope.ok) expect(envelope.error.message).toMatch(message)
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it('refuses to save before anybody signs in, and without a shift lead’s approval', async () => {
    const { t } = await signedInStation()
    await ok(t, 'operators:signOut')
    const envelope = await call(t, 'scanners:save', { ...NOTHING, keyboard: { prefixes: ['#'], suffixes: [] }, approval: LEAD })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
    await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
    const unapproved = await call(t, 'scanners:save', { ...NOTHING, keyboard: { prefixes: ['#'], suffixes: [] } })
    expect(unapproved).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } })
    expect(await ok(t, 'scanners:settings')).toEqual(NOTHING)
  })

  it('keyboard-wedge prefixes/suffixes are the station-wide scanner affixes; the test field shows raw, decoded and what is validated', async () => {
    const { t } = await signedInStation()
    await ok(t, 'scanners:save', { ...NOTHING, keyboard: { prefixes: ['#'], suffixes: ['*'] }, approval: LEAD })
    const tested = await ok(t, 'scanners:testScan', { raw: '#353916112044813*\t' })
    expect(tested).toMatchObject({
      source: 'keyboard',
      raw: '#353916112044813*<TAB>',
      data: '#353916112044813*',
      cleaned: '353916112044813'
    })
    expect(await ok(t, 'scanners:lastScan')).toMatchObject({ source: 'keyboard', cleaned: '353916112044813' })
  })

  it('a saved serial scanner connects, is remembered across restarts, and its scans reach the screens as scanner:scan', async () => {
    const pair = ptyPair()
    pairs.push(pair)
    await pair.start()
    const { t, notices } = await signedInStation()
    const serial = {
      device: { path: pair.a, vendorId: null, productId: null, serialNumber: null },
      baudRate: 19200,
      suffix: 'crlf',
      interByteTimeoutMs: 50
    }
    expect(await ok(t, 'scanners:save', { ...NOTHING, serial, approval: LEAD })).toEqual({ ...NOTHING, serial })
    const statusOf = (list: ScannerStatus[]) => list.find((s) => s.source === 'serial')!
    await waitFor('connected', () =>
      notices.some(
        (n) => n.notice === 'scanners:status' && statusOf((n.payload as { scanners: ScannerStatus[] }).scanners).state === 'connected'
      )
    )
    expect(statusOf(await ok(t, 'scanners:status'))).toMatchObject({ state: 'connected', deviceId: `serial:${pair.a}` })

    const imei = '35391611204481' + luhnCheckDigit('35391611204481')
    pair.write(`${imei}\r\n`)
    const notice = await waitFor('a scan', () => notices.find((n) => n.notice === 'scanners:scan'))
    expect(notice.payload).toMatchObject({ source: 'serial', data: imei, raw: `${imei}<CR><LF>`, device: `serial scanner ${pair.a}` })
    expect(await ok(t, 'scanners:lastScan')).toMatchObject({ source: 'serial', data: imei, cleaned: imei })

    // The same data folder opened again: the scanner is configured and connects by itself.
    const dataDir = t.dataDir
    t.close()
    const again = openTestStation(dataDir)
    await ok(again, 'operators:signIn', { badgeCode: 'OP-1001' })
    expect(await ok(again, 'scanners:settings')).toEqual({ ...NOTHING, serial })
    let state = ''
    await waitFor('connected after a restart', () => {
      void ok<ScannerStatus[]>(again, 'scanners:status').then((list) => (state = statusOf(list).state))
      return state === 'connected'
    })
  })
})
