// Operators and assignment (SPEC §2): who works at the station, sign-in and
// switching operator (shift leads with their PIN), the shift lead's operator
// management (every change approved with a shift lead's badge and PIN), and Assign Operator.
import { z } from 'zod'
import { Words } from './words'
import { id, none, text } from './primitives'
import { Language } from './i18n/languages'

export const OperatorRole = z.enum(['operator', 'shift_lead'])

export const Operator = z.object({
  id,
  name: z.string(),
  badgeCode: z.string(),
  role: OperatorRole,
  /** Their own language for the screens (SPEC §10); null or absent: the station's. */
  language: Language.nullable().optional()
})
export type Operator = z.infer<typeof Operator>

/** Who is assigned to an order for picking, packing and shipping (SPEC §2): operator names, null when nobody is. */
export const Assignments = z.object({ picking: z.string().nullable(), packing: z.string().nullable(), shipping: z.string().nullable() })
export type Assignments = z.infer<typeof Assignments>

export const NewOperator = z.strictObject({
  name: text(80),
  badgeCode: text(64),
  role: OperatorRole,
  pin: z
    .string()
    .regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits')
    .optional()
})

/** A shift lead's approval of an exception: badge (scanned or typed) and PIN, checked by the main process. */
export const Approval = z.strictObject({ badgeCode: text(64), pin: z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits') })
export type Approval = z.infer<typeof Approval>

const signInPin = z
  .string()
  .regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits')
  .optional()
/** By name or by badge; shift leads (and operators, where the station asks) add their PIN. */
export const SignIn = z.union([z.strictObject({ operatorId: id, pin: signInPin }), z.strictObject({ badgeCode: text(64), pin: signInPin })])

const pin = z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits')

/** An operator as the management screen sees it: active or not, PIN set, approvals locked out. */
export const OperatorRecord = Operator.extend({
  active: z.boolean(),
  hasPin: z.boolean(),
  /** Set while wrong PINs lock this shift lead's approvals (ISO time). */
  lockedUntil: z.string().nullable(),
  failedPinAttempts: z.number().int()
})
export type OperatorRecord = z.infer<typeof OperatorRecord>

export const OperatorChange = z.strictObject({
  operatorId: id,
  name: z.string().trim().min(1).max(80).optional(),
  badgeCode: z.string().trim().min(1).max(64).optional(),
  role: OperatorRole.optional(),
  /** false deactivates (history keeps the operator), true brings them back. */
  active: z.boolean().optional(),
  /** Needed when an operator without a PIN becomes a shift lead. */
  pin: pin.optional(),
  /** Their own language; null: the station's. */
  language: Language.nullable().optional(),
  approval: Approval
})
export type OperatorChange = z.infer<typeof OperatorChange>

export const AssignmentRole = z.enum(['picking', 'packing', 'shipping'])
export type AssignmentRole = z.infer<typeof AssignmentRole>

/** Per role: an operator id, null to take the assignment away, or absent to leave it unchanged. */
export const Assign = z.strictObject({
  orderIds: z.array(id).min(1).max(500),
  picking: id.nullable().optional(),
  packing: id.nullable().optional(),
  shipping: id.nullable().optional(),
  approval: Approval
})
export type Assign = z.infer<typeof Assign>

export const AssignResult = z.object({
  orders: z.number().int(),
  /** Assignments that changed (unchanged ones are not rewritten or logged). */
  changed: z.number().int(),
  message: z.string(),
  /** `message` as catalogue words, for the screen's language. */
  words: Words.optional()
})
export type AssignResult = z.infer<typeof AssignResult>

export const operatorChannels = {
  /** Active operators, for sign-in and the pickers. */
  'operators:list': { args: none, result: z.array(Operator) },
  /** Every operator, inactive ones too, for the management screen (shift lead only). */
  'operators:all': { args: none, result: z.array(OperatorRecord) },
  /** The first operator of a station (a shift lead) needs no approval; every later one does. */
  'operators:create': { args: NewOperator.extend({ approval: Approval.optional() }), result: Operator },
  'operators:update': { args: OperatorChange, result: OperatorRecord },
  'operators:setPin': { args: z.strictObject({ operatorId: id, pin, approval: Approval }), result: OperatorRecord },
  'operators:unlock': { args: z.strictObject({ operatorId: id, approval: Approval }), result: OperatorRecord },
  /** Signs an operator in; with someone already signed in this switches operator. */
  'operators:signIn': { args: SignIn, result: Operator },
  'operators:signOut': { args: none, result: z.null() },
  'operators:current': { args: none, result: Operator.nullable() },

  'assignments:assign': { args: Assign, result: AssignResult }
} as const
