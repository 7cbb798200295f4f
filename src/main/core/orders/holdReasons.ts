// The reasons the event log gives for a hold by dispatch time, made in one place so the order screen can be sent the
// time in them as a value (catalogue words, `orders:event.reason.*`), shown in the station's format and language.
// The stored reason stays the English sentence with the UTC time (the OMS, the logs, the command line read it).
import type { Sentence } from '../../../shared/words'

/** Held by the OMS until a time (UTC ISO). */
export const dispatchAfterReason = (dispatchAfter: string): string => `dispatch after ${dispatchAfter}`

/** Released by the station when that time came. */
export const dispatchPassedReason = (dispatchAfter: string | null): string => `dispatch time ${dispatchAfter} passed`

const DISPATCH_AFTER = /^dispatch after (\S+)$/
const DISPATCH_PASSED = /^dispatch time (\S+) passed$/

const isTime = (value: string) => !Number.isNaN(Date.parse(value))

/** A stored reason as words for the screen when it holds a time; otherwise undefined (the screen shows it as it is). */
export function reasonWords(reason: string | null): Sentence | undefined {
  if (!reason) return undefined
  const after = DISPATCH_AFTER.exec(reason)?.[1]
  if (after && isTime(after)) return { key: 'orders:event.reason.dispatchAfter', params: { dispatchAfter: after } }
  const passed = DISPATCH_PASSED.exec(reason)?.[1]
  if (passed && isTime(passed)) return { key: 'orders:event.reason.dispatchPassed', params: { dispatchAfter: passed } }
  return undefined
}

/** An event row as the order screen gets it: its reason's words beside it when the reason holds a time. */
export function withReasonWords<E extends { reason: string | null }>(event: E): E & { reasonWords?: Sentence } {
  const words = reasonWords(event.reason)
  return words ? { ...event, reasonWords: words } : event
}
