// The station itself: what it is (version, id, data folder, how much it
// holds) and the sample data a new station can load from its first screen.
import { z } from 'zod'
import { Approval } from './operators'
import { ImportSummary } from './orders'
import { none } from './primitives'
import { Language } from './i18n/languages'

export const AppInfo = z.object({
  version: z.string(),
  stationId: z.string(),
  dataDir: z.string(),
  orderCount: z.number().int(),
  operatorCount: z.number().int(),
  /** The station's language, for the screens before anyone signs in (SPEC §10). */
  language: Language
})
export type AppInfo = z.infer<typeof AppInfo>

/** A screen that failed to draw, reported to the station's log by its error boundary. */
export const RendererError = z.strictObject({
  screen: z.string().max(100),
  message: z.string().max(2000),
  stack: z.string().max(20_000).optional()
})
export type RendererError = z.infer<typeof RendererError>

/** A shift lead's diagnostics export: into the data folder's diagnostics/, or a folder they name (a full path). */
export const ExportDiagnostics = z.strictObject({
  folder: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(1000).optional()),
  approval: Approval
})
export const DiagnosticsExport = z.object({
  /** The zip's full path. */
  path: z.string(),
  bytes: z.number().int(),
  /** The names inside the zip. */
  files: z.array(z.string())
})
export type DiagnosticsExport = z.infer<typeof DiagnosticsExport>

export const appChannels = {
  'app:info': { args: none, result: AppInfo },
  'app:loadSampleData': { args: none, result: ImportSummary },
  'app:reportRendererError': { args: RendererError, result: z.null() },
  'app:exportDiagnostics': { args: ExportDiagnostics, result: DiagnosticsExport }
} as const
