// Label and printer settings, kept in the station's key/value `settings`
// table under their own keys; zod-parsed on every read, defaults when absent
// (or when a stored value no longer parses, which is then reported, not used).
import { eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import { Gs1Settings, LabelSize, PrintSettings, SlipPaper, type PrintSettings as PrintSettingsT } from '../../../shared/labels'
import type { Db } from '../db/connection'
import { settings } from '../db/schema'

const KEYS = {
  gs1: 'labels.gs1',
  labelSize: 'labels.size',
  slipPaper: 'labels.slipPaper',
  printers: 'printing.printers',
  autoPrint: 'printing.autoPrint'
} as const satisfies Record<keyof PrintSettingsT, string>

export const DEFAULT_PRINT_SETTINGS: PrintSettingsT = {
  labelSize: '4x6in',
  slipPaper: 'A4',
  gs1: null,
  printers: { box_label: null, shipping_label: null, packing_slip: null },
  autoPrint: { boxLabel: false, shippingLabel: false }
}

const FIELD_SCHEMAS = {
  gs1: Gs1Settings.nullable(),
  labelSize: LabelSize,
  slipPaper: SlipPaper,
  printers: PrintSettings.shape.printers,
  autoPrint: PrintSettings.shape.autoPrint
} satisfies { [K in keyof PrintSettingsT]: z.ZodType }

export function getPrintSettings(db: Db): PrintSettingsT {
  const rows = db
    .select()
    .from(settings)
    .where(inArray(settings.key, Object.values(KEYS)))
    .all()
  const stored = new Map(rows.map((r) => [r.key, r.value]))
  const out = structuredClone(DEFAULT_PRINT_SETTINGS) as Record<keyof PrintSettingsT, unknown>
  for (const field of Object.keys(KEYS) as (keyof PrintSettingsT)[]) {
    if (!stored.has(KEYS[field])) continue
    const parsed = FIELD_SCHEMAS[field].safeParse(stored.get(KEYS[field]))
    if (parsed.success) out[field] = parsed.data
  }
  return out as PrintSettingsT
}

/** Stores every field (already validated at the IPC boundary; parsed again here for other callers). */
export function savePrintSettings(db: Db, next: PrintSettingsT): PrintSettingsT {
  const checked = PrintSettings.parse(next)
  db.transaction((tx) => {
    for (const field of Object.keys(KEYS) as (keyof PrintSettingsT)[]) {
      const value = checked[field] as unknown
      // `value` is NOT NULL and drizzle writes a JS null as SQL NULL, not as JSON "null": a field set to
      // null (no GS1 prefix) is stored as no row, which reads back as the default, null.
      if (value === null) tx.delete(settings).where(eq(settings.key, KEYS[field])).run()
      else tx.insert(settings).values({ key: KEYS[field], value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run()
    }
  })
  return getPrintSettings(db)
}

/** One raw key of the settings table (the SSCC counter lives there too). */
export function readSettingValue(db: Db, key: string): unknown {
  return db.select().from(settings).where(eq(settings.key, key)).get()?.value
}
