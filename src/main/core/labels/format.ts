// Addresses as the labels print them, and the English date of other printed documents. Weights,
// dimensions and the labels' dates are written in the station's language: words.ts.
import type { ShipTo } from '../db/schema'
import { formatLocalTime } from '../../../shared/localTime'

/** "2026-11-21 22:00 NZDT": the station's local time, with its zone (a label travels). */
export const formatDate = (iso: string): string => formatLocalTime(iso, { zone: true })

/** The address lines, top to bottom, blank parts left out. */
export function addressLines(a: ShipTo): string[] {
  const place = [a.postalCode, a.city].filter(Boolean).join(' ')
  return [a.company, a.street1, a.street2, [place, a.region].filter(Boolean).join(', '), a.country].filter((l): l is string =>
    Boolean(l && l.trim())
  )
}
