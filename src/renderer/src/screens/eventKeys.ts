// The order history's event types (the event log's `type`) and the catalogue words each is shown with.
/** The history's event types and their words (orders:event.*); a type not listed is shown as it is. */
export const EVENT_KEYS: Record<string, string> = {
  'order.imported': 'event.orderImported',
  'order.on_hold': 'event.orderOnHold',
  'order.ready': 'event.orderReady',
  'order.in_progress': 'event.orderInProgress',
  'order.packed': 'event.orderPacked',
  'order.shipped': 'event.orderShipped',
  'order.cancelled': 'event.orderCancelled',
  'order.assigned': 'event.orderAssigned',
  'order.reassigned': 'event.orderReassigned',
  'order.unassigned': 'event.orderUnassigned',
  'order.claimed': 'event.orderClaimed',
  'order.claim_taken_over': 'event.orderClaimTakenOver',
  'order.claim_released': 'event.orderClaimReleased',
  'order.claim_lost': 'event.orderClaimLost',
  'order.claimed_offline': 'event.orderClaimedOffline',
  'order.unpacked_after_cancel': 'event.orderUnpackedAfterCancel',
  'box.saved': 'event.boxSaved',
  'box.confirmed': 'event.boxConfirmed',
  'box.reopened': 'event.boxReopened',
  'box.voided': 'event.boxVoided',
  'unit.removed': 'event.unitRemoved',
  'unit.hand_entry_approved': 'event.unitHandEntryApproved',
  'return.received': 'event.returnReceived',
  'sync.rejection_acknowledged': 'event.syncRejectionAcknowledged',
  'sync.rejection_resent': 'event.syncRejectionResent'
}
