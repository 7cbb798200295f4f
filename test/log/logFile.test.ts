// The station's log file: rotated by size in <dataDir>/logs, and never a
// secret in it — PINs and the OMS token are censored by key, inside text,
// and by value (a token an OMS echoes back in an error body).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import { flushLogs, log, logFolder, openLogFile, type LogFile } from '../../src/main/core/log/logger'
import { forgetSecrets, scrubText } from '../../src/main/core/log/redact'
import { createOperator } from '../../src/main/core/operators/operators'
import { cleanup, makeDataDir, openTestStation } from '../core/helpers'

const files: LogFile[] = []
const servers: Server[] = []
afterEach(async () => {
  await Promise.all(files.splice(0).map((f) => f.close()))
  cleanup()
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))))
  forgetSecrets()
})

const PIN = '48261937'
const TOKEN = 'oms-secret-7c1f9e2ab45d'

const readLog = (dataDir: string): string =>
  readdirSync(logFolder(dataDir))
    .filter((f) => f.startsWith('station.log'))
    .map((f) => readFileSync(join(logFolder(dataDir), f), 'utf8'))
    .join('')
const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)

describe('log rotation', () => {
  it('rotates by size and keeps the newest files only', async () => {
    const dataDir = makeDataDir()
    const file = openLogFile(dataDir, { size: '2K', keep: 3 })
    files.push(file)
    for (let i = 0; i < 200; i++) log.info({ i, filler: 'x'.repeat(60) }, `line ${i}`)
    await file.flush()
    await file.close()
    const names = readdirSync(logFolder(dataDir)).sort()
    expect(names).toEqual(['station.log', 'station.log.1', 'station.log.2', 'station.log.3'])
    for (const name of names) expect(statSync(join(logFolder(dataDir), name)).size).toBeLessThanOrEqual(2048 + 200)
    // The newest lines are kept, the oldest dropped; every kept line is whole JSON.
    const kept = lines(readLog(dataDir)).map((l) => l.i as number)
    expect(kept).toContain(199)
    expect(kept).not.toContain(0)
  })
})

describe('redaction', () => {
  it('censors secret keys at any depth, bearer credentials and key=value pairs in text', () => {
    expect(scrubText('Authorization: Bearer abc.def-123 next')).toBe('Authorization: [Redacted] [Redacted] next')
    expect(scrubText('GET /orders?token=abc123&x=1')).toBe('GET /orders?token=[Redacted]&x=1')
    expect(scrubText('{"pin":"4711","hasPin":true,"operatorSignInPin":false}')).toBe(
      '{"pin":"[Redacted]","hasPin":true,"operatorSignInPin":false}'
    )
    expect(scrubText('Wrong PIN for Dana Whitfield (4 tries left)')).toBe('Wrong PIN for Dana Whitfield (4 tries left)')
  })

  it('a PIN and the OMS token never reach the log file of a working station', async () => {
    // An OMS that refuses with the token it was sent quoted back in its error body.
    const server = createServer((req, res) => {
      req.resume()
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`internal error for credentials ${req.headers.authorization ?? ''}`)
    })
    servers.push(server)
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`

    const t = openTestStation()
    const lead = createOperator(t.db, t.clock, { name: 'Dana Whitfield', badgeCode: 'OP-9001', role: 'shift_lead', pin: PIN }, null)
    const call = (channel: string, args: unknown = {}) => dispatch(t.handlers, channel, args, () => {})
    expect((await call('operators:signIn', { badgeCode: 'OP-9001', pin: '11112222' })).ok).toBe(false)
    expect((await call('operators:signIn', { badgeCode: 'OP-9001', pin: PIN })).ok).toBe(true)
    const approval = { badgeCode: lead.badgeCode, pin: PIN }
    const saved = await call('sync:saveSettings', {
      omsUrl: url,
      pullIntervalMinutes: 5,
      token: TOKEN,
      exportEnabled: false,
      exportFolder: null,
      approval
    })
    expect(saved.ok).toBe(true)
    await call('sync:now')
    // A caller that logs the approval object, and a message quoting the header, are censored too.
    log.warn({ approval, headers: { authorization: `Bearer ${TOKEN}` } }, `retry with Authorization: Bearer ${TOKEN}`)
    await flushLogs()

    const text = readLog(t.dataDir)
    expect(text).not.toContain(PIN)
    expect(text).not.toContain(TOKEN)
    const entries = lines(text)
    expect(entries.find((e) => e.event === 'start')).toMatchObject({ stationId: expect.stringMatching(/^ST-/) })
    expect(entries.find((e) => e.event === 'refusal' && e.channel === 'operators:signIn')).toMatchObject({ code: 'wrong_pin', level: 40 })
    expect(entries.find((e) => e.event === 'sign_in')).toMatchObject({ operator: 'Dana Whitfield', role: 'shift_lead' })
    const syncFailure = entries.find((e) => String(e.msg).startsWith('OMS sync failed'))
    expect(syncFailure, 'the OMS failure is logged').toBeDefined()
    expect(JSON.stringify(syncFailure)).toContain('[Redacted]')
  })
})
