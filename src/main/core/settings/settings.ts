// Station settings: a small key/value table with typed defaults.
import { randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { settings } from '../db/schema'
import type { ScannerAffixes } from '../scanning/serial'
import type { Language } from '../../../shared/i18n/languages'

export type Settings = {
  /** Prefixes every id that leaves the station; made once, at the first start. */
  stationId: string
  /** What people call the station ("Packing bench 3"); null until the first-run guide or a settings file names it. */
  stationName: string | null
  /** What the scanners put around the data, stripped from every scan. */
  scannerAffixes: ScannerAffixes
  /** Serials typed by hand (told apart by keystroke timing): allowed, allowed with a shift lead's PIN, or refused. */
  handEntryPolicy: HandEntryPolicy
  /** Volume of the scan feedback sounds, 0 (silent) to 1. */
  feedbackVolume: number
  /** Operators sign in with a PIN too (shift leads always do). */
  operatorSignInPin: boolean
  /** The station's language (SPEC §10): its screens, unless the operator has their own, and what it prints. */
  language: Language
  /** Minutes between two online backups (a backup is also taken at every sign-out). */
  backupEveryMinutes: number
  /** How many backups stay; older ones are removed. */
  backupKeep: number
  /** Where backups go (a second disk or a share); null: `backups` in the data folder. */
  backupFolder: string | null
}

export const HAND_ENTRY_POLICIES = ['allowed', 'approval', 'refused'] as const
export type HandEntryPolicy = (typeof HAND_ENTRY_POLICIES)[number]

const DEFAULTS: Omit<Settings, 'stationId'> = {
  stationName: null,
  scannerAffixes: { prefixes: [], suffixes: [] },
  handEntryPolicy: 'allowed',
  feedbackVolume: 0.8,
  operatorSignInPin: false,
  language: 'en',
  backupEveryMinutes: 30,
  backupKeep: 14,
  backupFolder: null
}

/** Read on every scan (the scanner affixes): prepared once per connection. */
const byKey = perConnection((db) =>
  db
    .select()
    .from(settings)
    .where(eq(settings.key, sql.placeholder('key')))
    .prepare()
)

export function getSetting<K extends keyof Settings>(db: Db, key: K): Settings[K] {
  const row = byKey(db).get({ key })
  if (row) return row.value as Settings[K]
  if (key === 'stationId') return ensureStationId(db) as Settings[K]
  return DEFAULTS[key as keyof typeof DEFAULTS] as Settings[K]
}

export function setSetting<K extends keyof Settings>(db: Db, key: K, value: Settings[K]): void {
  // drizzle writes a JSON null as SQL NULL, which the column refuses. Every setting that may be null has null as
  // its default, so null means the default: the row goes.
  if (value === null) {
    db.delete(settings).where(eq(settings.key, key)).run()
    return
  }
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run()
}

function ensureStationId(db: Db): string {
  const id = `ST-${randomBytes(4).toString('hex').toUpperCase()}`
  setSetting(db, 'stationId', id)
  return id
}
