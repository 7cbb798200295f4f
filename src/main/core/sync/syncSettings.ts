// The sync's own settings, kept in the station's `settings` table under
// `sync.*` keys: parsed with zod on every read, defaults when absent or unreadable.
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { omsUrlProblem } from '../../../shared/omsUrl'
import type { Db } from '../db/connection'
import { settings } from '../db/schema'

export const OmsSettings = z.object({
  /** The OMS's base address, e.g. https://oms.example.com; null: no OMS (an offline station). */
  baseUrl: z
    .string()
    .superRefine((url, ctx) => {
      const problem = omsUrlProblem(url)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
    .nullable()
    .default(null),
  /** How often orders are pulled. */
  pullIntervalSeconds: z.number().int().min(10).max(86_400).default(300),
  /** How often the outbox is looked at when nothing is waiting for a retry. */
  pushIntervalSeconds: z.number().int().min(1).max(3_600).default(15),
  /** One HTTP request's time limit. */
  requestTimeoutMs: z.number().int().min(500).max(120_000).default(10_000),
  /** The cancellation check before Packing Confirmation waits at most this long, then confirms offline. */
  statusCheckTimeoutMs: z.number().int().min(200).max(30_000).default(3_000),
  batchSize: z.number().int().min(1).max(500).default(50),
  backoffBaseMs: z.number().int().min(1).max(60_000).default(1_000),
  backoffCapMs: z.number().int().min(1).max(3_600_000).default(300_000)
})
export type OmsSettings = z.infer<typeof OmsSettings>

export const ExportSettings = z.object({
  enabled: z.boolean().default(false),
  /** Folder the NDJSON and CSV files are written into. */
  folder: z.string().min(1).nullable().default(null)
})
export type ExportSettings = z.infer<typeof ExportSettings>

/** What the station remembers between runs about the sync itself. */
export const SyncState = z.object({
  /** The OMS's opaque cursor: orders changed after it are pulled next. */
  cursor: z.string().nullable().default(null),
  lastSuccessAt: z.string().nullable().default(null),
  lastPullAt: z.string().nullable().default(null)
})
export type SyncState = z.infer<typeof SyncState>

const KEYS = { oms: 'sync.oms', export: 'sync.export', state: 'sync.state' } as const
const SCHEMAS = { oms: OmsSettings, export: ExportSettings, state: SyncState } as const
type Kind = keyof typeof KEYS
type ValueOf<K extends Kind> = z.infer<(typeof SCHEMAS)[K]>

export function readSyncSetting<K extends Kind>(db: Db, kind: K): ValueOf<K> {
  const row = db.select().from(settings).where(eq(settings.key, KEYS[kind])).get()
  const parsed = SCHEMAS[kind].safeParse(row?.value ?? {})
  return (parsed.success ? parsed.data : SCHEMAS[kind].parse({})) as ValueOf<K>
}

/** Merges `changes` into the stored value (validated: a bad value is refused, not stored). */
export function writeSyncSetting<K extends Kind>(db: Db, kind: K, changes: Partial<ValueOf<K>>): ValueOf<K> {
  const value = SCHEMAS[kind].parse({ ...readSyncSetting(db, kind), ...changes }) as ValueOf<K>
  db.insert(settings).values({ key: KEYS[kind], value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run()
  return value
}
