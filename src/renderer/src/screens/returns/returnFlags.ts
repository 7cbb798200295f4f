import type { ReturnCheck } from '../../../../shared/shipping'
import type { Words } from '../../../../shared/words'
import type { OutcomeClass } from '../../feedback/outcomes'

type Flag = NonNullable<ReturnCheck['flag']>

/** The panel's headline, a key of `returns:panel.headline`. */
export type PanelHeadline = Flag | 'ok' | 'ready' | 'notAdded'

/**
 * The big scan-result panel: its colour and sound (the outcome class), headline, and either the core's message
 * about the unit (its catalogue `words` when it came with them) or the station's own hint (a key of
 * `returns:panel.hint`), worded when it is drawn.
 */
export type Panel =
  | { cls: OutcomeClass; headline: PanelHeadline; message: string; words?: Words }
  | { cls: 'idle'; headline: 'ready'; hint: 'ready' | 'recorded' }

/** How each unit checked against the shipped order shows in the panel. */
export const FLAG_PANEL: Record<Flag | 'ok', { cls: OutcomeClass; headline: PanelHeadline }> = {
  ok: { cls: 'ok', headline: 'ok' },
  not_in_order: { cls: 'wrong_item', headline: 'not_in_order' },
  unknown_serial: { cls: 'invalid_serial', headline: 'unknown_serial' },
  already_returned: { cls: 'duplicate', headline: 'already_returned' }
}
