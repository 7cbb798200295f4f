import type { ReturnCheck } from '../../../../shared/shipping'
import type { OutcomeClass } from '../../feedback/outcomes'
import { formatLocalTime } from '../../../../shared/localTime'

type Flag = NonNullable<ReturnCheck['flag']>

/** The big scan-result panel: its colour and sound (the outcome class), headline and message. */
export type Panel = { cls: OutcomeClass | 'idle'; headline: string; message: string }

/** How each unit checked against the shipped order shows in the panel. */
export const FLAG_PANEL: Record<Flag | 'ok', { cls: OutcomeClass; headline: string }> = {
  ok: { cls: 'ok', headline: 'OK' },
  not_in_order: { cls: 'wrong_item', headline: 'NOT IN THIS ORDER' },
  unknown_serial: { cls: 'invalid_serial', headline: 'UNKNOWN SERIAL' },
  already_returned: { cls: 'duplicate', headline: 'ALREADY RETURNED' }
}

export const FLAG_LABEL: Record<Flag, string> = {
  not_in_order: 'Not in this order',
  unknown_serial: 'Unknown serial',
  already_returned: 'Already returned'
}

/** A timestamp to the minute, as the station stores it. */
export const when = (iso: string) => formatLocalTime(iso)
