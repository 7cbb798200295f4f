// The reasons the event log gives in the station's own words (the state machine's moves, holds and releases
// by time, by a shift lead or by the OMS, a return received, an operator assigned, an order shipped short, a claim
// taken over, lost or released, a unit unpacked for a serial conflict), made in one place so the order screen can be sent
// them as catalogue words (`orders:event.reason.*`) in the operator's language, times in the station's format.
// The stored reason stays the English sentence with the UTC time (the OMS, the logs, the command line read it),
// and a shift lead's own words in it stay as typed. Words are derived from the stored reason, so events logged
// before read alike.
import type { AssignmentRole } from '../../../shared/operators'
import type { Sentence } from '../../../shared/words'

/** Held by the OMS until a time (UTC ISO). */
export const dispatchAfterReason = (dispatchAfter: string): string => `dispatch after ${dispatchAfter}`

/** Released by the station when that time came. */
export const dispatchPassedReason = (dispatchAfter: string | null): string => `dispatch time ${dispatchAfter} passed`

/** A shift lead released a held order early, or held a ready one, with their reason. */
export const releasedByReason = (name: string, reason: string): string => `released by ${name}: ${reason}`
export const heldByReason = (name: string, reason: string): string => `held by ${name}: ${reason}`

/** What the OMS said about an order: cancelled, held (with the OMS's status), released. */
export const CANCELLED_IN_OMS = 'cancelled in the OMS'
export const RELEASED_BY_OMS = 'released by the OMS'
export const HELD_BY_OMS = 'held by the OMS'
export const heldByOmsReason = (omsStatus: string): string => `held by the OMS (status ${omsStatus})`
/** Imported on hold because the OMS's status is not one the station packs from. */
export const omsStatusReason = (omsStatus: string): string => `OMS status ${omsStatus}`

/** A returned parcel was recorded against the order. */
export const returnedReason = (units: number, flagged: number): string =>
  `${units} unit${units === 1 ? '' : 's'} returned, ${flagged} flagged`

/** An assignment changed for one role: who had it and who has it now (null: nobody), names as typed. */
const ROLE_NAMES: Record<AssignmentRole, string> = { picking: 'Picking', packing: 'Packing', shipping: 'Shipping' }
const NOBODY = 'nobody'
export const assignmentReason = (role: AssignmentRole, from: string | null, to: string | null): string =>
  `${ROLE_NAMES[role]}: ${from ?? NOBODY} → ${to ?? NOBODY}`

/** A bulk order confirmed short with a shift lead's approval; the rest stays open in the OMS or is closed. */
export const packedShortReason = (approvedBy: string, remainder: 'open' | 'closed'): string =>
  `packing confirmed short, approved by ${approvedBy}; remainder ${remainder}`

/** Claims (sync/orderClaims.ts, claimLease.ts): a station's name, or its id when it has none. */
export const takenOverFromReason = (station: string): string => `taken over from ${station}`
export const claimedByReason = (station: string): string => `claimed by ${station}`
/** This station's claim released because the order was packed, shipped or cancelled. */
export const CLAIM_FINISHED = ['packed', 'shipped', 'cancelled'] as const
export const claimFinishedReason = (status: string): string => `order ${status}`

/** A unit unpacked because the OMS found its serial live elsewhere (at a station and order when the ledger knows). */
export const serialConflictReason = (serial: string, elsewhere?: { station: string; orderNumber: string }): string =>
  `Serial conflict: ${serial} is live${elsewhere ? ` at ${elsewhere.station} in order ${elsewhere.orderNumber}` : ' at another station'}`

const isTime = (value: string) => !Number.isNaN(Date.parse(value))
const reason = (name: string, params?: Sentence['params']): Sentence => ({
  key: `orders:event.reason.${name}`,
  ...(params ? { params } : {})
})

/**
 * Each reason the station writes, as a pattern of its stored English and its words (first match wins). The OMS's
 * status is a value named `omsState`: a name ending in `Status` would be worded as one of the station's statuses.
 * A shift lead's name is taken up to the first ": " (names hold none); what follows is their reason, as typed.
 */
const PATTERNS: [RegExp, (m: RegExpExecArray) => Sentence | undefined][] = [
  // The state machine's own reasons for a move (status.ts TRANSITIONS), when no other is given.
  [/^released from hold$/, () => reason('releasedFromHold')],
  [/^held$/, () => reason('held')],
  [/^first unit scanned$/, () => reason('firstUnitScanned')],
  [/^packing confirmed$/, () => reason('packingConfirmed')],
  [/^handed to the carrier$/, () => reason('handedToCarrier')],
  [/^dispatch after (\S+)$/, (m) => (isTime(m[1]) ? reason('dispatchAfter', { dispatchAfter: m[1] }) : undefined)],
  [/^dispatch time (\S+) passed$/, (m) => (isTime(m[1]) ? reason('dispatchPassed', { dispatchAfter: m[1] }) : undefined)],
  [/^cancelled in the OMS$/, () => reason('cancelledInOms')],
  [/^released by the OMS$/, () => reason('releasedByOms')],
  [/^held by the OMS$/, () => reason('heldByOms')],
  [/^held by the OMS \(status (.+)\)$/s, (m) => reason('heldByOmsStatus', { omsState: m[1] })],
  [/^OMS status (.+)$/s, (m) => reason('omsStatus', { omsState: m[1] })],
  [/^released by (.+?): (.*)$/s, (m) => reason('releasedBy', { name: m[1], reason: m[2] })],
  [/^held by (.+?): (.*)$/s, (m) => reason('heldBy', { name: m[1], reason: m[2] })],
  [/^(\d+) units? returned, (\d+) flagged$/, (m) => reason('returned', { count: Number(m[1]), flagged: Number(m[2]) })],
  // Keys: orders:event.reason.assignment.{picking,packing,shipping}{,FromNobody,ToNobody}
  [/^(Picking|Packing|Shipping): (.+?) → (.+)$/s, (m) => assignmentWords(m[1].toLowerCase(), m[2], m[3])],
  [
    /^packing confirmed short, approved by (.+); remainder (open|closed)$/s,
    (m) => reason(m[2] === 'open' ? 'packedShortOpen' : 'packedShortClosed', { name: m[1] })
  ],
  [/^taken over from (.+)$/s, (m) => reason('takenOverFrom', { station: m[1] })],
  [/^claimed by (.+)$/s, (m) => reason('claimedBy', { station: m[1] })],
  [new RegExp(`^order (${CLAIM_FINISHED.join('|')})$`), (m) => reason('claimFinished', { status: m[1] })],
  [/^Serial conflict: (.+?) is live at another station$/s, (m) => reason('serialConflict', { serial: m[1] })],
  [
    /^Serial conflict: (.+?) is live at (.+?) in order (.+)$/s,
    (m) => reason('serialConflictAt', { serial: m[1], station: m[2], orderNumber: m[3] })
  ]
]

/** "nobody" on either side has its own sentence (word order and the word differ by language). */
function assignmentWords(role: string, from: string, to: string): Sentence | undefined {
  if (from === NOBODY && to === NOBODY) return undefined
  const shape = from === NOBODY ? 'FromNobody' : to === NOBODY ? 'ToNobody' : ''
  return reason(`assignment.${role}${shape}`, { ...(from === NOBODY ? {} : { from }), ...(to === NOBODY ? {} : { to }) })
}

/** A stored reason as words for the screen when the station wrote it; otherwise undefined (the screen shows it as it is). */
export function reasonWords(stored: string | null): Sentence | undefined {
  if (!stored) return undefined
  for (const [pattern, words] of PATTERNS) {
    const match = pattern.exec(stored)
    if (match) return words(match)
  }
  return undefined
}

/** An event row as the order screen gets it: its reason's words beside it when the station wrote the reason. */
export function withReasonWords<E extends { reason: string | null }>(event: E): E & { reasonWords?: Sentence } {
  const words = reasonWords(event.reason)
  return words ? { ...event, reasonWords: words } : event
}
