// A database another program holds (SPEC §9): a second process takes the
// write lock on station.db and keeps it. A scan answers `busy` within a
// second, saves nothing and is not reported as accepted; the other screens
// keep answering; the status bar names the fault until the other program lets go.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import { DATABASE_FILE } from '../../src/main/station'
import { cleanup, count, createOperators, imei, importRecords, openTestStation, orderIdOf, orderRecord, TAC_A } from '../core/helpers'

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  cleanup()
})

/** Another program: opens the database, takes the write lock (BEGIN IMMEDIATE), says LOCKED, lets go on "release". */
function otherProgram(file: string): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3')
    const db = new Database(process.argv[1])
    db.exec('begin immediate')
    db.prepare("insert into settings (key, value) values ('other-program', '1')").run()
    console.log('LOCKED')
    process.stdin.on('data', () => { db.exec('rollback'); console.log('RELEASED') })
  `
  const child = spawn(process.execPath, ['-e', script, file], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'inherit'] })
  children.push(child)
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (String(chunk).includes('LOCKED')) resolve(child)
    })
    child.once('exit', (code) => reject(new Error(`the other program exited (${code})`)))
  })
}

const silent = () => {}

describe('a database another program holds', () => {
  it('answers busy within a second, saves nothing, keeps the other screens answering, and clears', async () => {
    const t = openTestStation()
    createOperators(t)
    importRecords(t, [orderRecord(1, [{ sku: 'PHONE-A', quantity: 10 }])])
    const orderId = orderIdOf(t, 'OMS-1')
    const call = (channel: string, args: unknown) => dispatch(t.handlers, channel, args, silent)
    expect(await call('operators:signIn', { badgeCode: 'OP-1001' })).toMatchObject({ ok: true })
    expect(await call('scanning:scan', { orderId, input: imei(`${TAC_A}000001`) })).toMatchObject({ ok: true })

    // Within a second: SQLite waits for the lock at most its busy timeout (the wall clock is not asserted:
    // this machine is shared and noisy).
    expect(t.sqlite.pragma('busy_timeout', { simple: true })).toBeLessThan(1_000)
    const other = await otherProgram(join(t.dataDir, DATABASE_FILE))
    const answer = await call('scanning:scan', { orderId, input: imei(`${TAC_A}000002`) })
    expect(answer).toMatchObject({ ok: false, error: { code: 'busy', message: expect.stringContaining('busy') } })
    expect(count(t.sqlite, 'scanned_units')).toBe(1)

    // Reading screens do not wait for the lock (WAL): the order and the list answer.
    expect(await call('orders:get', { orderId })).toMatchObject({ ok: true })
    expect(await call('orders:list', {})).toMatchObject({ ok: true })
    expect(await call('health:status', {})).toMatchObject({
      ok: true,
      value: { faults: [{ kind: 'busy', message: 'Database busy: another program has it open. Close that program.' }] }
    })

    other.stdin!.write('release\n')
    await vi.waitFor(async () => expect(await call('health:status', {})).toEqual({ ok: true, value: { faults: [] } }), {
      timeout: 10_000,
      interval: 200
    })
    expect(await call('scanning:scan', { orderId, input: imei(`${TAC_A}000002`) })).toMatchObject({
      ok: true,
      value: { outcome: 'accepted' }
    })
    expect(count(t.sqlite, 'scanned_units')).toBe(2)
  })
})
