// Background work never ends the station: a throw inside a timer (a full disk
// under the WAL checkpoint, a broken hold release) is logged, and the timer runs on.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { everyInterval } from '../../src/main/core/background'

afterEach(() => {
  vi.useRealTimers()
})

describe('everyInterval', () => {
  it('catches a throw, logs it once while it keeps failing, and runs again', () => {
    vi.useFakeTimers()
    const log = vi.fn()
    let calls = 0
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
    const stop = everyInterval(
      'The WAL checkpoint',
      1_000,
      () => {
        calls++
        if (calls <= 3) throw full
      },
      log
    )
    expect(() => vi.advanceTimersByTime(3_000)).not.toThrow()
    expect(calls).toBe(3)
    expect(log).toHaveBeenCalledTimes(1)
    expect(log).toHaveBeenCalledWith('The WAL checkpoint failed; the station keeps running and tries again', full)
    vi.advanceTimersByTime(1_000)
    expect(calls).toBe(4)
    stop()
    vi.advanceTimersByTime(5_000)
    expect(calls).toBe(4)
  })

  it('logs a new failure after the work succeeded in between', () => {
    vi.useFakeTimers()
    const log = vi.fn()
    const results = [false, true, false]
    const stop = everyInterval(
      'Releasing due holds',
      10,
      () => {
        if (!results.shift()) throw new Error('boom')
      },
      log
    )
    vi.advanceTimersByTime(30)
    expect(log).toHaveBeenCalledTimes(2)
    stop()
  })
})

describe('the station on a full disk', () => {
  it('keeps answering when the WAL checkpoint between scans hits SQLITE_FULL', async () => {
    const { cleanup, openTestStation } = await import('./helpers')
    const { WAL_CHECKPOINT_EVERY_MS } = await import('../../src/main/core/db/connection')
    // Only the station's timers are faked: the checkpoint is due every half minute.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const t = openTestStation()
    const { log } = await import('../../src/main/core/log/logger')
    const errors = vi.spyOn(log, 'error').mockImplementation(() => {})
    const pragma = t.sqlite.pragma.bind(t.sqlite)
    // The disk fills up after the station opened: every checkpoint now fails as SQLite would report it.
    vi.spyOn(t.sqlite, 'pragma').mockImplementation((source: string, options?: Parameters<typeof pragma>[1]) => {
      if (source.startsWith('wal_checkpoint')) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
      return pragma(source, options)
    })
    vi.advanceTimersByTime(WAL_CHECKPOINT_EVERY_MS - 1)
    expect(errors).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1 + 2 * WAL_CHECKPOINT_EVERY_MS)
    expect(errors).toHaveBeenCalledTimes(1)
    expect(String(errors.mock.calls[0]![1])).toContain('The WAL checkpoint failed')
    const { dispatch } = await import('../../src/main/core/dispatch')
    expect(await dispatch(t.handlers, 'app:info', {})).toMatchObject({ ok: true })
    errors.mockRestore()
    cleanup()
  })
})
