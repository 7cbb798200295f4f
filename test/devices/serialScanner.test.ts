// A serial scanner through the real serialport library, against a real
// pseudo-terminal pair made by socat: each suffix, split and joined chunks,
// garbage bytes, a scan longer than 64 characters, and unplug/replug.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkImei, luhnCheckDigit } from '../../src/main/core/scanning/serial'
import { DeviceManager } from '../../src/main/devices/deviceManager'
import { readCode } from '../../src/main/core/scanning/codes/readCode'
import { ScanStream } from '../../src/main/devices/scanStream'
import type { DeviceScan, ScannerSettings, ScannerStatus, SerialSettings } from '../../src/shared/scanners'
import { ptyPair, type PtyPair } from './ptyPair'

const imei = (body: string) => body + luhnCheckDigit(body)
const IMEI_A = imei('35391611204481')
const IMEI_B = imei('35302611773010')

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function waitFor<T>(what: string, get: () => T | undefined | null | false, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = get()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** A pty pair and a device manager reading end `a` with these settings. */
async function station(serial: Partial<SerialSettings> = {}, pty?: PtyPair) {
  const pair = pty ?? ptyPair()
  if (!pty) {
    cleanups.push(() => pair.dispose())
    await pair.start()
  }
  const stream = new ScanStream(() => new Date())
  const scans: DeviceScan[] = []
  stream.subscribe((s) => scans.push(s))
  let statuses: ScannerStatus[] = []
  const manager = new DeviceManager({
    stream,
    clock: () => new Date(),
    onStatus: (s) => (statuses = s),
    supervisor: { pollMs: 100, backoffMs: [50, 100, 200] }
  })
  cleanups.push(() => manager.stop())
  const settings: ScannerSettings = {
    keyboard: { prefixes: [], suffixes: [] },
    serial: {
      device: { path: pair.a, vendorId: null, productId: null, serialNumber: null },
      baudRate: 9600,
      suffix: 'cr',
      interByteTimeoutMs: 50,
      ...serial
    },
    hid: null
  }
  await manager.apply(settings)
  const serialStatus = () => statuses.find((s) => s.source === 'serial')!
  await waitFor('connected', () => serialStatus()?.state === 'connected')
  const scanCount = (n: number) => waitFor(`${n} scans`, () => scans.length >= n && scans)
  return { pair, scans, serialStatus, scanCount, manager }
}

describe('serial scanner on a socat pty pair', () => {
  it('CR suffix: joined and split chunks, the raw bytes kept, the id of the device', async () => {
    const { pair, scans, scanCount, serialStatus } = await station({ suffix: 'cr' })
    expect(serialStatus().message).toContain(`Connected: ${pair.a}`)
    pair.write(`${IMEI_A}\r${IMEI_B}\r`)
    await scanCount(2)
    pair.write(IMEI_A.slice(0, 6))
    await new Promise((r) => setTimeout(r, 100))
    pair.write(`${IMEI_A.slice(6)}\r`)
    await scanCount(3)
    expect(scans.map((s) => s.data)).toEqual([IMEI_A, IMEI_B, IMEI_A])
    expect(scans[0]).toMatchObject({ source: 'serial', raw: `${IMEI_A}<CR>`, deviceId: `serial:${pair.a}`, symbology: null })
  })

  it.each([
    ['lf', '\n'],
    ['crlf', '\r\n']
  ] as const)('%s suffix', async (suffix, end) => {
    const { pair, scans, scanCount } = await station({ suffix })
    pair.write(`${IMEI_A}${end}${IMEI_B.slice(0, 3)}`)
    await scanCount(1)
    pair.write(`${IMEI_B.slice(3)}${end}`)
    await scanCount(2)
    expect(scans.map((s) => s.data)).toEqual([IMEI_A, IMEI_B])
    expect(scans[1].raw).toBe(`${IMEI_B}${end === '\n' ? '<LF>' : '<CR><LF>'}`)
  })

  it('inter-byte timeout for a scanner with no suffix', async () => {
    const { pair, scans, scanCount } = await station({ suffix: 'timeout', interByteTimeoutMs: 80 })
    pair.write(IMEI_A)
    await scanCount(1)
    pair.write(IMEI_B.slice(0, 5))
    await new Promise((r) => setTimeout(r, 20))
    pair.write(IMEI_B.slice(5))
    await scanCount(2)
    await new Promise((r) => setTimeout(r, 200))
    expect(scans.map((s) => s.data)).toEqual([IMEI_A, IMEI_B])
  })

  it('garbage bytes: control noise is stripped, noise alone is no scan, a garbled byte stays and the core refuses it', async () => {
    const { pair, scans, scanCount } = await station({ suffix: 'cr' })
    pair.write('\x00\x1b\r') // line noise and a terminator: nothing to scan
    pair.write(`\x00\x00${IMEI_A}\x1d\r`)
    pair.write(`35391\xff611204481\r`)
    await scanCount(2)
    await new Promise((r) => setTimeout(r, 150))
    expect(scans).toHaveLength(2)
    expect(scans[0]).toMatchObject({ data: IMEI_A, raw: `<NUL><NUL>${IMEI_A}<GS><CR>` })
    expect(scans[1].raw).toBe('35391<0xFF>611204481<CR>')
    expect(checkImei(scans[1].data)).toMatchObject({ ok: false, message: 'Not an IMEI: U+00FF is not a digit (an IMEI is 15 digits)' })
  })

  it('a GS1 code keeps the GS between its elements, so the core reads the serial and the lot after it', async () => {
    const { pair, scans, scanCount } = await station({ suffix: 'cr' })
    pair.write(`]d2010950600013435221${IMEI_A}\x1d10LOT-7\r`)
    await scanCount(1)
    expect(scans[0]).toMatchObject({ data: `]d2010950600013435221${IMEI_A}\x1d10LOT-7` })
    const read = readCode(scans[0].data)
    expect(read).toMatchObject({ format: 'gs1', gtin: '09506000134352', problem: null })
    expect(JSON.stringify(read.serials)).toContain(IMEI_A)
    expect(JSON.stringify(read.extras)).toContain('LOT-7')
  })

  it('a scan longer than 64 characters arrives whole, and the core refuses it as too long', async () => {
    const { pair, scans, scanCount } = await station({ suffix: 'cr' })
    const long = '1'.repeat(70)
    pair.write(`${long}\r`)
    await scanCount(1)
    expect(scans[0].data).toBe(long)
    expect(checkImei(scans[0].data)).toMatchObject({ ok: false, message: 'Scan too long (70 characters, at most 64)' })
  })

  it('unplug (socat killed) → waiting; replug (socat again, same link names) → connected again, and scans flow', async () => {
    const { pair, scans, scanCount, serialStatus } = await station({ suffix: 'cr' })
    pair.write(`${IMEI_A}\r`)
    await scanCount(1)

    await pair.stop()
    await waitFor('waiting', () => serialStatus().state === 'waiting')
    expect(serialStatus().message).toMatch(/^Waiting for .*\/a \((unplugged|port closed|moved to another port)\): plug the scanner in/)

    await pair.start()
    await waitFor('connected again', () => serialStatus().state === 'connected')
    pair.write(`${IMEI_B}\r`)
    await scanCount(2)
    expect(scans.map((s) => s.data)).toEqual([IMEI_A, IMEI_B])

    // And once more, quickly: killed and re-created before the next poll.
    await pair.stop()
    await pair.start()
    await new Promise((r) => setTimeout(r, 400))
    await waitFor('connected after a quick replug', () => serialStatus().state === 'connected')
    pair.write(`${IMEI_A}\r`)
    await scanCount(3)
  })

  it('a path that is not a serial device: error with the reason, and it keeps retrying', async () => {
    const pair = ptyPair()
    cleanups.push(() => pair.dispose())
    const notATty = join(dirname(pair.a), 'not-a-tty')
    writeFileSync(notATty, '')
    const stream = new ScanStream(() => new Date())
    let statuses: ScannerStatus[] = []
    const manager = new DeviceManager({
      stream,
      clock: () => new Date(),
      onStatus: (s) => (statuses = s),
      supervisor: { pollMs: 50, backoffMs: [50] }
    })
    cleanups.push(() => manager.stop())
    await manager.apply({
      keyboard: { prefixes: [], suffixes: [] },
      serial: {
        device: { path: notATty, vendorId: null, productId: null, serialNumber: null },
        baudRate: 9600,
        suffix: 'cr',
        interByteTimeoutMs: 50
      },
      hid: null
    })
    const status = await waitFor('error', () => statuses.find((s) => s.source === 'serial' && s.state === 'error'))
    expect(status.message).toMatch(/^Cannot use .*not-a-tty: .+\. Retrying\.$/)
  })

  it('nothing at the configured path: waiting for the device', async () => {
    const stream = new ScanStream(() => new Date())
    let statuses: ScannerStatus[] = []
    const manager = new DeviceManager({
      stream,
      clock: () => new Date(),
      onStatus: (s) => (statuses = s),
      supervisor: { pollMs: 50, backoffMs: [50] }
    })
    cleanups.push(() => manager.stop())
    await manager.apply({
      keyboard: { prefixes: [], suffixes: [] },
      serial: {
        device: { path: '/dev/does-not-exist-ps', vendorId: null, productId: null, serialNumber: null },
        baudRate: 9600,
        suffix: 'cr',
        interByteTimeoutMs: 50
      },
      hid: null
    })
    const status = await waitFor('waiting', () =>
      statuses.find((s) => s.source === 'serial' && s.state === 'waiting' && s.message !== 'Starting…')
    )
    expect(status.message).toBe('Waiting for /dev/does-not-exist-ps: plug the scanner in, it reconnects by itself')
    expect(manager.statuses().map((s) => [s.source, s.state])).toEqual([
      ['keyboard', 'connected'],
      ['serial', 'waiting'],
      ['hid', 'off']
    ])
  })
})
