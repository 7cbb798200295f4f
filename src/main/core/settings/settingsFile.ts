// Settings as one file (src/shared/settingsFile.ts): what this station's
// settings look like as the file, reading a file a shift lead brings (refused
// whole, with one plain sentence, when it is not exactly a file this version
// writes), and what importing it would make of this station's settings.
// Secrets are not settings: the OMS token lives in the secret store and PINs
// on the operators, so neither can reach the file.
import type { z } from 'zod'
import type { Gs1Settings, PrintSettings } from '../../../shared/labels'
import {
  SETTINGS_FILE_FORMAT,
  SETTINGS_FILE_VERSION,
  SettingsFile,
  type SettingChange,
  type SettingsFilePreview
} from '../../../shared/settingsFile'
import type { Db } from '../db/connection'
import { refuse } from '../errors'
import type { Sentence } from '../../../shared/words'
import { getPrintSettings } from '../labels/printSettings'
import { listBoxPresets } from '../packing/boxPresets'
import { readSyncSetting } from '../sync/syncSettings'
import { getSetting } from './settings'

/** This station's settings as the file holds them. */
export function currentSettingsFile(db: Db, at: Date, appVersion: string): SettingsFile {
  const print = getPrintSettings(db)
  const oms = readSyncSetting(db, 'oms')
  const exporting = readSyncSetting(db, 'export')
  const { companyPrefix, ...numbering } = print.gs1 ?? { companyPrefix: null }
  return {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: at.toISOString(),
    appVersion,
    station: {
      id: getSetting(db, 'stationId'),
      name: getSetting(db, 'stationName'),
      gs1Numbering: print.gs1 ? (numbering as Omit<Gs1Settings, 'companyPrefix'>) : null,
      printers: print.printers
    },
    settings: {
      scanning: {
        handEntryPolicy: getSetting(db, 'handEntryPolicy'),
        feedbackVolume: getSetting(db, 'feedbackVolume'),
        operatorSignInPin: getSetting(db, 'operatorSignInPin')
      },
      scannerAffixes: getSetting(db, 'scannerAffixes'),
      labels: { labelSize: print.labelSize, slipPaper: print.slipPaper, gs1CompanyPrefix: companyPrefix, autoPrint: print.autoPrint },
      oms: {
        omsUrl: oms.baseUrl,
        pullIntervalMinutes: oms.pullIntervalSeconds / 60,
        exportEnabled: exporting.enabled,
        exportFolder: exporting.folder
      },
      backups: { everyMinutes: getSetting(db, 'backupEveryMinutes'), keep: getSetting(db, 'backupKeep') },
      boxPresets: listBoxPresets(db).map(({ id: _id, ...preset }) => preset)
    }
  }
}

/** Reads a settings file's text; refuses (`settings_file`) anything but a whole, valid file of this version or older. */
export function readSettingsFile(text: string): SettingsFile {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return refuse('settings_file', { key: 'refusals:settings.notJson', params: { problem: (error as Error).message } })
  }
  const head = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as { format?: unknown; version?: unknown }
  if (head.format !== SETTINGS_FILE_FORMAT) {
    return refuse('settings_file', { key: 'refusals:settings.notOurFormat', params: { format: SETTINGS_FILE_FORMAT } })
  }
  if (typeof head.version === 'number' && head.version > SETTINGS_FILE_VERSION) {
    return refuse('settings_file', {
      key: 'refusals:settings.newerVersion',
      params: { fileVersion: head.version, ourVersion: SETTINGS_FILE_VERSION }
    })
  }
  const parsed = SettingsFile.safeParse(raw)
  if (!parsed.success)
    return refuse('settings_file', { key: 'refusals:settings.fileProblem', params: { problem: [problemOf(parsed.error.issues[0]!)] } })
  return parsed.data
}

function problemOf(issue: z.core.$ZodIssue): Sentence {
  const where = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '')
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => (where ? `${where}.${k}` : k)).join(', ')
    return { key: 'refusals:settings.unknownSettings', params: { count: issue.keys.length, keys } }
  }
  // `problem` is zod's English account of the value.
  if (!where) return { key: 'refusals:settings.contentWrong', params: { problem: issue.message } }
  return { key: 'refusals:settings.settingWrong', params: { where, problem: issue.message } }
}

/**
 * What this station's settings become when `file` is imported: the shared part always, the file's
 * station part (id, name, SSCC numbering, printers) only with `includeStation`.
 */
export function appliedSettings(current: SettingsFile, file: SettingsFile, includeStation: boolean): SettingsFile {
  const station = includeStation ? file.station : current.station
  // The SSCC numbering belongs to the station; one that has none yet takes the file's (and is warned, see preview).
  const gs1Numbering = file.settings.labels.gs1CompanyPrefix === null ? null : (station.gs1Numbering ?? file.station.gs1Numbering)
  const byName = new Map(current.settings.boxPresets.map((p) => [p.name, p]))
  for (const preset of file.settings.boxPresets) byName.set(preset.name, preset)
  return {
    ...current,
    station: { ...station, gs1Numbering },
    settings: { ...file.settings, boxPresets: [...byName.values()] }
  }
}

/** The print settings of a station's file (its GS1 prefix joined with its numbering). */
export function printSettingsOf(file: SettingsFile): PrintSettings {
  const { gs1CompanyPrefix, ...labels } = file.settings.labels
  const gs1 = gs1CompanyPrefix === null ? null : { companyPrefix: gs1CompanyPrefix, extensionDigit: 0, ...file.station.gs1Numbering }
  return { ...labels, gs1, printers: file.station.printers }
}

type Described = [setting: string, value: string]

/** Every setting of a file, in words, in the order the preview lists them. */
function describe(file: SettingsFile, part: 'station' | 'settings'): Described[] {
  const { station, settings: s } = file
  const onOff = (b: boolean) => (b ? 'on' : 'off')
  const list = (items: string[]) => (items.length ? items.map((i) => JSON.stringify(i)).join(', ') : 'none')
  const printer = (p: PrintSettings['printers']['box_label']) =>
    p === null ? 'none' : p.type === 'network' ? `${p.host}:${p.port} (ZPL)` : p.type === 'spooler' ? `${p.queue} (${p.language})` : p.name
  const numbering = (n: SettingsFile['station']['gs1Numbering']) =>
    n === null
      ? 'none'
      : `extension digit ${n.extensionDigit}, serial references ${n.firstSerial ?? 'from 0'}${n.lastSerial !== undefined ? ` to ${n.lastSerial}` : ' up'}`
  if (part === 'station')
    return [
      ['Station · id', station.id],
      ['Station · name', station.name ?? 'none'],
      ['SSCC numbering', numbering(station.gs1Numbering)],
      ['Printer · box label', printer(station.printers.box_label)],
      ['Printer · shipping label', printer(station.printers.shipping_label)],
      ['Printer · packing slip', printer(station.printers.packing_slip)]
    ]
  return [
    ['Scanning · serials typed by hand', s.scanning.handEntryPolicy],
    ['Scanning · feedback volume', `${Math.round(s.scanning.feedbackVolume * 100)}%`],
    ['Scanning · operators sign in with a PIN', onOff(s.scanning.operatorSignInPin)],
    ['Scanners · prefixes to strip', list(s.scannerAffixes.prefixes)],
    ['Scanners · suffixes to strip', list(s.scannerAffixes.suffixes)],
    ['Labels · GS1 company prefix', s.labels.gs1CompanyPrefix ?? 'none'],
    ['Labels · label size', s.labels.labelSize],
    ['Labels · packing slip paper', s.labels.slipPaper],
    ['Labels · print box label on confirm', onOff(s.labels.autoPrint.boxLabel)],
    ['Labels · print shipping label on ship', onOff(s.labels.autoPrint.shippingLabel)],
    ['OMS · address', s.oms.omsUrl ?? 'none (offline station)'],
    ['OMS · pull orders every', `${s.oms.pullIntervalMinutes} min`],
    ['OMS · write export files', onOff(s.oms.exportEnabled)],
    ['OMS · export folder', s.oms.exportFolder ?? 'none'],
    ['Backups · every', `${s.backups.everyMinutes} min`],
    ['Backups · keep', String(s.backups.keep)],
    ...s.boxPresets.map((p): Described => [
      `Box preset · ${p.name}`,
      `${p.lengthMm}×${p.widthMm}×${p.heightMm} mm, up to ${p.maxWeightG} g`
    ])
  ]
}

function differences(before: Described[], after: Described[]): SettingChange[] {
  const now = new Map(before)
  return after
    .filter(([setting, value]) => now.get(setting) !== value)
    .map(([setting, file]) => ({ setting, now: now.get(setting) ?? 'none', file }))
}

/** What importing `file` changes here, what it keeps of this station's own, and what the shift lead must do after. */
export function previewImport(
  current: SettingsFile,
  file: SettingsFile,
  includeStation: boolean,
  context: { stationIdInUse: string; tokenKeptFor: (url: string) => boolean }
): SettingsFilePreview {
  const next = appliedSettings(current, file, includeStation)
  const changes = [
    ...differences(describe(current, 'station'), describe(next, 'station')),
    ...differences(describe(current, 'settings'), describe(next, 'settings'))
  ]
  const kept = includeStation ? [] : differences(describe(current, 'station'), describe(file, 'station'))
  const notes: string[] = []
  const url = next.settings.oms.omsUrl
  if (url !== null && !context.tokenKeptFor(url))
    notes.push('The OMS token is never in a settings file: enter it on the Sync screen after the import.')
  if (next.station.id !== context.stationIdInUse)
    notes.push(
      `The station id ${next.station.id} applies from the next start of the station (until then it works as ${context.stationIdInUse}).`
    )
  if (!includeStation && current.station.gs1Numbering === null && next.station.gs1Numbering !== null)
    notes.push(
      `This station had no SSCC numbering and takes the file's (${describe(next, 'station')[2]![1]}), the same as station ${file.station.id}: ` +
        'change the extension digit or the serial range in Printing → Print settings before packing, or two stations hand out the same SSCCs.'
    )
  const dropped = current.settings.boxPresets.filter((p) => !file.settings.boxPresets.some((f) => f.name === p.name))
  if (dropped.length) notes.push(`Box presets that are not in the file stay: ${dropped.map((p) => p.name).join(', ')}.`)
  return {
    from: { stationId: file.station.id, stationName: file.station.name, exportedAt: file.exportedAt, appVersion: file.appVersion },
    changes,
    kept,
    notes
  }
}
