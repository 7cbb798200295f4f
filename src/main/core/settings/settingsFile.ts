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
import { english, refuse } from '../errors'
import type { Sentence, Words } from '../../../shared/words'
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

/** One setting of a file in words: `id` tells the rows apart (the same setting before and after), the rest is shown. */
type Described = { id: string; setting: Sentence; value: Sentence }

const row = (id: string, setting: string, value: Sentence, params?: Sentence['params']): Described => ({
  id,
  setting: params ? { key: setting, params } : { key: setting },
  value
})
/** A value that is data, not words (an id, a name, an address): shown as it is in every language. */
const plain = (value: string | number): Sentence => ({ key: 'settings:file.value.plain', params: { value } })
const NONE: Sentence = { key: 'settings:file.value.none' }
const onOff = (b: boolean): Sentence => ({ key: b ? 'settings:file.value.on' : 'settings:file.value.off' })
const orNone = (value: string | null): Sentence => (value === null ? NONE : plain(value))

const HAND_ENTRY: Record<SettingsFile['settings']['scanning']['handEntryPolicy'], string> = {
  allowed: 'settings:station.allowed',
  approval: 'settings:station.withPin',
  refused: 'settings:station.refused'
}
const LABEL_SIZE: Record<SettingsFile['settings']['labels']['labelSize'], string> = {
  '4x6in': 'printing:settings.size.4x6in',
  '100x150mm': 'printing:settings.size.100x150mm',
  '4x2in': 'printing:settings.size.4x2in'
}

function printerWords(p: PrintSettings['printers']['box_label']): Sentence {
  if (p === null) return NONE
  if (p.type === 'network') return { key: 'settings:file.value.networkPrinter', params: { host: p.host, port: p.port } }
  if (p.type === 'spooler') return { key: 'settings:file.value.queuePrinter', params: { queue: p.queue, language: p.language } }
  return plain(p.name)
}

function numberingWords(n: SettingsFile['station']['gs1Numbering']): Sentence {
  if (n === null) return NONE
  const first = n.firstSerial ?? 0
  return n.lastSerial !== undefined
    ? { key: 'settings:file.value.numberingTo', params: { digit: n.extensionDigit, first, last: n.lastSerial } }
    : { key: 'settings:file.value.numberingUp', params: { digit: n.extensionDigit, first } }
}

/** Every setting of a file, in words, in the order the preview lists them. */
function describe(file: SettingsFile, part: 'station' | 'settings'): Described[] {
  const { station, settings: s } = file
  const list = (items: string[]): Sentence => (items.length ? plain(items.map((i) => JSON.stringify(i)).join(', ')) : NONE)
  const minutes = (value: number): Sentence => ({ key: 'settings:file.value.minutes', params: { value } })
  if (part === 'station')
    return [
      row('station.id', 'settings:file.row.stationId', plain(station.id)),
      row('station.name', 'settings:file.row.stationName', orNone(station.name)),
      row('station.gs1Numbering', 'settings:file.row.ssccNumbering', numberingWords(station.gs1Numbering)),
      row('printer.box_label', 'settings:file.row.printerBoxLabel', printerWords(station.printers.box_label)),
      row('printer.shipping_label', 'settings:file.row.printerShippingLabel', printerWords(station.printers.shipping_label)),
      row('printer.packing_slip', 'settings:file.row.printerPackingSlip', printerWords(station.printers.packing_slip))
    ]
  return [
    row('scanning.handEntryPolicy', 'settings:file.row.handEntry', { key: HAND_ENTRY[s.scanning.handEntryPolicy] }),
    row('scanning.feedbackVolume', 'settings:file.row.volume', {
      key: 'settings:station.percent',
      params: { value: s.scanning.feedbackVolume }
    }),
    row('scanning.operatorSignInPin', 'settings:file.row.operatorPin', onOff(s.scanning.operatorSignInPin)),
    row('scanners.prefixes', 'settings:file.row.prefixes', list(s.scannerAffixes.prefixes)),
    row('scanners.suffixes', 'settings:file.row.suffixes', list(s.scannerAffixes.suffixes)),
    row('labels.gs1CompanyPrefix', 'settings:file.row.gs1Prefix', orNone(s.labels.gs1CompanyPrefix)),
    row('labels.labelSize', 'settings:file.row.labelSize', { key: LABEL_SIZE[s.labels.labelSize] }),
    row('labels.slipPaper', 'settings:file.row.slipPaper', plain(s.labels.slipPaper)),
    row('labels.autoPrint.boxLabel', 'settings:file.row.autoBoxLabel', onOff(s.labels.autoPrint.boxLabel)),
    row('labels.autoPrint.shippingLabel', 'settings:file.row.autoShippingLabel', onOff(s.labels.autoPrint.shippingLabel)),
    row('oms.omsUrl', 'settings:file.row.omsUrl', s.oms.omsUrl === null ? { key: 'settings:file.value.offline' } : plain(s.oms.omsUrl)),
    row('oms.pullIntervalMinutes', 'settings:file.row.pullEvery', minutes(s.oms.pullIntervalMinutes)),
    row('oms.exportEnabled', 'settings:file.row.exportFiles', onOff(s.oms.exportEnabled)),
    row('oms.exportFolder', 'settings:file.row.exportFolder', orNone(s.oms.exportFolder)),
    row('backups.everyMinutes', 'settings:file.row.backupEvery', minutes(s.backups.everyMinutes)),
    row('backups.keep', 'settings:file.row.backupKeep', { key: 'settings:file.value.count', params: { value: s.backups.keep } }),
    ...s.boxPresets.map((p) =>
      row(
        `preset:${p.name}`,
        'settings:file.row.boxPreset',
        {
          key: 'settings:file.value.preset',
          params: { length: p.lengthMm, width: p.widthMm, height: p.heightMm, maxWeight: p.maxWeightG }
        },
        { name: p.name }
      )
    )
  ]
}

const same = (a: Sentence, b: Sentence) => JSON.stringify(a) === JSON.stringify(b)

/** A row of the preview: its English (logs, the command line, an older screen) and its words. */
function change(setting: Sentence, now: Sentence, file: Sentence): SettingChange {
  return { setting: english(setting), now: english(now), file: english(file), words: { setting, now, file } }
}

function differences(before: Described[], after: Described[]): SettingChange[] {
  const now = new Map(before.map((d) => [d.id, d.value]))
  return after
    .filter(({ id, value }) => !now.has(id) || !same(now.get(id)!, value))
    .map(({ id, setting, value }) => change(setting, now.get(id) ?? NONE, value))
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
  const noteWords: Words[] = []
  const url = next.settings.oms.omsUrl
  if (url !== null && !context.tokenKeptFor(url)) noteWords.push({ key: 'settings:file.note.token' })
  if (next.station.id !== context.stationIdInUse)
    noteWords.push({ key: 'settings:file.note.stationId', params: { next: next.station.id, current: context.stationIdInUse } })
  if (!includeStation && current.station.gs1Numbering === null && next.station.gs1Numbering !== null)
    noteWords.push({
      key: 'settings:file.note.sscc',
      params: { numbering: [numberingWords(next.station.gs1Numbering)], station: file.station.id }
    })
  const dropped = current.settings.boxPresets.filter((p) => !file.settings.boxPresets.some((f) => f.name === p.name))
  if (dropped.length) noteWords.push({ key: 'settings:file.note.presetsStay', params: { names: dropped.map((p) => p.name).join(', ') } })
  return {
    from: { stationId: file.station.id, stationName: file.station.name, exportedAt: file.exportedAt, appVersion: file.appVersion },
    changes,
    kept,
    notes: noteWords.map(english),
    noteWords
  }
}
