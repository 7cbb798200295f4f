// Settings as one file (issue 12, set-up for many stations): a shift lead
// exports this station's settings so IT sets up the next station alike, and
// imports such a file on another station after a preview of what changes.
// Secrets are never in it (the OMS token, PINs); what belongs to one station
// (its id and name, its SSCC numbering, its printers) is applied only when asked.
import { z } from 'zod'
import { Gs1Settings, LabelSize, PrintSettings, SlipPaper } from './labels'
import { omsUrlProblem } from './omsUrl'
import { Approval } from './operators'
import { BoxPresetInput } from './packing'
import { KeyboardSettings } from './scanners'
import { BackupSettings, StationSettings } from './settings'
import { Sentence, Words } from './words'

export const SETTINGS_FILE_FORMAT = 'packing-station-settings'
/** The file version this station writes and reads; a newer one is refused (it may mean something this version cannot apply). */
export const SETTINGS_FILE_VERSION = 1

/** A station id as the OMS sees it (its URL path and its events): letters, digits, '.', '_', '-'. */
export const StationIdText = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'A station id is 1 to 40 letters, digits, dots, dashes or underscores (e.g. ST-HALL2-03)')
/** What people call the station ("Packing bench 3"); null: not named. */
export const StationNameText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
  z.string().max(60, 'A station name is at most 60 characters').nullable()
)

const OmsAddress = z
  .string()
  .max(500)
  .superRefine((url, ctx) => {
    const problem = omsUrlProblem(url)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/** The values that belong to one station: applied by an import only when the shift lead asks for them. */
export const StationPart = z.strictObject({
  id: StationIdText,
  name: StationNameText,
  /** The SSCC's extension digit and serial range: two stations with one GS1 prefix must never share them. */
  gs1Numbering: Gs1Settings.omit({ companyPrefix: true }).nullable(),
  /** The label printers are the ones next to this station. */
  printers: PrintSettings.shape.printers
})
export type StationPart = z.infer<typeof StationPart>

/** The values every station of the warehouse shares. */
export const SharedPart = z.strictObject({
  scanning: StationSettings,
  scannerAffixes: KeyboardSettings,
  labels: z.strictObject({
    labelSize: LabelSize,
    slipPaper: SlipPaper,
    gs1CompanyPrefix: Gs1Settings.shape.companyPrefix.nullable(),
    autoPrint: PrintSettings.shape.autoPrint
  }),
  oms: z.strictObject({
    omsUrl: OmsAddress.nullable(),
    pullIntervalMinutes: z.number().min(0.5).max(1440),
    exportEnabled: z.boolean(),
    exportFolder: z.string().min(1).max(1000).nullable()
  }),
  backups: BackupSettings.pick({ everyMinutes: true, keep: true }),
  boxPresets: z.array(BoxPresetInput.omit({ id: true })).max(200)
})
export type SharedPart = z.infer<typeof SharedPart>

export const SettingsFile = z.strictObject({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.literal(SETTINGS_FILE_VERSION),
  exportedAt: z.iso.datetime(),
  appVersion: z.string().max(50),
  station: StationPart,
  settings: SharedPart
})
export type SettingsFile = z.infer<typeof SettingsFile>

/** The file's text as the screen read it (a settings file is a few KB; 1 MB is far more than any holds). */
const FileText = z.string().min(1, 'The file is empty.').max(1_000_000, 'The file is over 1 MB: it is not a settings file.')

export const SettingChange = z.object({
  /** Where it lives, in words: "OMS · address". */
  setting: z.string(),
  now: z.string(),
  file: z.string(),
  /** The same three as catalogue words (settings:file.row.*, settings:file.value.*), for the screen's language. */
  words: z.object({ setting: Sentence, now: Sentence, file: Sentence }).optional()
})
export type SettingChange = z.infer<typeof SettingChange>

export const SettingsFilePreview = z.object({
  from: z.object({ stationId: z.string(), stationName: z.string().nullable(), exportedAt: z.string(), appVersion: z.string() }),
  /** What the import would change on this station. */
  changes: z.array(SettingChange),
  /** This station's own values the file differs in, kept because the shift lead did not ask for them. */
  kept: z.array(SettingChange),
  /** What the shift lead must know or do after importing (enter the OMS token, restart for the station id …). */
  notes: z.array(z.string()),
  /** The same notes as catalogue words (settings:file.note.*). */
  noteWords: z.array(Words).optional()
})
export type SettingsFilePreview = z.infer<typeof SettingsFilePreview>

const ImportArgs = { text: FileText, includeStation: z.boolean() }

export const settingsFileChannels = {
  /** Writes the file into the data folder's settings-exports/ (or a folder named, a full path) and answers it too, for a download. */
  'settingsFile:export': {
    args: z.strictObject({
      folder: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(1000).optional()),
      approval: Approval
    }),
    result: z.object({ path: z.string(), fileName: z.string(), text: z.string() })
  },
  'settingsFile:preview': { args: z.strictObject(ImportArgs), result: SettingsFilePreview },
  'settingsFile:import': { args: z.strictObject({ ...ImportArgs, approval: Approval }), result: SettingsFilePreview }
} as const
