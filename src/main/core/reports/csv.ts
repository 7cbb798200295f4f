// The shift report as CSV: one file, a section after another (a title row,
// a header row, the rows, a blank row), times in the station's local time.
// Unlike the PDF, a CSV is read by a spreadsheet, not a person: in every language its times stay the
// sortable "2026-11-21 09:00 CET" and its numbers plain ("2000", "12.5"), which any spreadsheet parses.
import type { ShiftFigures } from '../../../shared/reports'
import { formatLocalTime } from '../../../shared/localTime'
import { csvLine, type CsvCell as Cell } from '../sync/csvLine'
import { reportWords } from './words'
import type { Language } from '../../../shared/i18n/languages'

const local = (iso: string) => formatLocalTime(iso, { zone: true })

export function shiftReportCsv(f: ShiftFigures, stationId: string, language: Language = 'en'): string {
  const { W, REFUSAL_WORDS } = reportWords(language)
  const rows: Cell[][] = [
    [W.title, stationId],
    [W.from, local(f.from), W.to, local(f.to)],
    [W.operator, f.operator?.name ?? W.allOperators],
    [W.generated, local(f.generatedAt)],
    [],
    [W.orders],
    [W.packed, f.orders.packed],
    [W.shipped, f.orders.shipped],
    [W.inProgressNow, f.orders.inProgress],
    [W.onHoldNow, f.orders.onHold],
    [W.waitingNow, f.orders.waiting],
    [W.boxesConfirmed, f.boxesConfirmed],
    [W.printFailures, f.printFailures.count],
    [W.outboxWaiting, f.outbox.waiting],
    [W.outboxRejected, f.outbox.rejected],
    [],
    [W.units, f.units.total],
    f.bucket === 'hour' ? [W.hourStarting, W.unitsColumn, W.sameHourYesterday] : [W.dayStarting, W.unitsColumn],
    ...f.units.buckets.map((b) => (f.bucket === 'hour' ? [local(b.start), b.units, b.previous] : [local(b.start), b.units])),
    [],
    [W.pace],
    [W.operator, W.unitsColumn, W.unitsPerHour, W.secondsPerUnit],
    ...f.operators.map((o) => [o.name, o.units, o.unitsPerHour, o.secondsPerUnit]),
    [],
    [W.refusals],
    [W.refusalClass, W.count],
    ...f.refusals.map((r) => [REFUSAL_WORDS[r.class], r.count]),
    [],
    [W.latestRefusals],
    [W.refusalClass, W.time, W.order, W.operator, W.scanned, W.message],
    ...f.refusals.flatMap((r) =>
      r.last.map((e) => [REFUSAL_WORDS[r.class], local(e.at), e.orderNumber, e.operatorName, e.input, W.refusalText(e)])
    ),
    [],
    [W.printFailures],
    [W.time, W.kind, W.order, W.printer, W.error],
    ...f.printFailures.last.map((p) => [local(p.at), W.labelKind(p.kind), p.orderNumber, p.printer, p.error]),
    [],
    [W.blocked],
    [W.order, W.unitsColumn],
    ...f.blocked.map((b) => [b.orderNumber, b.units])
  ]
  // A BOM, so a spreadsheet opens it as UTF-8 (names with umlauts).
  return `\uFEFF${rows.map(csvLine).join('')}`
}
