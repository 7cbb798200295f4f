// Times a person reads are local: the one helper under zones far from UTC
// (Auckland is UTC+13 in November, across the date line from a UTC day), and
// the printed label date and a refusal message under a process TZ of Auckland.
import { afterEach, describe, expect, it } from 'vitest'
import { formatDate } from '../../src/main/core/labels/format'
import { formatLocalTime, refreshStationTimeZone } from '../../src/shared/localTime'

const savedTz = process.env.TZ
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ
  else process.env.TZ = savedTz
  refreshStationTimeZone()
})
const setTz = (zone: string) => {
  process.env.TZ = zone
  refreshStationTimeZone()
}

describe('formatLocalTime', () => {
  it('shows a UTC time in the station zone, the next day where the zone is ahead', () => {
    expect(formatLocalTime('2026-11-21T09:00:00.000Z', { timeZone: 'Pacific/Auckland' })).toBe('2026-11-21 22:00')
    expect(formatLocalTime('2026-11-21T12:30:00.000Z', { timeZone: 'Pacific/Auckland' })).toBe('2026-11-22 01:30')
    expect(formatLocalTime('2026-11-21T12:30:45.000Z', { timeZone: 'Pacific/Auckland', seconds: true })).toBe('2026-11-22 01:30:45')
    expect(formatLocalTime('2026-11-21T12:30:00.000Z', { timeZone: 'Pacific/Auckland', timeOnly: true })).toBe('01:30')
    // Winter there (NZST, +12) and a zone behind UTC.
    expect(formatLocalTime('2026-06-01T00:00:00.000Z', { timeZone: 'Pacific/Auckland' })).toBe('2026-06-01 12:00')
    expect(formatLocalTime('2026-11-21T03:00:00.000Z', { timeZone: 'America/Los_Angeles' })).toBe('2026-11-20 19:00')
    expect(formatLocalTime('2026-11-21T09:00:00.000Z', { timeZone: 'UTC' })).toBe('2026-11-21 09:00')
  })

  it('names the zone on request, and shows nothing for no time', () => {
    expect(formatLocalTime('2026-11-21T09:00:00.000Z', { timeZone: 'Pacific/Auckland', zone: true })).toMatch(
      /^2026-11-21 22:00 (NZDT|GMT\+13)$/
    )
    expect(formatLocalTime(null)).toBe('')
    expect(formatLocalTime('not a time')).toBe('')
  })

  it('uses the operating system zone by default (the process TZ)', () => {
    setTz('Pacific/Auckland')
    expect(formatLocalTime('2026-11-21T12:30:00.000Z')).toBe('2026-11-22 01:30')
    setTz('UTC')
    expect(formatLocalTime('2026-11-21T12:30:00.000Z')).toBe('2026-11-21 12:30')
  })
})

describe('printed documents', () => {
  it('a label and packing slip date is the local time with its zone', () => {
    setTz('Pacific/Auckland')
    expect(formatDate('2026-11-21T12:30:00.000Z')).toMatch(/^2026-11-22 01:30 (NZDT|GMT\+13)$/)
  })
})
