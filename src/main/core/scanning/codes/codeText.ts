// Small pieces every code reader shares: what a reading looks like, how a
// value is tidied, and how a printed IMEI typed with separators is read.
// Regular expressions are compiled once, here: the scan path runs them per scan.
import type { CodePart, CodeRead } from '../../../../shared/scanning'

export type { CodePart, CodeRead }
export type NamedSerial = CodeRead['serials'][number]

/** Control characters and white space inside a value: scanner noise. Format characters (Cf) stay for the checks to refuse. */
const VALUE_NOISE = /[\p{Cc}\p{Zs}\p{Zl}\p{Zp}]/gu

/** A value of a labelled or GS1 code, without the spaces and control characters around or inside it. */
export const tidyValue = (value: string): string => value.replace(VALUE_NOISE, '')

/** Digit groups joined by dashes or dots, as an IMEI is printed under its barcode: "35-578824-311685-3". */
const PRINTED_DIGITS = /^\d+(?:[-.]\d+)+$/
const DIGIT_SEPARATOR = /[-.]/g

/**
 * A printed IMEI typed by hand with its dashes or dots, read as its digits. Only a value of 14 to 16 digits
 * in all (an IMEI, one without check digit, an IMEISV) is joined, so those still get their own refusal, and a
 * serial number that merely holds a dash (e.g. "AB-1234") stays as it is. Spaces are already gone (tidyValue).
 */
export function compactPrintedImei(value: string): string {
  if (!PRINTED_DIGITS.test(value)) return value
  const digits = value.replace(DIGIT_SEPARATOR, '')
  return digits.length >= 14 && digits.length <= 16 ? digits : value
}

/** A reading with nothing in it yet. */
export const emptyRead = (format: CodeRead['format'], symbology: string | null): CodeRead => ({
  format,
  symbology,
  serials: [],
  oneDevice: false,
  gtin: null,
  extras: [],
  problem: null
})

/** A code refused before any of its serials is checked. */
export const unreadable = (format: CodeRead['format'], symbology: string | null, problem: string): CodeRead => ({
  ...emptyRead(format, symbology),
  problem
})

/** A value as a refusal quotes it: short, so a garbled scan does not fill the screen. */
export const quoted = (value: string): string => (value.length > 24 ? `${value.slice(0, 24)}…` : value)
