// The channels of the central OMS sync (SPEC §7): its status for the status
// bar, its settings, "Sync now", and the events the OMS rejected, which a
// shift lead re-sends or acknowledges.
import { z } from 'zod'
import { omsUrlProblem } from './omsUrl'
import { Approval } from './operators'
import { none, pageOf, pageQuery } from './primitives'
import { Sentence, Words } from './words'

export const SyncStatus = z.object({
  /** An OMS address is set; false: an offline station (file export only, if enabled). */
  configured: z.boolean(),
  /** The OMS answered the last request; null until the station has tried. */
  online: z.boolean().nullable(),
  /** A pull or push is running now. */
  syncing: z.boolean(),
  /** Events not yet acknowledged by the OMS. */
  waiting: z.number().int(),
  /** Events the OMS rejected that no shift lead has re-sent or acknowledged yet. */
  rejected: z.number().int(),
  lastSuccessAt: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** `lastError` as catalogue words (one sentence, or a pull's conflicts one after the other), for a screen in its language. */
  lastErrorWords: z.union([Words, z.array(Sentence)]).optional(),
  lastErrorAt: z.string().nullable(),
  /** When the station tries the OMS again while it cannot reach it (or the OMS refuses the events); null while it answers. */
  nextTryAt: z.string().nullable(),
  /** Set when the OMS token is stored unencrypted (no system keychain). */
  tokenWarning: z.string().nullable(),
  export: z.object({ enabled: z.boolean(), folder: z.string().nullable(), waiting: z.number().int(), lastError: z.string().nullable() })
})
export type SyncStatus = z.infer<typeof SyncStatus>

export const SyncSettingsView = z.object({
  omsUrl: z.string().nullable(),
  pullIntervalMinutes: z.number(),
  /** A token is stored for this OMS address (a token is bound to the address it was entered for). */
  tokenStored: z.boolean(),
  tokenEncrypted: z.boolean(),
  exportEnabled: z.boolean(),
  exportFolder: z.string().nullable()
})
export type SyncSettingsView = z.infer<typeof SyncSettingsView>

const blankIsNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v)

export const SaveSyncSettings = z
  .object({
    omsUrl: z.preprocess(
      blankIsNull,
      z
        .string()
        .max(500)
        .superRefine((url, ctx) => {
          const problem = omsUrlProblem(url)
          if (problem) ctx.addIssue({ code: 'custom', message: problem })
        })
        .nullable()
    ),
    pullIntervalMinutes: z.number().min(0.5, 'Pull at most every 30 seconds').max(1440, 'Pull at least once a day'),
    /** A new token, for this OMS address; absent keeps the stored one while the address's origin stays the same. */
    token: z.string().trim().min(1).max(4096).optional(),
    clearToken: z.boolean().optional(),
    exportEnabled: z.boolean(),
    exportFolder: z.preprocess(blankIsNull, z.string().max(1000).nullable()),
    approval: Approval
  })
  .strict()
export type SaveSyncSettings = z.input<typeof SaveSyncSettings>

export const SyncNowResult = z.object({
  pulled: z
    .object({
      imported: z.number().int(),
      unchanged: z.number().int(),
      failed: z.number().int(),
      statusChanges: z.number().int(),
      conflicts: z.array(z.string())
    })
    .nullable(),
  sent: z.object({ accepted: z.number().int(), duplicate: z.number().int(), rejected: z.number().int() }).nullable(),
  exported: z.number().int().nullable(),
  /** What went wrong, in words; null when everything worked. */
  problems: z.array(z.string()),
  /** The same problems as catalogue words, one per problem (null where a problem has none), for the screen's language. */
  problemWords: z.array(Words.nullable()).optional(),
  status: SyncStatus
})
export type SyncNowResult = z.infer<typeof SyncNowResult>

export const RejectedEvent = z.object({
  id: z.string(),
  type: z.string(),
  orderId: z.number().int().nullable(),
  orderNumber: z.string().nullable(),
  omsOrderId: z.string().nullable(),
  createdAt: z.string(),
  rejectedAt: z.string(),
  reason: z.string()
})
export type RejectedEvent = z.infer<typeof RejectedEvent>

/** Where the next page of the rejected events starts: the last one's place (oldest first). */
export const RejectedCursor = z.strictObject({ createdAt: z.string().max(64), id: z.string().min(1).max(100) })
export type RejectedCursor = z.infer<typeof RejectedCursor>

export const RejectedEventsQuery = pageQuery(RejectedCursor)
export type RejectedEventsQuery = z.infer<typeof RejectedEventsQuery>

/** One page of the rejected events still open, oldest first: `open` counts them all, `nextCursor` is null on the last page. */
export const RejectedEventsPage = pageOf('rejected', RejectedEvent, RejectedCursor)
export type RejectedEventsPage = z.infer<typeof RejectedEventsPage>

const EventIds = z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(500), approval: Approval }).strict()

export const syncChannels = {
  'sync:status': { args: none, result: SyncStatus },
  'sync:settings': { args: none, result: SyncSettingsView },
  'sync:saveSettings': { args: SaveSyncSettings, result: SyncSettingsView },
  'sync:now': { args: none, result: SyncNowResult },
  'sync:rejectedEvents': { args: RejectedEventsQuery, result: RejectedEventsPage },
  'sync:resendRejected': { args: EventIds, result: z.object({ resent: z.number().int() }) },
  'sync:acknowledgeRejected': { args: EventIds, result: z.object({ acknowledged: z.number().int() }) }
} as const

export const syncNotices = {
  /** The sync's state changed (online/offline, events waiting, last sync, last error). */
  'sync:status': SyncStatus
} as const
