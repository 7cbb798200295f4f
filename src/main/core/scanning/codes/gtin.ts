// GTIN check digits (GS1 General Specifications §7.9): the GS1 modulo-10 rule,
// five lines, written here rather than taken from a package, and kept apart
// from the GS1 parser so the product import can check a GTIN without loading it.

/** GS1 modulo-10 check digit of a GTIN-8/12/13/14: weights 3 and 1 from the right, the check digit left out. */
export function gtinCheckDigit(gtin: string): number {
  let sum = 0
  for (let i = gtin.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) sum += (gtin.charCodeAt(i) - 48) * weight
  return (10 - (sum % 10)) % 10
}

/** A GTIN-8, -12, -13 or -14 of digits whose last is its check digit. */
export const isGtin = (value: string): boolean =>
  /^(?:\d{8}|\d{12,14})$/.test(value) && gtinCheckDigit(value) === value.charCodeAt(value.length - 1) - 48

/** The GTIN as GS1 AI 01 carries it: 14 digits, zeros in front. */
export const gtin14 = (gtin: string): string => gtin.padStart(14, '0')
