// A full disk (SPEC §9): the station runs on a small tmpfs that fills up.
// Scans are refused cleanly (nothing saved, a plain sentence), the fault shows
// in the status bar (health:status) while it lasts, no timer ends the process
// (test/core/background.test.ts: the WAL checkpoint meets SQLITE_FULL too), and once space is freed
// the fault clears by itself and scanning goes on.
import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import { cleanup, count, createOperators, imei, importRecords, openTestStation, orderIdOf, orderRecord, TAC_A } from '../core/helpers'

let mountPoint = ''

beforeAll(() => {
  mountPoint = mkdtempSync(join(tmpdir(), 'ps-full-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint])
})

afterAll(() => {
  cleanup()
  execFileSync('umount', [mountPoint])
  rmdirSync(mountPoint)
})

/** Writes zeros into `file` until the disk has no room left. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w')
  const chunk = Buffer.alloc(64 * 1024)
  try {
    for (;;) writeSync(fd, chunk)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
  } finally {
    closeSync(fd)
  }
}

const silent = () => {}

describe('a full disk', () => {
  it('refuses scans cleanly, shows the fault until space is freed, and keeps running', { timeout: 60_000 }, async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const t = openTestStation(join(mountPoint, 'station'))
    createOperators(t)
    importRecords(t, [orderRecord(1, [{ sku: 'PHONE-A', quantity: 100_000 }])])
    const orderId = orderIdOf(t, 'OMS-1')
    const call = (channel: string, args: unknown) => dispatch(t.handlers, channel, args, silent)
    expect(await call('operators:signIn', { badgeCode: 'OP-1001' })).toMatchObject({ ok: true })
    let n = 0
    const scan = () => call('scanning:scan', { orderId, input: imei(`${TAC_A}${String(++n).padStart(6, '0')}`) })
    expect(await scan()).toMatchObject({ ok: true, value: { outcome: 'accepted' } })

    const filler = join(mountPoint, 'filler')
    fillDisk(filler)
    // Scan until SQLite needs a page it cannot have (the WAL reuses its room for a while).
    let refused: Awaited<ReturnType<typeof scan>> | null = null
    for (let i = 0; i < 20_000 && !refused; i++) {
      const answer = await scan()
      if (!answer.ok) refused = answer
    }
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'disk_full', message: expect.stringContaining('The disk is full: nothing was saved') }
    })
    const units = count(t.sqlite, 'scanned_units')
    expect(units).toBe(n - 1)
    expect(await scan()).toMatchObject({ ok: false, error: { code: 'disk_full' } })
    expect(count(t.sqlite, 'scanned_units')).toBe(units)

    // The status bar says so, in plain words, and the station answers its other screens.
    const health = await call('health:status', {})
    expect(health).toMatchObject({ ok: true, value: { faults: [{ kind: 'disk_full', message: expect.stringContaining('Disk full') }] } })
    // The fault probe keeps meeting the full disk in the background for a few seconds: the process lives on.
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    expect(await call('orders:get', { orderId })).toMatchObject({ ok: true })

    rmSync(filler)
    await vi.waitFor(async () => expect(await call('health:status', {})).toEqual({ ok: true, value: { faults: [] } }), {
      timeout: 10_000,
      interval: 200
    })
    expect(await scan()).toMatchObject({ ok: true, value: { outcome: 'accepted' } })
    expect(count(t.sqlite, 'scanned_units')).toBe(units + 1)
    errors.mockRestore()
  })
})
