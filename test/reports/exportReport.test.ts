// The shift report saved as CSV and as PDF: the files' contents, read back
// (the PDF's text through poppler's pdftotext), formula-escaped CSV cells,
// and the folder rules.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { csvLine } from '../../src/main/core/sync/csvLine'
import { cleanup, makeDataDir } from '../core/helpers'
import { scriptedShift, TODAY, inWarsawTime } from './shiftWorld'

inWarsawTime()
afterEach(cleanup)

const stationIdOf = (w: { sqlite: { prepare(sql: string): { get(): unknown } } }) =>
  JSON.parse((w.sqlite.prepare("select value from settings where key = 'stationId'").get() as { value: string }).value) as string

/** The rows of a CSV this simple (no line breaks inside cells): cells split on commas outside quotes. */
const rowsOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .map((line) =>
      (`${line},`.match(/("([^"]|"")*"|[^,]*),/g) ?? []).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'))
    )

describe('shift report export', () => {
  it('CSV: the same figures, sections with headers, into the data folder reports/', async () => {
    const w = await scriptedShift()
    const file = await w.call('reports:export', { range: TODAY, format: 'csv' })
    expect(file.path).toBe(join(w.dataDir, 'reports', `shift-report-${stationIdOf(w)}-20261120T230000Z-20261121T230000Z.csv`))
    const csv = readFileSync(file.path, 'utf8')
    expect(file.bytes).toBe(Buffer.byteLength(csv))
    const rows = rowsOf(csv)
    const row = (first: string) => rows.find((r) => r[0] === first)
    expect(row('Packed')).toEqual(['Packed', '1'])
    expect(row('Boxes confirmed')).toEqual(['Boxes confirmed', '1'])
    expect(row('Units scanned')).toEqual(['Units scanned', '6'])
    expect(row('Hour starting')).toEqual(['Hour starting', 'Units', 'Same hour yesterday'])
    expect(rows.find((r) => r[0].startsWith('2026-11-21 09:00'))?.slice(1)).toEqual(['5', '2'])
    expect(row('Marek Nowak')).toEqual(['Marek Nowak', '5', '12', '160'])
    expect(row('Order not open')).toEqual(['Order not open', '2'])
    expect(rows.filter((r) => r[0] === 'Order not open' && r.length > 2)).toHaveLength(2)
    expect(row('SO-6')).toEqual(['SO-6', '1'])
    expect(csv).toContain('Media empty or jammed')
    // Nothing half-written is left behind.
    expect(readdirSync(join(w.dataDir, 'reports')).filter((n) => n.startsWith('.'))).toEqual([])
  })

  it('CSV cells a spreadsheet would run as a formula are escaped', () => {
    expect(csvLine(['=HYPERLINK("x")', '+1', '-2', '@A1', 'plain', 3, null])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@A1,plain,3,\r\n`)
  })

  it("a refused scan's text reaches the CSV formula-escaped", async () => {
    const w = await scriptedShift()
    await w.call('scanning:scan', { orderId: w.ids[2], input: '=cmd|calc' })
    const csv = readFileSync((await w.call('reports:export', { range: TODAY, format: 'csv' })).path, 'utf8')
    expect(csv).toContain(",'=cmd|calc,")
    expect(csv).not.toMatch(/,=cmd/)
  })

  it('PDF: the figures as text, one page per what fits, in a folder the shift lead names', async () => {
    const w = await scriptedShift()
    const folder = makeDataDir()
    const file = await w.call('reports:export', { range: { ...TODAY, operatorId: w.op.id }, format: 'pdf', folder })
    expect(file.path.startsWith(folder)).toBe(true)
    expect(file.path).toMatch(/-operator\d+\.pdf$/)
    const pdf = readFileSync(file.path)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const text = execFileSync('pdftotext', ['-layout', file.path, '-'], { encoding: 'utf8' })
    expect(text).toContain(`Shift report · ${stationIdOf(w)}`)
    expect(text).toContain('Operator: Marek Nowak')
    expect(text).toMatch(/Marek Nowak\s+5\s+12\s+160/)
    expect(text).toMatch(/Order not open\s+2/)
    expect(text).toMatch(/Typed by hand\s+1/)
    expect(text).toContain('Same hour yesterday')
    expect(text).toContain('SO-6')
    expect(text).toMatch(/page 1 of \d/)
  })

  it('refuses a folder that is not a full path, and saves nothing', async () => {
    const w = await scriptedShift()
    const error = await w.call('reports:export', { range: TODAY, format: 'pdf', folder: 'relative/folder' }).then(
      () => null,
      (e: { code: string; message: string }) => e
    )
    expect(error?.code).toBe('invalid_folder')
    expect(error?.message).toMatch(/No report was saved/)
    expect(existsSync(join(w.dataDir, 'reports'))).toBe(false)
    // A file where the folder should be is refused too.
    const notAFolder = join(makeDataDir(), 'file')
    writeFileSync(notAFolder, 'x')
    const second = await w.call('reports:export', { range: TODAY, format: 'csv', folder: notAFolder }).then(
      () => null,
      (e: { code: string }) => e
    )
    expect(second?.code).toBe('invalid_folder')
  })
})
