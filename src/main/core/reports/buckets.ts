// The time buckets of a report: the hours of a range of two days or less,
// otherwise its days, each starting at a local hour or midnight of this PC's
// time zone (the station shows local time everywhere). Computed here rather
// than in SQL: SQLite's 'localtime' and Intl could disagree, and a day of a
// daylight-saving change has 23 or 25 hours, which Date's local arithmetic knows.

export type Bucket = { start: string; end: string }
export type BucketSize = 'hour' | 'day'

const HOUR = 3_600_000
export const TWO_DAYS = 2 * 24 * HOUR

export const bucketSize = (from: string, to: string): BucketSize => (Date.parse(to) - Date.parse(from) <= TWO_DAYS ? 'hour' : 'day')

/** The buckets covering [from, to): the first starts at the local hour (or midnight) at or before `from`. */
export function bucketsOf(from: string, to: string, size: BucketSize = bucketSize(from, to)): Bucket[] {
  const start = new Date(from)
  if (size === 'hour') start.setMinutes(0, 0, 0)
  else start.setHours(0, 0, 0, 0)
  const end = Date.parse(to)
  const buckets: Bucket[] = []
  for (let at = start; at.getTime() < end;) {
    const next = new Date(at)
    if (size === 'hour') next.setTime(at.getTime() + HOUR)
    else next.setDate(next.getDate() + 1)
    buckets.push({ start: at.toISOString(), end: next.toISOString() })
    at = next
  }
  return buckets
}

/** Today in this PC's time zone: local midnight to the next local midnight. */
export function localDay(now: Date): { from: string; to: string } {
  const from = new Date(now)
  from.setHours(0, 0, 0, 0)
  const to = new Date(from)
  to.setDate(to.getDate() + 1)
  return { from: from.toISOString(), to: to.toISOString() }
}

/** The same instant a day earlier (by the calendar: 23 or 25 hours across a daylight-saving change). */
export function dayBefore(iso: string): string {
  const d = new Date(iso)
  d.setDate(d.getDate() - 1)
  return d.toISOString()
}
