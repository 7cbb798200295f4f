// The station's health as the status bar shows it (SPEC §9): the faults that
// last until they clear — a full disk, a read-only data folder, a database
// another program holds, a disk error, a background task that keeps failing.
import { z } from 'zod'
import { none } from './primitives'
import { Words } from './words'

export const FaultKind = z.enum(['disk_full', 'read_only', 'busy', 'io_error', 'damaged', 'failed'])
export type FaultKind = z.infer<typeof FaultKind>

export const Fault = z.object({
  kind: FaultKind,
  /** What the status bar says, in plain words (English, for the logs and the command line). */
  message: z.string(),
  /** The same as catalogue words (`health:fault.*`), worded in the operator's language by the status bar. */
  words: Words.optional(),
  /** When it began (UTC, ISO 8601). */
  since: z.string()
})
export type Fault = z.infer<typeof Fault>

export const HealthStatus = z.object({ faults: z.array(Fault) })
export type HealthStatus = z.infer<typeof HealthStatus>

export const healthChannels = {
  'health:status': { args: none, result: HealthStatus }
} as const

export const healthNotices = {
  /** A fault began or cleared. */
  'health:status': HealthStatus
} as const
