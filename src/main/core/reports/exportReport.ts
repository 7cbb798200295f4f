// Saving a shift report as CSV or PDF the way diagnostics are saved: into the
// data folder's reports/ (or a folder the shift lead names, checked like the
// export folder), to a hidden temp file first and renamed, so a reader of the
// folder never sees half a file.
import { join } from 'node:path'
import type { ShiftFigures, ShiftRange, ShiftReportFile } from '../../../shared/reports'
import type { StationContext } from '../context'
import { fileStamp, saveFile, saveFolder } from '../sync/savedFile'
import { shiftReportCsv } from './csv'
import { shiftFigures } from './figures'
import { shiftReportPdf } from './pdf'
import { getSetting } from '../settings/settings'

export const REPORTS_FOLDER = 'reports'

type Context = Pick<StationContext, 'db' | 'clock' | 'dataDir' | 'stationId'>

export async function exportShiftReport(
  context: Context,
  { range, format, folder }: { range: ShiftRange; format: 'csv' | 'pdf'; folder?: string },
  figuresOf: (range: ShiftRange) => ShiftFigures | Promise<ShiftFigures> = (r) => shiftFigures(context.db, context.clock, r)
): Promise<ShiftReportFile> {
  const target = await saveFolder(folder, join(context.dataDir, REPORTS_FOLDER), 'No report was saved.')

  const figures = await figuresOf(range)
  // Printed in the station's language (SPEC §10).
  const language = getSetting(context.db, 'language')
  const bytes =
    format === 'csv'
      ? Buffer.from(shiftReportCsv(figures, context.stationId, language), 'utf8')
      : (await shiftReportPdf(figures, context.stationId, language)).pdf
  const who = figures.operator ? `-operator${figures.operator.id}` : ''
  const name = `shift-report-${context.stationId}-${fileStamp(range.from)}-${fileStamp(range.to)}${who}.${format}`
  const path = await saveFile(target, name, bytes)
  return { path, bytes: bytes.length }
}
