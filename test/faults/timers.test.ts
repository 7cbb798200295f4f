// No timer ends the station: an async background task that rejects is caught
// like a sync one, reported to the status bar's faults while it fails, and
// cleared when it works again; a sync round that throws past its own catch is
// tried again instead of ending the process as an unhandled rejection.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { everyInterval, inBackground } from '../../src/main/core/background'
import { Faults } from '../../src/main/core/health/faults'
import { RoundTimer } from '../../src/main/core/sync/roundTimer'

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

const full = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })

describe('background work and faults', () => {
  it('catches an async rejection, shows it in plain words while it lasts, and clears it when the work succeeds', async () => {
    vi.useFakeTimers()
    const faults = new Faults(() => new Date('2026-11-21T09:00:00Z'))
    const changes = vi.fn()
    faults.onChange(changes)
    const log = vi.fn()
    let failing = true
    const stop = everyInterval(
      'The backup',
      1_000,
      async () => {
        if (failing) throw full()
      },
      log,
      faults
    )
    await vi.advanceTimersByTimeAsync(3_000)
    expect(log).toHaveBeenCalledTimes(1)
    expect(faults.list()).toEqual([
      {
        kind: 'disk_full',
        message: 'Disk full: the station cannot save. Free some space on this PC.',
        words: { key: 'health:fault.disk_full' },
        since: '2026-11-21T09:00:00.000Z'
      }
    ])
    expect(changes).toHaveBeenCalledTimes(1)
    failing = false
    await vi.advanceTimersByTimeAsync(1_000)
    expect(faults.list()).toEqual([])
    stop()
  })

  it('names an unknown failure by its task, and one line per kind however many tasks meet it', async () => {
    const faults = new Faults()
    await inBackground(
      'The backup at sign-out',
      async () => Promise.reject(new Error('no such folder')),
      () => {},
      faults
    )
    faults.report('scanning:scan', full())
    faults.report('The WAL checkpoint', full())
    expect(faults.list().map((f) => f.message)).toEqual([
      'The backup at sign-out failed: no such folder. The station tries again.',
      'Disk full: the station cannot save. Free some space on this PC.'
    ])
    faults.cleared('disk_full')
    expect(faults.list()).toHaveLength(1)
  })

  it('tries a sync round again when it throws past its own catch', async () => {
    vi.useFakeTimers()
    vi.spyOn(console, 'error').mockImplementation(() => {})
    let rounds = 0
    const timer = new RoundTimer(
      () => false,
      async () => {
        rounds++
        throw full()
      }
    )
    timer.schedule(0)
    await vi.advanceTimersByTimeAsync(0)
    expect(rounds).toBe(1)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(rounds).toBe(2)
    timer.stop()
  })
})
