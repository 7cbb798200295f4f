// HID decoding from report bytes (test/fixtures/hid): HID POS barcode reports,
// multi-report scans, keyboard reports with Shift, rollover and repeated digits.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { hidDecoder } from '../../src/main/devices/hid/hidScanner'
import { KeyboardReportDecoder, keyToChar } from '../../src/main/devices/hid/hidKeyboard'
import { parsePosReport, PosScanAssembler } from '../../src/main/devices/hid/hidPos'

const DIR = fileURLToPath(new URL('../fixtures/hid', import.meta.url))
type Fixture = { description: string; mode: 'pos' | 'keyboard'; reports: string[]; scans: { data: string; symbology: string | null }[] }
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Fixture] as const)
const bytes = (hex: string) => Buffer.from(hex.replace(/\s+/g, ''), 'hex')

describe('HID fixtures', () => {
  it('there are POS and keyboard fixtures', () => {
    expect(fixtures.map(([, f]) => f.mode).sort()).toEqual(['keyboard', 'pos', 'pos'])
  })

  it.each(fixtures)('%s decodes to its scans', (_name, fixture) => {
    const decode = hidDecoder(fixture.mode)
    const scans = fixture.reports.flatMap((r) => decode(bytes(r)))
    expect(scans.map((s) => ({ data: s.decoded, symbology: s.symbology }))).toEqual(fixture.scans)
  })

  it('a multi-report scan says how many reports it took; its raw shows the AIM id and the data', () => {
    const [, fixture] = fixtures.find(([name]) => name === 'pos-multi-report.json')!
    const decode = hidDecoder('pos')
    const [first] = fixture.reports.slice(0, 2).flatMap((r) => decode(bytes(r)))
    expect(first.raw).toBe(`]Q1${fixture.scans[0].data} (2 reports)`)
  })

  it('keyboard raw names the keys, Shift and Enter included', () => {
    const [, fixture] = fixtures.find(([, f]) => f.mode === 'keyboard')!
    const decode = hidDecoder('keyboard')
    const [first] = fixture.reports.flatMap((r) => decode(bytes(r)))
    expect(first.raw).toBe('Shift+S Shift+N - Shift+A b 1 1 0 0 <Enter>')
  })
})

describe('HID POS reports', () => {
  const report = (data: string, more = false, length = data.length) => {
    const r = Buffer.alloc(64)
    r[0] = 2
    r[1] = length
    r.write(']E0', 2, 'latin1')
    r.write(data, 5, 'latin1')
    r[63] = more ? 1 : 0
    return r
  }

  it('ignores reports with another report id, and lengths that do not fit', () => {
    const other = report('123')
    other[0] = 1
    expect(parsePosReport(other)).toBeNull()
    expect(parsePosReport(report('123', false, 57))).toBeNull()
    expect(parsePosReport(Buffer.from([2, 3]))).toBeNull()
  })

  it('a report without an AIM id has an empty symbology', () => {
    const r = report('42')
    r.write('\0\0\0', 2, 'latin1')
    expect(parsePosReport(r)).toMatchObject({ symbology: '', data: Buffer.from('42') })
  })

  it('a device that never ends a scan cannot grow the buffer without end', () => {
    const assembler = new PosScanAssembler()
    let scan = null
    let reports = 0
    while (!scan && reports < 1000) {
      scan = assembler.push(report('x'.repeat(56), true))
      reports++
    }
    expect(scan?.data.length).toBeGreaterThanOrEqual(4096)
    expect(reports).toBeLessThan(100)
  })
})

describe('keyboard reports', () => {
  const key = (mod: number, ...codes: number[]) => Buffer.from([mod, 0, ...codes, ...Array(6 - codes.length).fill(0)])
  const UP = key(0)

  it('maps letters, digits and punctuation with and without Shift (US layout)', () => {
    expect([keyToChar(0x04, false), keyToChar(0x04, true), keyToChar(0x1e, false), keyToChar(0x1e, true), keyToChar(0x27, false)]).toEqual([
      'a',
      'A',
      '1',
      '!',
      '0'
    ])
    expect([keyToChar(0x2d, false), keyToChar(0x2d, true), keyToChar(0x62, false), keyToChar(0x3a, false)]).toEqual(['-', '_', '0', null])
  })

  it('a digit pressed, released and pressed again is typed twice; held over two reports, once', () => {
    const decoder = new KeyboardReportDecoder()
    const one = key(0, 0x1e)
    const scans = [one, UP, one, one, UP, one, UP, key(0, 0x28)].flatMap((r) => decoder.push(r))
    expect(scans.map((s) => s.text)).toEqual(['111'])
  })

  it('numbered reports: the report id is skipped, other report ids are ignored', () => {
    const decoder = new KeyboardReportDecoder(1)
    const withId = (r: Buffer, id = 1) => Buffer.concat([Buffer.from([id]), r])
    const scans = [withId(key(0, 0x05)), withId(UP), withId(key(0, 0x06), 3), withId(key(0, 0x28))].flatMap((r) => decoder.push(r))
    expect(scans.map((s) => s.text)).toEqual(['b'])
  })

  it('Enter alone is no scan; Tab ends a scan too', () => {
    const decoder = new KeyboardReportDecoder()
    const scans = [key(0, 0x28), UP, key(0, 0x07), UP, key(0, 0x2b)].flatMap((r) => decoder.push(r))
    expect(scans.map((s) => s.text)).toEqual(['d'])
  })
})
