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

export const HEADLINE: Record<ScanOutcome | 'info' | 'error', string> = {
  accepted: 'OK',
  awaiting_imei2: 'NOW SCAN IMEI 2',
  approval_required: 'SHIFT LEAD APPROVAL',
  hand_entry_refused: 'TYPED BY HAND',
  invalid_serial: 'INVALID SERIAL',
  duplicate: 'DUPLICATE',
  order_not_open: 'ORDER NOT OPEN',
  over_scan: 'OVER-SCAN',
  wrong_item: 'WRONG ITEM',
  info: 'DONE',
  error: 'NOT DONE'
}
