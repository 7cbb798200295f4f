// The append-only event log, the outbox to the OMS, station settings and the print-job log (SPEC §1, §6, §7).
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { Words } from '../../../../shared/words'
import { LABEL_FORMATS, LABEL_KINDS, PRINT_JOB_STATUSES } from './enums'
import { orders } from './catalogue'
import { boxes } from './packing'
import { operators } from './people'

/** The append-only event log: who, when, what, from, to, why. Triggers refuse UPDATE and DELETE. */
export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    type: text('type').notNull(),
    /** null for the station itself (automatic release, OMS sync). */
    operatorId: integer('operator_id').references(() => operators.id),
    orderId: integer('order_id').references(() => orders.id),
    entityId: text('entity_id'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    data: text('data', { mode: 'json' })
  },
  (t) => [
    index('events_order').on(t.orderId, t.at),
    // The shift board and reports (core/reports/): orders packed, boxes confirmed per time range (and operator).
    index('events_type_time').on(t.type, t.at, t.operatorId, t.entityId)
  ]
)

/** The transactional outbox: written with the change it reports, sent to the OMS later. */
export const outbox = sqliteTable(
  'outbox',
  {
    /** Also the idempotency key the OMS dedupes on. */
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    type: text('type').notNull(),
    orderId: integer('order_id').references(() => orders.id),
    payload: text('payload', { mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    sentAt: text('sent_at'),
    /** The OMS refused the event (e.g. an IMEI another station shipped): shown to a shift lead, never dropped. */
    rejectedAt: text('rejected_at'),
    rejectReason: text('reject_reason'),
    /** Written to the file-export folder (for OMSs that take files). */
    exportedAt: text('exported_at')
  },
  (t) => [
    index('outbox_pending').on(t.sentAt, t.createdAt),
    // The Sync screen's rejected events, oldest first: only the rejected rows, however many were sent.
    index('outbox_rejected')
      .on(t.createdAt, t.id)
      .where(sql`${t.rejectedAt} IS NOT NULL`)
  ]
)

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull()
})

/** Every label sent to a printer (or that failed to be): status, error, retry. */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: LABEL_KINDS }).notNull(),
    format: text('format', { enum: LABEL_FORMATS }).notNull(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    boxId: text('box_id').references(() => boxes.id),
    printer: text('printer').notNull(),
    status: text('status', { enum: PRINT_JOB_STATUSES }).notNull(),
    error: text('error'),
    /** `error` as catalogue words (key and values), so a failed job reads in each operator's language after a restart; null before 0014. */
    errorWords: text('error_words', { mode: 'json' }).$type<Words>(),
    attempts: integer('attempts').notNull().default(0),
    createdBy: integer('created_by').references(() => operators.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  // The print jobs list, newest first, of one order or of all (walked backwards).
  (t) => [index('print_jobs_order').on(t.orderId, t.createdAt, t.id), index('print_jobs_created').on(t.createdAt, t.id)]
)
