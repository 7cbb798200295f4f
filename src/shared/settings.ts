// Station settings that steer scanning and sign-in (SPEC §2, §5): the
// hand-entry policy, the feedback volume, and whether operators sign in with a PIN.
import { z } from 'zod'
import { Approval } from './operators'
import { none } from './primitives'
import { Language } from './i18n/languages'

export const StationSettings = z.strictObject({
  handEntryPolicy: z.enum(['allowed', 'approval', 'refused']),
  feedbackVolume: z.number().min(0).max(1),
  /** Operators sign in with a PIN too (shift leads always do). */
  operatorSignInPin: z.boolean()
})
export type StationSettings = z.infer<typeof StationSettings>
/** The station settings and the station's language (SPEC §10; not in the settings file: each station keeps its own). */
export const StationSettingsView = StationSettings.extend({ language: Language })
export type StationSettingsView = z.infer<typeof StationSettingsView>

/** Online backups (SPEC §9): how often, how many stay, and where (a second disk or a share; null: the data folder's `backups`). */
export const BackupSettings = z.strictObject({
  everyMinutes: z.number().int().min(5, 'Back up at most every 5 minutes').max(1440, 'Back up at least once a day'),
  keep: z.number().int().min(1, 'Keep at least one backup').max(1000),
  folder: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
    z.string().max(1000).nullable()
  )
})
export type BackupSettings = z.infer<typeof BackupSettings>
export const BackupSettingsView = BackupSettings.extend({
  /** The folder backups go to now (the default spelled out). */
  folderInUse: z.string(),
  lastBackup: z.object({ file: z.string(), takenAt: z.string() }).nullable()
})
export type BackupSettingsView = z.infer<typeof BackupSettingsView>
/** settings:backupNow: the backup just taken, and the backup settings with it as the newest. */
export const BackupNowResult = z.object({ file: z.string(), backups: BackupSettingsView })
export type BackupNowResult = z.infer<typeof BackupNowResult>

export const settingsChannels = {
  'settings:station': { args: none, result: StationSettingsView },
  /** Without `language` the station's language stays as it is. */
  'settings:saveStation': {
    args: StationSettings.extend({ language: Language.optional(), approval: Approval }),
    result: StationSettingsView
  },
  'settings:backups': { args: none, result: BackupSettingsView },
  'settings:saveBackups': { args: BackupSettings.extend({ approval: Approval }), result: BackupSettingsView },
  'settings:backupNow': { args: z.strictObject({ approval: Approval }), result: BackupNowResult }
} as const
