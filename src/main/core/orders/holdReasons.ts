// The reasons the event log gives in the station's own words (the state machine's moves, holds and releases
// by time, by a shift lead or by the OMS, a return received), made in one place so the order screen can be sent
// them as catalogue words (`orders:event.reason.*`) in the operator's language, times in the station's format.
// The stored reason stays the English sentence with the UTC time (the OMS, the logs, the command line read it),
// and a shift lead's own words in it stay as typed. Words are derived from the stored reason, so events logged
// before read alike.
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
  [/^(\d+) units? returned, (\d+) flagged$/, (m) => reason('returned', { count: Number(m[1]), flagged: Number(m[2]) })]
]

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
