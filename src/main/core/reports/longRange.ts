// A report over more than two days, read from the per-hour rollups
// (./rollups.ts): each span is cut into its whole cached UTC hours and the
// parts before and after them (a bucket that starts at a local midnight of
// a half-hour time zone, the hours not yet closed), which are counted in the
// station database exactly as a short report counts them. The figures are
// the same as the exact queries over the whole span give: units add up, and
// an operator's pace is stitched in time order (./rollups.ts stitch()).
import type { Db } from '../db/connection'
import { reportQueries, type Pace } from './queries'
import { isoOfHour, stitch, type Rollups } from './rollups'

const HOUR_MS = 3_600_000

export type RangeReader = {
  units(start: string, end: string, operatorId: number | null): number
  pace(operatorId: number): Pace
}

/** Reads [from, to) through the rollups, filling the closed hours it needs that are not cached yet. */
export function rolledUpReader(db: Db, rollups: Rollups, now: Date, from: string, to: string): RangeReader {
  const q = reportQueries(db)
  const firstHour = Math.ceil(Date.parse(from) / HOUR_MS)
  const endHour = Math.min(Math.floor(Date.parse(to) / HOUR_MS), rollups.closedBefore(now))
  if (endHour > firstHour) rollups.prepare(db, firstHour, endHour, now)

  /** [start, end) as its cached whole hours and the exact parts before and after them. */
  const split = (start: string, end: string) => {
    const h0 = Math.max(Math.ceil(Date.parse(start) / HOUR_MS), firstHour)
    const h1 = Math.min(Math.floor(Date.parse(end) / HOUR_MS), endHour)
    if (h1 <= h0) return { before: [start, end] as const, hours: null, after: null }
    return { before: [start, isoOfHour(h0)] as const, hours: [h0, h1] as const, after: [isoOfHour(h1), end] as const }
  }
  const exactUnits = (operatorId: number | null, [start, end]: readonly [string, string]) =>
    start >= end ? 0 : (operatorId === null ? q.units.get(start, end)! : q.unitsBy.get(operatorId, start, end)!).n

  return {
    units(start, end, operatorId) {
      const { before, hours, after } = split(start, end)
      const cached = hours ? rollups.units(hours[0], hours[1], operatorId) : 0
      return exactUnits(operatorId, before) + cached + (after ? exactUnits(operatorId, after) : 0)
    },
    pace(operatorId) {
      const { before, hours, after } = split(from, to)
      const pieces: Pace[] = [q.pace.get(operatorId, before[0], before[1])!]
      if (hours) pieces.push(...rollups.hours(operatorId, hours[0], hours[1]))
      if (after) pieces.push(q.pace.get(operatorId, after[0], after[1])!)
      return stitch(pieces)
    }
  }
}
