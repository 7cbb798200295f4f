// A shift lead's "Export diagnostics": one zip for IT with what they ask for
// first — the station's logs, its settings (secrets left out), the
// database's integrity report, the versions it runs, and the last 500 events
// of the event log. Written to a hidden temp file and renamed, so a reader of
// the folder never sees half a zip. fflate zips on a worker thread (its async
// API): a large log set does not stall the scans.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, zip, type AsyncZippable } from 'fflate'
import type { DiagnosticsExport } from '../../../shared/app'
import type { StationContext } from '../context'
import { flushLogs, logFolder } from '../log/logger'
import { REDACTED, scrubText } from '../log/redact'
import { fileStamp, saveFile, saveFolder } from '../sync/savedFile'
import { integrityReport } from './integrity'
import { stationVersions } from './versions'

export const DIAGNOSTICS_FOLDER = 'diagnostics'
export const RECENT_EVENTS = 500

type Context = Pick<StationContext, 'connection' | 'clock' | 'dataDir' | 'stationId'>

/** Writes the zip into `folder` (a full path the shift lead names) or `<dataDir>/diagnostics`; answers where. */
export async function exportDiagnostics(
  context: Context,
  { version, folder }: { version: string; folder?: string }
): Promise<DiagnosticsExport> {
  const target = await saveFolder(folder, join(context.dataDir, DIAGNOSTICS_FOLDER))

  const now = context.clock()
  await flushLogs()
  const entries: Record<string, Uint8Array> = {
    'README.txt': strToU8(readme(context, now)),
    'versions.json': json({
      stationId: context.stationId,
      exportedAt: now.toISOString(),
      timeZone: timeZone(),
      ...stationVersions(context.connection.sqlite, version)
    }),
    'integrity.json': json(integrityReport(context.connection.sqlite, now)),
    'settings.json': json(settingsWithoutSecrets(context)),
    'recent-events.json': json(recentEvents(context)),
    ...logFiles(context.dataDir)
  }
  const bytes = await zipped(entries)
  const path = await saveFile(target, `diagnostics-${context.stationId}-${fileStamp(now.toISOString())}.zip`, bytes)
  return { path, bytes: bytes.length, files: Object.keys(entries) }
}

const json = (value: unknown): Uint8Array => strToU8(scrubText(JSON.stringify(value, withoutSecrets, 2)))

const SECRET_KEY = /^(pin|token|secret|password|authorization|cookie)$|(Pin|Token|Secret|Password|_pin|_token|_secret|_password)$/
/** JSON.stringify's replacer: a key that names a secret keeps its place, never its value. */
function withoutSecrets(key: string, value: unknown): unknown {
  if (key !== '' && SECRET_KEY.test(key) && typeof value !== 'boolean' && value !== null) return REDACTED
  return value
}

/** Every stored setting. Secrets are never in this table (the OMS token lives in the system keychain or its own file); the replacer keeps it so. */
function settingsWithoutSecrets({ connection }: Context): Record<string, unknown> {
  const rows = connection.sqlite.prepare('select key, value from settings order by key').all() as { key: string; value: string }[]
  const out: Record<string, unknown> = {}
  for (const { key, value } of rows) {
    try {
      out[key] = JSON.parse(value)
    } catch {
      out[key] = value
    }
  }
  return out
}

/** The newest events, newest first: the event log is append-only, so rowid order is the order they were written in. */
function recentEvents({ connection }: Context): unknown[] {
  return connection.sqlite
    .prepare(
      `select id, at, type, operator_id as operatorId, order_id as orderId, entity_id as entityId,
              from_status as fromStatus, to_status as toStatus, reason, data
         from events order by rowid desc limit ${RECENT_EVENTS}`
    )
    .all()
}

/** The log folder's files (the live one and the rotated ones), as they are on disk now. */
function logFiles(dataDir: string): Record<string, Uint8Array> {
  const dir = logFolder(dataDir)
  if (!existsSync(dir)) return {}
  const out: Record<string, Uint8Array> = {}
  for (const name of readdirSync(dir).sort()) {
    if (!name.startsWith('station.log')) continue
    // Censored again: a secret first seen after a line was written (a token entered later) is caught here too.
    out[`logs/${name}`] = strToU8(scrubText(readFileSync(join(dir, name), 'utf8')))
  }
  return out
}

function zipped(entries: Record<string, Uint8Array>): Promise<Uint8Array> {
  const data: AsyncZippable = {}
  for (const [name, bytes] of Object.entries(entries)) data[name] = [bytes, { level: 6 }]
  return new Promise((resolve, reject) => zip(data, (error, out) => (error ? reject(error) : resolve(out))))
}

const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

function readme(context: Context, now: Date): string {
  return [
    `Packing Station diagnostics — station ${context.stationId}, exported ${now.toISOString()} (UTC).`,
    '',
    'versions.json       the app, Node, Electron/Chromium (desktop app only), SQLite, the OS, the station time zone',
    'integrity.json      PRAGMA quick_check of station.db and its page figures',
    'settings.json       the station settings (no PINs, no OMS token: those are never exported)',
    `recent-events.json  the last ${RECENT_EVENTS} events of the event log, newest first`,
    'logs/               station.log (JSON lines) and its rotated files, newest .1',
    ''
  ].join('\n')
}
