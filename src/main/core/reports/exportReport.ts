// Saving a shift report as CSV or PDF the way diagnostics are saved: into the
// data folder's reports/ (or a folder the shift lead names, checked like the
// export folder), to a hidden temp file first and renamed, so a reader of the
// folder never sees half a file.
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ShiftRange, ShiftReportFile } from '../../../shared/reports'
import type { StationContext } from '../context'
import { StationError, refuse } from '../errors'
import { checkExportFolder } from '../sync/exportFolder'
import { shiftReportCsv } from './csv'
import { shiftFigures } from './figures'
import { shiftReportPdf } from './pdf'

export const REPORTS_FOLDER = 'reports'

type Context = Pick<StationContext, 'db' | 'clock' | 'dataDir' | 'stationId'>

export async function exportShiftReport(
  context: Context,
  { range, format, folder }: { range: ShiftRange; format: 'csv' | 'pdf'; folder?: string }
): Promise<ShiftReportFile> {
  const target = folder ?? join(context.dataDir, REPORTS_FOLDER)
  if (folder) await checkFolder(folder)
  else mkdirSync(target, { recursive: true })

  const figures = shiftFigures(context.db, context.clock, range)
  const bytes =
    format === 'csv'
      ? Buffer.from(shiftReportCsv(figures, context.stationId), 'utf8')
      : (await shiftReportPdf(figures, context.stationId)).pdf
  const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  const who = figures.operator ? `-operator${figures.operator.id}` : ''
  const name = `shift-report-${context.stationId}-${stamp(range.from)}-${stamp(range.to)}${who}.${format}`
  const path = join(target, name)
  const temp = join(target, `.${name}.${randomUUID()}.tmp`)
  try {
    await writeFile(temp, bytes, { mode: 0o600 })
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  return { path, bytes: bytes.length }
}

/** A folder the shift lead named: the export folder's checks (a full path, writable, not a system tree, answering in time). */
async function checkFolder(folder: string): Promise<void> {
  try {
    await checkExportFolder(folder)
  } catch (error) {
    if (!(error instanceof StationError)) throw error
    refuse('invalid_folder', `${error.message.replace(/export folder/g, 'folder')} No report was saved.`)
  }
}
