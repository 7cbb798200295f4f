// The evidence settings' day and megabyte fields as typed: a whole number in its range, or null (the
// field then says so and nothing is saved), read with the shared parser (Polish "0,5" and English "0.5" alike).
import { parseDecimal } from '../../../../shared/numberFormat'

export type Range = { min: number; max: number }

/** Days recordings are kept, megabytes they may take: the bounds the core's schema checks too (shared/evidence.ts). */
export const RETENTION_DAYS: Range = { min: 1, max: 3650 }
export const QUOTA_MB: Range = { min: 100, max: 10_000_000 }

/** The whole number typed in `language` within `range`; null when it cannot be read, has a fraction, or lies outside. */
export function readWholeNumber(typed: string | number, language: string, range: Range): number | null {
  const value = parseDecimal(typed, language)
  if (value === null || !Number.isInteger(value) || value < range.min || value > range.max) return null
  return value
}
