// The scanner settings, kept in the station's `settings` table under
// `scanners.serial` and `scanners.hid` (parsed with zod on every read; absent
// or unreadable means "none configured"). The keyboard-wedge prefixes and
// suffixes are the core's own `scannerAffixes` setting, stripped from every scan.
import { eq } from 'drizzle-orm'
import { HidSettings, ScannerSettings, SerialSettings } from '../../shared/scanners'
import type { Db } from '../core/db/connection'
import { settings } from '../core/db/schema'
import { getSetting, setSetting } from '../core/settings/settings'

const KEYS = { serial: 'scanners.serial', hid: 'scanners.hid' } as const

function readKey<T>(db: Db, key: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T | null {
  const row = db.select().from(settings).where(eq(settings.key, key)).get()
  if (!row) return null
  const parsed = schema.safeParse(row.value)
  return parsed.success ? parsed.data : null
}

function writeKey(db: Db, key: string, value: unknown | null): void {
  if (value === null) {
    db.delete(settings).where(eq(settings.key, key)).run()
    return
  }
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run()
}

export function readScannerSettings(db: Db): ScannerSettings {
  return {
    keyboard: getSetting(db, 'scannerAffixes'),
    serial: readKey(db, KEYS.serial, SerialSettings),
    hid: readKey(db, KEYS.hid, HidSettings)
  }
}

/** Saves all scanner settings in one transaction; returns what is now stored. */
export function saveScannerSettings(db: Db, next: ScannerSettings): ScannerSettings {
  const checked = ScannerSettings.parse(next)
  db.transaction((tx) => {
    setSetting(tx, 'scannerAffixes', checked.keyboard)
    writeKey(tx, KEYS.serial, checked.serial)
    writeKey(tx, KEYS.hid, checked.hid)
  })
  return readScannerSettings(db)
}
