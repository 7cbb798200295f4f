// Enforces the role table (src/shared/access.ts) on every channel, in the
// core: the browser host, Electron's IPC and the tests all reach the handlers
// through this guard, so no client can skip it. (The command line is not a
// client: it is the PC's own user opening the data folder, and calls the core
// function it needs — order import — directly.)
import { accessTable } from '../../../shared/access'
import type { Channel } from '../../../shared/contract'
import type { Approval, Operator } from '../../../shared/operators'
import type { Sentence } from '../../../shared/words'
import type { Clock } from '../clock'
import type { Db } from '../db/connection'
import { refuse } from '../errors'
import { approveByShiftLead } from '../operators/approval'
import { operatorCount } from '../operators/operators'

/** What the guard learnt about a call, handed to its handler. */
export type Call = {
  /** The shift lead whose badge and PIN approved this call (channels whose access is `approval`). */
  approvedBy: Operator | null
}

export const NO_APPROVAL: Call = { approvedBy: null }

/** The shift lead who approved an `approval` channel's call (the guard refused the call otherwise). */
export function approverOf(call: Call): Operator {
  return call.approvedBy ?? refuse('approval_required', { key: 'refusals:access.approvalNeeded' })
}

type GuardContext = { db: Db; clock: Clock; signedIn(): Operator | null }

/**
 * Checks that whoever is at the station may call `channel` with `args`, and
 * returns what the handler needs to know. Refuses (StationError) otherwise,
 * before the handler runs, so a refusal changes nothing but the wrong-PIN count.
 */
export function authorize(context: GuardContext, channel: Channel, args: unknown): Call {
  const rule = accessTable[channel]
  if (rule.access === 'station') return NO_APPROVAL
  if (rule.access === 'firstRun') {
    if (operatorCount(context.db) === 0) return NO_APPROVAL
    refuse('not_first_run', { key: 'refusals:access.notFirstRun' })
  }
  if (rule.firstRun && operatorCount(context.db) === 0) return NO_APPROVAL
  const me = context.signedIn() ?? refuse('not_signed_in', { key: 'refusals:access.notSignedIn' })
  if (rule.access === 'signedIn') return NO_APPROVAL
  if (rule.access === 'shiftLead') {
    if (me.role !== 'shift_lead') refuse('shift_lead_only', { key: 'refusals:access.leadOnly', params: { name: me.name } })
    return NO_APPROVAL
  }
  const action = approvalWords(channel)
  const approval =
    approvalOf(args) ?? refuse('approval_required', { key: 'refusals:access.approvalNeededTo', params: { action: [action] } })
  return { approvedBy: approveByShiftLead(context.db, context.clock, approval, action) }
}

/**
 * What an `approval` channel asks a shift lead to approve, as catalogue words (its English is the table's `action`):
 * keys approvals:action.<domain>.<verb>, one per approval channel (test/i18n/approvalWords.test.ts).
 */
export const approvalWords = (channel: Channel): Sentence => ({ key: `approvals:action.${channel.replace(':', '.')}` })

function approvalOf(args: unknown): Approval | null {
  const approval = (args as { approval?: unknown } | null)?.approval as Partial<Approval> | undefined
  return typeof approval?.badgeCode === 'string' && typeof approval.pin === 'string'
    ? { badgeCode: approval.badgeCode, pin: approval.pin }
    : null
}
