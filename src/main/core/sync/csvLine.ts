// One line of the CSV files the station writes (the file export, shift
// reports). Written out rather than taken from a CSV library: ten lines, and
// the formula rule is the part no CSV writer does for us.

export type CsvCell = string | number | null

/**
 * RFC 4180 quoting; a cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a
 * carriage return) gets a leading apostrophe, so the spreadsheet shows it as text. Null is an empty cell.
 */
export function csvLine(cells: CsvCell[]): string {
  return `${cells
    .map((cell) => {
      if (cell === null) return ''
      if (typeof cell === 'number') return String(cell)
      const value = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
      return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
    })
    .join(',')}\r\n`
}
