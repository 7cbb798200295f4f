// A shift lead's diagnostics export: one zip, unzipped here and read back —
// logs, settings without secrets, the integrity report, versions, the last
// 500 events — with no PIN and no OMS token anywhere in it.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import { recordEvent } from '../../src/main/core/events/eventLog'
import { createOperator } from '../../src/main/core/operators/operators'
import type { DiagnosticsExport } from '../../src/shared/app'
import type { Envelope } from '../../src/shared/contract'
import { cleanup, makeDataDir, openTestStation, snapshot, type TestStation } from '../core/helpers'

afterEach(cleanup)

const PIN = '48261937'
const TOKEN = 'oms-secret-7c1f9e2ab45d'
const approval = { badgeCode: 'OP-9001', pin: PIN }

async function stationWithSecrets(): Promise<TestStation> {
  const t = openTestStation()
  createOperator(t.db, t.clock, { name: 'Dana Whitfield', badgeCode: 'OP-9001', role: 'shift_lead', pin: PIN }, null)
  expect((await call(t, 'operators:signIn', approval)).ok).toBe(true)
  // An OMS address nobody listens on, and its token (kept in the data folder's secret file here).
  const saved = await call(t, 'sync:saveSettings', {
    omsUrl: 'http://127.0.0.1:9/',
    pullIntervalMinutes: 5,
    token: TOKEN,
    exportEnabled: false,
    exportFolder: null,
    approval
  })
  expect(saved.ok).toBe(true)
  t.db.transaction((tx) => {
    for (let i = 0; i < 620; i++)
      recordEvent(tx, {
        at: new Date(Date.UTC(2026, 10, 21, 9, 0, i)).toISOString(),
        type: 'test.tick',
        operatorId: null,
        reason: `tick ${i}`
      })
  })
  return t
}

const call = (t: TestStation, channel: string, args: unknown = {}): Promise<Envelope<unknown>> =>
  dispatch(t.handlers, channel, args, () => {})

async function exported(t: TestStation, args: Record<string, unknown> = {}): Promise<DiagnosticsExport> {
  const envelope = await call(t, 'app:exportDiagnostics', { approval, ...args })
  if (!envelope.ok) throw new Error(`refused: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.value as DiagnosticsExport
}

describe('Export diagnostics', () => {
  it('writes one zip into diagnostics/ with logs, settings, integrity, versions and the last 500 events, and no secret', async () => {
    const t = await stationWithSecrets()
    const done = await exported(t)
    expect(done.path.startsWith(join(t.dataDir, 'diagnostics'))).toBe(true)
    expect(readdirSync(join(t.dataDir, 'diagnostics'))).toEqual([done.path.split('/').at(-1)])

    const files = unzipSync(readFileSync(done.path))
    const names = Object.keys(files).sort()
    expect(names).toEqual(
      expect.arrayContaining(['README.txt', 'integrity.json', 'logs/station.log', 'recent-events.json', 'settings.json', 'versions.json'])
    )
    expect(names.sort()).toEqual([...done.files].sort())
    const read = (name: string) => JSON.parse(strFromU8(files[name]!)) as Record<string, unknown>

    expect(read('integrity.json')).toMatchObject({ ok: true, quickCheck: ['ok'], journalMode: 'wal' })
    expect(read('versions.json')).toMatchObject({
      node: process.versions.node,
      sqlite: expect.stringMatching(/^3\.\d+\.\d+$/),
      electron: null,
      stationId: expect.stringMatching(/^ST-/)
    })
    expect(read('settings.json')).toMatchObject({ stationId: expect.stringMatching(/^ST-/) })
    const events = read('recent-events.json') as unknown as { type: string; reason: string }[]
    expect(events).toHaveLength(500)
    expect(events[0]).toMatchObject({ type: 'test.tick', reason: 'tick 619' })
    expect(events[499]).toMatchObject({ reason: 'tick 120' })
    const logLines = strFromU8(files['logs/station.log']!)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event?: string })
    expect(logLines.some((l) => l.event === 'start')).toBe(true)
    expect(logLines.some((l) => l.event === 'sign_in')).toBe(true)

    const everything = names.map((n) => strFromU8(files[n]!)).join('\n')
    expect(everything).not.toContain(PIN)
    expect(everything).not.toContain(TOKEN)
    // The token is really stored in the data folder (the test could fail): the export left that file out.
    expect(readdirSync(t.dataDir).some((f) => f.endsWith('.secret'))).toBe(true)
  })

  it('writes into a folder the shift lead names, creating it', async () => {
    const t = await stationWithSecrets()
    const folder = join(makeDataDir(), 'for-it', 'today')
    const done = await exported(t, { folder })
    expect(done.path.startsWith(folder)).toBe(true)
    expect(readdirSync(folder)).toHaveLength(1)
    expect(Object.keys(unzipSync(readFileSync(done.path)))).toContain('integrity.json')
  })

  it('refuses a relative folder, a folder in /proc and a wrong PIN, and writes nothing', async () => {
    const t = await stationWithSecrets()
    const before = snapshot(t.sqlite)
    for (const [args, code] of [
      [{ folder: 'relative/place', approval }, 'invalid_folder'],
      [{ folder: '/proc/self/diag', approval }, 'invalid_folder'],
      [{ approval: { ...approval, pin: '11112222' } }, 'wrong_pin']
    ] as const) {
      const envelope = await call(t, 'app:exportDiagnostics', args)
      expect(envelope.ok ? 'ok' : envelope.error.code).toBe(code)
      if (!envelope.ok && code === 'invalid_folder') expect(envelope.error.message).toMatch(/Nothing was exported\.$/)
    }
    expect(existsSync(join(t.dataDir, 'diagnostics'))).toBe(false)
    expect(existsSync('relative')).toBe(false)
    // Only the wrong PIN was recorded (the approval's own bookkeeping): no export, no other change.
    const after = snapshot(t.sqlite)
    const added = after.events.slice(before.events.length) as { type: string }[]
    expect(added.map((e) => e.type)).toEqual(['operator.pin_wrong'])
    expect(after.settings).toEqual(before.settings)
  })
})

it('a folder that exists already is used as it is', async () => {
  const t = await stationWithSecrets()
  const folder = makeDataDir()
  mkdirSync(folder, { recursive: true })
  const done = await exported(t, { folder })
  expect(readdirSync(folder)).toEqual([done.path.split('/').at(-1)])
})
