// Scan refusals, kept for the shift lead's board and reports (SPEC §10): one row per refused scan, append-only
// (triggers in drizzle/0010 refuse UPDATE and DELETE). A refusal changes no order: this row is its only trace.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { Words } from '../../../../shared/words'
import { ENTRY_METHODS, REFUSAL_CLASSES } from './enums'
import { orders } from './catalogue'
import { operators } from './people'

export const scanRefusals = sqliteTable(
  'scan_refusals',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    class: text('class', { enum: REFUSAL_CLASSES }).notNull(),
    orderId: integer('order_id').references(() => orders.id),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    entryMethod: text('entry_method', { enum: ENTRY_METHODS }).notNull(),
    /** What was scanned, cut to 80 characters (a refusal may be a runaway scan). */
    input: text('input').notNull(),
    /** The sentence the operator saw, in English. */
    message: text('message').notNull(),
    /** `message` as catalogue words (key and values), for the report's and the board's language; null before 0015. */
    words: text('words', { mode: 'json' }).$type<Words>()
  },
  // Counted and listed per class over a time range, for the station or one operator (core/reports/).
  (t) => [index('scan_refusals_class').on(t.class, t.at), index('scan_refusals_operator').on(t.operatorId, t.class, t.at)]
)
