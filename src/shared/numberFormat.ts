// Numbers the way the station's language writes them, and numbers typed the way it writes them, for the
// renderer and the main process alike (Intl only: no Node, no DOM). The catalogue's `{{n, number}}` uses the
// same Intl rules, so a count in a tile, in a sentence and on a report read alike: "2,000" / "12,345.5" in
// English, "2000" / "12 345,5" in Polish (Polish groups from five digits on, CLDR's minimumGroupingDigits).

const formats = new Map<string, Intl.NumberFormat>()

/**
 * The language's number format, made once per language and fraction digits and kept: building an
 * Intl.NumberFormat costs far more than using one, and counts are formatted on the scan screen's paint path.
 */
export function numberFormat(language: string, maximumFractionDigits = 0): Intl.NumberFormat {
  const key = `${language}|${maximumFractionDigits}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits })
    formats.set(key, format)
  }
  return format
}

/** "2,000" / "2000", "12.5" / "12,5" (at most `maximumFractionDigits`, none by default). */
export function formatNumber(value: number, language: string, maximumFractionDigits = 0): string {
  return numberFormat(language, maximumFractionDigits).format(value)
}

const signs = new Map<string, string>()

/** The language's decimal sign: "." in English, "," in Polish. */
export function decimalSign(language: string): string {
  let sign = signs.get(language)
  if (sign === undefined) {
    sign =
      numberFormat(language, 1)
        .formatToParts(1.5)
        .find((p) => p.type === 'decimal')?.value ?? '.'
    signs.set(language, sign)
  }
  return sign
}

/**
 * A number a person typed, with the language's decimal sign or a point ("0,5" and "0.5" in Polish), spaces
 * around it ignored; null for anything else (empty, "1,2,3", "5 min", a grouped "2,000"). A number field's
 * own numeric value passes through. Hand-written rather than a parsing library: the fields take plain
 * decimals, not grouped or signed numbers, and one regular expression says exactly which.
 */
export function parseDecimal(typed: string | number | null | undefined, language: string): number | null {
  if (typeof typed === 'number') return Number.isFinite(typed) ? typed : null
  if (typed === null || typed === undefined) return null
  const sign = decimalSign(language)
  const text = typed.trim()
  const plain = sign === '.' ? text : text.replace(sign, '.')
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(plain)) return null
  return Number(plain)
}
