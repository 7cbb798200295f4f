// The `ledger:*` channels: the serial conflicts a shift lead sees (the OMS
// rejected an IMEI live at another station), and resolving one here by
// unpacking the unit — the existing reopen and remove flows, and the
// rejected event acknowledged, in one transaction.
import { eq } from 'drizzle-orm'
import { approverOf } from '../access/guard'
import type { HandlersOf, StationContext } from '../context'
import { boxes } from '../db/schema'
import { english, refuse, type Words } from '../errors'
import type { Sentence } from '../../../shared/words'
import { serialConflictReason } from '../orders/holdReasons'
import { reopenBox } from '../packing/boxes'
import { removeUnit } from '../packing/exceptions'
import { findSerialConflict, listSerialConflicts } from './ledgerConflicts'
import { acknowledgeRejected } from './rejectedEvents'
import { stationLabel } from './serialLedger'
import type { SyncService } from './syncService'

export function ledgerHandlers(context: StationContext, sync: Pick<SyncService, 'nudge'>): HandlersOf<'ledger'> {
  const { db, clock } = context
  return {
    'ledger:conflicts': () => listSerialConflicts(db),
    'ledger:unpackConflict': ({ eventId, serial }, call) => {
      const by = context.operator()
      const lead = approverOf(call)
      const done = db.transaction(
        (tx) => {
          const conflict = findSerialConflict(tx, eventId, serial)
          if (!conflict || conflict.orderId === null)
            return refuse('not_found', { key: 'refusals:sync.noLongerInConflict', params: { serial } })
          const elsewhere = conflict.elsewhere && { station: stationLabel(conflict.elsewhere), orderNumber: conflict.elsewhere.orderNumber }
          const box = conflict.boxId ? tx.select({ status: boxes.status }).from(boxes).where(eq(boxes.id, conflict.boxId)).get() : undefined
          const reopened = box?.status === 'confirmed'
          if (reopened) reopenBox(tx, clock, conflict.orderId, conflict.boxId!, by.id)
          const removed = removeUnit(tx, clock, {
            orderId: conflict.orderId,
            unitId: conflict.unitId,
            reason: serialConflictReason(serial, elsewhere ?? undefined),
            operatorId: by.id,
            approvedBy: { id: lead.id, name: lead.name }
          })
          acknowledgeRejected(tx, clock, [eventId], lead.id)
          const words: Words = reopened
            ? { key: 'answers:ledger.unpackedReopened', params: { removed: [removed.words as Sentence], box: conflict.boxNumber ?? '' } }
            : { key: 'answers:ledger.unpacked', params: { removed: [removed.words as Sentence] } }
          return { message: english(words), words, orderId: conflict.orderId }
        },
        { behavior: 'immediate' }
      )
      context.notify('orders:changed', { orderIds: [done.orderId] })
      sync.nudge()
      return done
    }
  }
}
