// A setting kept as one JSON object under its own key of the `settings`
// table, checked by its zod schema: a feature's settings live with the
// feature (order claims, packing evidence), and a value stored by an older
// version gets the defaults for the fields it lacks.
import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { Db } from '../db/connection'
import { settings } from '../db/schema'

export type JsonSetting<T> = { read(db: Db): T; write(db: Db, value: T): T }

export function jsonSetting<T extends object>(key: string, schema: z.ZodType<T>, defaults: T): JsonSetting<T> {
  return {
    read(db) {
      const stored = db.select().from(settings).where(eq(settings.key, key)).get()?.value
      const parsed = schema.safeParse({ ...defaults, ...(stored !== null && typeof stored === 'object' ? stored : {}) })
      return parsed.success ? parsed.data : defaults
    },
    write(db, value) {
      const checked = schema.parse(value)
      db.insert(settings)
        .values({ key, value: checked })
        .onConflictDoUpdate({ target: settings.key, set: { value: checked } })
        .run()
      return checked
    }
  }
}
