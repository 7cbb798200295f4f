// The shift report as a PDF (A4), drawn with the labels' pdfkit helpers and
// fonts (core/labels/pdfText.ts): the key figures as large numbers, units per
// hour (or day) as bars beside the same hour yesterday, then the tables.
// Long tables flow onto further pages; every page is numbered.
import type { ShiftFigures } from '../../../shared/reports'
import { bucketLabel, figureText } from '../../../shared/reportFormat'
import { finish, fitLine, newDocument, wrap, type Doc } from '../labels/pdfText'
import { formatLabelDate } from '../labels/words'
import { reportWords, type ReportWords } from './words'
import type { Language } from '../../../shared/i18n/languages'

const M = 42
const BODY = 9
const ROW = 14
const INK = '#1f2933'
const TODAY = '#1c7ed6'
const BEFORE = '#adb5bd'

/** A table column; `wrap`: its text runs onto further lines (a refusal's sentence, a printer's error) instead of being cut. */
type Column = { title: string; width: number; right?: boolean; wrap?: boolean }
/** The most lines a wrapped cell takes: a runaway text is cut with "…" on the last. */
const MAX_CELL_LINES = 4
const LINE = BODY + 2

export async function shiftReportPdf(
  f: ShiftFigures,
  stationId: string,
  language: Language = 'en'
): Promise<{ pdf: Buffer; pages: number }> {
  const { W, REFUSAL_WORDS } = reportWords(language)
  // Dates, times and numbers as the station's language writes them: dates as on its labels and slips
  // (English "2026-11-21 22:00 CET", Polish "21.11.2026, 22:00 CET"), numbers "2,000" / "12,5".
  const local = (iso: string) => formatLabelDate(iso, language)
  const num = (n: number | null) => figureText(n, language, W.none)
  const doc = newDocument({ size: 'A4', bufferPages: true, info: { Title: `${W.title} · ${stationId}` } })
  doc.addPage({ size: 'A4', margin: 0 })
  const width = doc.page.width - 2 * M
  const bottom = doc.page.height - M - 16
  let y = M
  const ensure = (height: number) => {
    if (y + height <= bottom) return
    doc.addPage({ size: 'A4', margin: 0 })
    y = M
  }
  const heading = (text: string) => {
    ensure(ROW * 3)
    y += 8
    fitLine(doc, text, { x: M, y, width, height: 13 }, { size: 13, bold: true })
    y += 20
  }

  fitLine(doc, `${W.title} · ${stationId}`, { x: M, y, width, height: 22 }, { size: 22, bold: true })
  y += 30
  const facts = [
    `${W.from} ${local(f.from)}   ${W.to} ${local(f.to)}`,
    `${W.operator}: ${f.operator?.name ?? W.allOperators}   ·   ${W.generated} ${local(f.generatedAt)}`
  ]
  for (const fact of facts) {
    fitLine(doc, fact, { x: M, y, width, height: 10 }, { size: 10, minSize: 7, color: INK })
    y += 14
  }
  y += 6

  // The key figures: large numbers in tiles, four to a row.
  const tiles: [string, number][] = [
    [W.units, f.units.total],
    [W.packed, f.orders.packed],
    [W.boxesConfirmed, f.boxesConfirmed],
    [W.refusals, f.refusals.reduce((n, r) => n + r.count, 0)],
    [W.inProgressNow, f.orders.inProgress],
    [W.onHoldNow, f.orders.onHold],
    [W.waitingNow, f.orders.waiting],
    [W.printFailures, f.printFailures.count],
    [W.shipped, f.orders.shipped],
    [W.outboxWaiting, f.outbox.waiting],
    [W.outboxRejected, f.outbox.rejected],
    [W.toUnpack, f.blocked.length]
  ]
  const tileWidth = (width - 3 * 8) / 4
  tiles.forEach(([label, value], i) => {
    const x = M + (i % 4) * (tileWidth + 8)
    const top = y + Math.floor(i / 4) * 56
    doc.roundedRect(x, top, tileWidth, 50, 4).fill('#f1f3f5')
    fitLine(doc, num(value), { x: x + 8, y: top + 6, width: tileWidth - 16, height: 24 }, { size: 24, bold: true, color: INK })
    fitLine(doc, label, { x: x + 8, y: top + 34, width: tileWidth - 16, height: 8 }, { size: 8, minSize: 5, color: '#495057' })
  })
  y += Math.ceil(tiles.length / 4) * 56 + 4

  heading(f.bucket === 'hour' ? `${W.units} · ${W.hourStarting.toLowerCase()}` : `${W.units} · ${W.dayStarting.toLowerCase()}`)
  y = drawBars(doc, f, M, y, width, W, language)

  const table = (columns: Column[], rows: (string | number | null)[][]) => {
    const header = () => {
      doc.rect(M, y, width, ROW).fill('#e9ecef')
      let x = M
      for (const c of columns) {
        fitLine(
          doc,
          c.title,
          { x: x + 3, y: y + 3, width: c.width - 6, height: BODY },
          { size: BODY, minSize: 6, bold: true, align: c.right ? 'right' : 'left' }
        )
        x += c.width
      }
      y += ROW + 2
    }
    header()
    if (rows.length === 0) {
      fitLine(doc, W.none, { x: M + 3, y, width, height: BODY }, { size: BODY })
      y += ROW
    }
    for (const row of rows) {
      const cells = columns.map((c, i) => {
        const cell = row[i]
        const text = cell === null || cell === undefined ? W.none : String(cell)
        if (!c.wrap) return [text]
        const lines = wrap(doc, text, c.width - 6, BODY)
        return lines.length <= MAX_CELL_LINES ? lines : [...lines.slice(0, MAX_CELL_LINES - 1), lines.slice(MAX_CELL_LINES - 1).join(' ')]
      })
      const height = ROW + (Math.max(...cells.map((lines) => lines.length)) - 1) * LINE
      if (y + height > bottom) {
        ensure(height + ROW * 2)
        header()
      }
      let x = M
      columns.forEach((c, i) => {
        const style = { size: BODY, minSize: c.wrap ? BODY : 6, align: c.right ? ('right' as const) : ('left' as const) }
        cells[i].forEach((line, k) => fitLine(doc, line, { x: x + 3, y: y + k * LINE, width: c.width - 6, height: BODY }, style))
        x += c.width
      })
      y += height
    }
  }

  heading(W.pace)
  table(
    [
      { title: W.operator, width: width - 3 * 100 },
      { title: W.unitsColumn, width: 100, right: true },
      { title: W.unitsPerHour, width: 100, right: true },
      { title: W.secondsPerUnit, width: 100, right: true }
    ],
    f.operators.map((o) => [o.name, num(o.units), num(o.unitsPerHour), num(o.secondsPerUnit)])
  )

  heading(W.refusals)
  table(
    [
      { title: W.refusalClass, width: width - 100 },
      { title: W.count, width: 100, right: true }
    ],
    f.refusals.map((r) => [REFUSAL_WORDS[r.class], num(r.count)])
  )
  heading(W.latestRefusals)
  table(
    [
      { title: W.refusalClass, width: 80, wrap: true },
      { title: W.time, width: 100 },
      { title: W.order, width: 70 },
      { title: W.operator, width: 80 },
      { title: W.message, width: width - 330, wrap: true }
    ],
    f.refusals.flatMap((r) => r.last.map((e) => [REFUSAL_WORDS[r.class], local(e.at), e.orderNumber, e.operatorName, W.refusalText(e)]))
  )

  heading(W.printFailures)
  table(
    [
      { title: W.time, width: 100 },
      { title: W.kind, width: 80 },
      { title: W.order, width: 70 },
      { title: W.printer, width: 90 },
      { title: W.error, width: width - 340, wrap: true }
    ],
    f.printFailures.last.map((p) => [local(p.at), W.labelKind(p.kind), p.orderNumber, p.printer, p.error])
  )

  heading(W.blocked)
  table(
    [
      { title: W.order, width: width - 100 },
      { title: W.unitsColumn, width: 100, right: true }
    ],
    f.blocked.map((b) => [b.orderNumber, num(b.units)])
  )

  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const footer = `${W.title} · ${stationId} · ${W.page(i - range.start + 1, range.count)}`
    fitLine(doc, footer, { x: M, y: doc.page.height - M + 4, width, height: 8 }, { size: 8, align: 'right', color: '#495057' })
  }
  return { pdf: await finish(doc), pages: range.count }
}

/** Units per bucket as bars (this range in blue, the same hour yesterday in grey beside it); returns the y below. */
function drawBars(doc: Doc, f: ShiftFigures, x: number, top: number, width: number, W: ReportWords, language: Language): number {
  const height = 120
  const buckets = f.units.buckets
  const max = Math.max(1, ...buckets.map((b) => Math.max(b.units, b.previous ?? 0)))
  const slot = width / Math.max(1, buckets.length)
  const label = (iso: string) => bucketLabel(iso, f.bucket, language)
  fitLine(doc, figureText(max, language, W.none), { x, y: top, width: 40, height: 7 }, { size: 7, color: '#495057' })
  doc
    .moveTo(x, top + height)
    .lineTo(x + width, top + height)
    .lineWidth(0.5)
    .strokeColor('#868e96')
    .stroke()
  const every = Math.ceil(buckets.length / 24)
  buckets.forEach((b, i) => {
    const bx = x + i * slot
    const bar = (value: number, offset: number, color: string) => {
      const h = (value / max) * (height - 10)
      if (h > 0) doc.rect(bx + offset, top + height - h, slot * 0.38, h).fill(color)
    }
    if (b.previous !== null) bar(b.previous, slot * 0.1, BEFORE)
    bar(b.units, b.previous !== null ? slot * 0.5 : slot * 0.3, TODAY)
    if (i % every === 0)
      fitLine(doc, label(b.start), { x: bx, y: top + height + 3, width: slot * every, height: 7 }, { size: 7, minSize: 5 })
  })
  let y = top + height + 14
  if (f.bucket === 'hour') {
    doc.rect(x, y + 1, 8, 8).fill(TODAY)
    fitLine(doc, W.unitsColumn, { x: x + 12, y, width: 120, height: 9 }, { size: 9 })
    doc.rect(x + 140, y + 1, 8, 8).fill(BEFORE)
    fitLine(doc, W.sameHourYesterday, { x: x + 152, y, width: 200, height: 9 }, { size: 9 })
    y += 14
  }
  return y + 4
}
