// Numbers and dates as the labels print them.
import type { ShipTo } from '../db/schema'
import { formatLocalTime } from '../../../shared/localTime'

export const formatWeight = (grams: number | null): string | null => (grams === null ? null : `${(grams / 1000).toFixed(2)} kg`)

export const formatDimensions = (d: { length: number; width: number; height: number } | null): string | null =>
  d ? `${d.length} × ${d.width} × ${d.height} mm` : null

/** "2026-11-21 22:00 NZDT": the station's local time, with its zone (a label travels). */
export const formatDate = (iso: string): string => formatLocalTime(iso, { zone: true })

/** The address lines, top to bottom, blank parts left out. */
export function addressLines(a: ShipTo): string[] {
  const place = [a.postalCode, a.city].filter(Boolean).join(' ')
  return [a.company, a.street1, a.street2, [place, a.region].filter(Boolean).join(', '), a.country].filter((l): l is string =>
    Boolean(l && l.trim())
  )
}
