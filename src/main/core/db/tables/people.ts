// Operators and who is assigned to which order for picking, packing and shipping (SPEC §2).
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { ASSIGNMENT_ROLES, OPERATOR_ROLES } from './enums'
import { orders } from './catalogue'
import { LANGUAGES } from '../../../../shared/i18n/languages'

export const operators = sqliteTable(
  'operators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    badgeCode: text('badge_code').notNull(),
    role: text('role', { enum: OPERATOR_ROLES }).notNull(),
    /** scrypt hash of a shift lead's PIN ("scrypt$N$salt$hash"), never the PIN itself. */
    pinHash: text('pin_hash'),
    failedPinAttempts: integer('failed_pin_attempts').notNull().default(0),
    lockedUntil: text('locked_until'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    /** The operator's own language for the screens (SPEC §10); null: the station's. */
    language: text('language', { enum: LANGUAGES })
  },
  (t) => [uniqueIndex('operators_badge_code').on(t.badgeCode)]
)

export const assignments = sqliteTable(
  'assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ASSIGNMENT_ROLES }).notNull(),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    assignedBy: integer('assigned_by')
      .notNull()
      .references(() => operators.id),
    assignedAt: text('assigned_at').notNull()
  },
  (t) => [uniqueIndex('assignments_order_role').on(t.orderId, t.role), index('assignments_operator').on(t.operatorId)]
)
