// The values a text column may hold; the tables check them and the code's types come from them.
export const ORDER_STATUSES = ['on_hold', 'ready', 'in_progress', 'packed', 'shipped', 'cancelled'] as const
/** Not yet packed and not cancelled: the work still in hand, which an operator's list puts first. */
export const OPEN_STATUSES = ['on_hold', 'ready', 'in_progress'] as const
export const ORDER_TYPES = ['normal', 'bulk'] as const
export const FULFILMENT_TYPES = ['partial', 'block_complete'] as const
export const CONDITIONS = ['used', 'new'] as const
export const SERIAL_KINDS = ['imei', 'serial', 'none'] as const
export const OPERATOR_ROLES = ['operator', 'shift_lead'] as const
export const ASSIGNMENT_ROLES = ['picking', 'packing', 'shipping'] as const
export const BOX_STATUSES = ['saved', 'confirmed', 'voided'] as const
export const ENTRY_METHODS = ['scanned', 'typed'] as const
/** Why a unit left its box: a shift lead removed it, its box was voided, or the order was cancelled and it was unpacked. */
export const REMOVALS = ['removed', 'box_voided', 'unpacked_after_cancel'] as const
export const LABEL_KINDS = ['box_label', 'shipping_label', 'packing_slip'] as const
export const LABEL_FORMATS = ['pdf', 'zpl'] as const
export const PRINT_JOB_STATUSES = ['queued', 'printing', 'printed', 'failed'] as const
/** Why a returned serial needs a look: not shipped in that order, or not known to the station at all. */
export const RETURN_FLAGS = ['not_in_order', 'unknown_serial', 'already_returned'] as const
/** The classes of refused scans a shift lead counts (core/reports/): hand entry is a typed serial the station refused. */
export const REFUSAL_CLASSES = ['invalid_serial', 'duplicate', 'wrong_item', 'over_scan', 'order_not_open', 'hand_entry'] as const
