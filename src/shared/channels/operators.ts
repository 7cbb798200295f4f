// Operators and assignment (SPEC §2): who works at the station, sign-in and
// switching operator, the shift lead's operator management (every change
// approved with a shift lead's badge and PIN), and Assign Operator.
import { z } from 'zod'
import { Approval, NewOperator, Operator, OperatorRole, SignIn } from '../schemas'
import { none } from './core'

const id = z.number().int().positive()
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
  message: z.string()
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
