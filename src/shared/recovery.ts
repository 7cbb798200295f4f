// Recovery from a damaged database (SPEC §9): what the start-up check found,
// the newest good backup and what going back to it would lose, and the
// restore a shift lead approves on the recovery screen.
import { z } from 'zod'
import { Approval } from './operators'
import { none } from './primitives'
import { Language } from './i18n/languages'

export const RecoveryState = z.object({
  /** The start-up check (quick_check) found the database damaged; false on a whole station. */
  damaged: z.boolean(),
  /** What is wrong, in one sentence; null when whole. */
  problem: z.string().nullable(),
  databaseFile: z.string(),
  backupFolder: z.string(),
  /** The newest backup that passes the check; null when there is none. */
  newestGood: z.object({ file: z.string(), takenAt: z.string(), bytes: z.number().int() }).nullable(),
  /** Events the damaged database still shows after that backup (the newest few named); null when it cannot be read. */
  lost: z
    .object({
      count: z.number().int(),
      latest: z.array(z.object({ at: z.string(), type: z.string(), orderNumber: z.string().nullable() }))
    })
    .nullable(),
  /** The language the damaged station spoke (it has no app:info): the recovery screen speaks it. */
  language: Language.optional()
})
export type RecoveryState = z.infer<typeof RecoveryState>

export const RestoreResult = z.object({ restoredFrom: z.string(), keptAs: z.string().nullable() })
export type RestoreResult = z.infer<typeof RestoreResult>

export const recoveryChannels = {
  'recovery:state': { args: none, result: RecoveryState },
  /** The shift lead's badge and PIN are checked against the backup (the damaged database cannot vouch for anyone). */
  'recovery:restore': { args: z.strictObject({ file: z.string().min(1).max(1000), approval: Approval }), result: RestoreResult }
} as const
