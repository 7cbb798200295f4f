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
  /** Events per request: up to the contract's maximum (docs/oms-api.yaml, `events` maxItems). */
  batchSize: z.number().int().min(1).max(500).default(500),
  backoffBaseMs: z.number().int().min(1).max(60_000).default(1_000),
  /**
   * While the OMS cannot be reached, the relay waits a full-jitter backoff between two tries
   * (base · 2^failures, at most the cap, or the OMS's Retry-After). The cap bounds how long
   * waiting events sit after the OMS is back, so it stays short: each try is one small batch.
   */
  backoffCapMs: z.number().int().min(1).max(3_600_000).default(5_000)
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

function storedValue(db: Db, kind: Kind): unknown {
  return db.select().from(settings).where(eq(settings.key, KEYS[kind])).get()?.value
}

export function readSyncSetting<K extends Kind>(db: Db, kind: K): ValueOf<K> {
  const parsed = SCHEMAS[kind].safeParse(storedValue(db, kind) ?? {})
  return (parsed.success ? parsed.data : SCHEMAS[kind].parse({})) as ValueOf<K>
}

/**
 * Merges `changes` into the stored value (validated: a bad value is refused, not stored). Only what
 * was set is stored, never the defaults filled in on reading: a later version's default (e.g. the
 * batch size) then applies to every setting nobody chose.
 */
export function writeSyncSetting<K extends Kind>(db: Db, kind: K, changes: Partial<ValueOf<K>>): ValueOf<K> {
  const stored = storedValue(db, kind)
  const readable = typeof stored === 'object' && stored !== null && SCHEMAS[kind].safeParse(stored).success
  const merged: Record<string, unknown> = { ...(readable ? stored : {}), ...changes }
  const value = SCHEMAS[kind].parse(merged) as ValueOf<K>
  const set = Object.fromEntries(Object.entries(merged).filter(([key]) => key in value))
  db.insert(settings)
    .values({ key: KEYS[kind], value: set })
    .onConflictDoUpdate({ target: settings.key, set: { value: set } })
    .run()
  return value
}
