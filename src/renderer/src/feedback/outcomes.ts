// Scan outcomes grouped into the classes an operator tells apart by colour
// and sound (issue: OK, duplicate, wrong item/model, over-scan, invalid
// serial, order not open), plus "waiting for IMEI 2".
import type { ScanOutcome } from '../../../shared/scanning'

export type OutcomeClass = 'ok' | 'awaiting' | 'duplicate' | 'wrong_item' | 'over_scan' | 'invalid_serial' | 'order_not_open'

export function outcomeClass(outcome: ScanOutcome | 'info' | 'error'): OutcomeClass {
  switch (outcome) {
    case 'accepted':
    case 'info':
      return 'ok'
    case 'awaiting_imei2':
    case 'approval_required':
      return 'awaiting'
    case 'duplicate':
    case 'wrong_item':
    case 'over_scan':
    case 'order_not_open':
      return outcome
    default:
      return 'invalid_serial'
  }
}

/** The feedback panel's headline per outcome: keys of the catalogue's `scan` namespace. */
export const HEADLINE = {
  accepted: 'headline.accepted',
  awaiting_imei2: 'headline.awaiting_imei2',
  approval_required: 'headline.approval_required',
  hand_entry_refused: 'headline.hand_entry_refused',
  invalid_serial: 'headline.invalid_serial',
  duplicate: 'headline.duplicate',
  order_not_open: 'headline.order_not_open',
  over_scan: 'headline.over_scan',
  wrong_item: 'headline.wrong_item',
  info: 'headline.info',
  error: 'headline.error'
} as const satisfies Record<ScanOutcome | 'info' | 'error', string>
