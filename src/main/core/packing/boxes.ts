// Boxes (SPEC §3 step 4–5): Save puts the units scanned since the last box
// into a new box; Save again confirms that box.
import { and, eq, isNull, max, sql } from 'drizzle-orm'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { boxes, orders, scannedUnits } from '../db/schema'
import { recordEvent, recordExportedEvent } from '../events/eventLog'
import { refuse } from '../errors'
import { newId } from '../ids'
import { STATUS_LABEL } from '../orders/status'

export type SaveBoxResult = { action: 'box_saved' | 'box_confirmed'; boxNumber: number; message: string }

export function saveBox(db: Db, clock: Clock, orderId: number, operatorId: number): SaveBoxResult {
  return db.transaction(
    (tx) => {
      const order = tx.select().from(orders).where(eq(orders.id, orderId)).get()
      if (!order) return refuse('not_found', `Order ${orderId} does not exist.`)
      if (order.status !== 'in_progress' && order.status !== 'ready') {
        return refuse('order_not_open', `Order ${order.orderNumber} is ${STATUS_LABEL[order.status]}: boxes cannot change.`)
      }
      const at = isoNow(clock)

      const saved = tx
        .select()
        .from(boxes)
        .where(and(eq(boxes.orderId, orderId), eq(boxes.status, 'saved')))
        .get()
      if (saved) {
        tx.update(boxes).set({ status: 'confirmed', confirmedBy: operatorId, confirmedAt: at }).where(eq(boxes.id, saved.id)).run()
        const serials = tx
          .select({ serial: scannedUnits.serial, serial2: scannedUnits.serial2, entryMethod: scannedUnits.entryMethod, orderLineId: scannedUnits.orderLineId })
          .from(scannedUnits)
          .where(and(eq(scannedUnits.boxId, saved.id), isNull(scannedUnits.removedAt)))
          .all()
        recordExportedEvent(tx, {
          at,
          type: 'box.confirmed',
          operatorId,
          orderId,
          entityId: saved.id,
          payload: {
            boxId: saved.id,
            omsOrderId: order.omsOrderId,
            boxNumber: saved.number,
            sscc: saved.sscc,
            dimensionsMm: saved.lengthMm ? { length: saved.lengthMm, width: saved.widthMm, height: saved.heightMm } : null,
            weightG: saved.weightG,
            units: serials,
            operatorId,
            at
          }
        })
        return { action: 'box_confirmed' as const, boxNumber: saved.number, message: `Box ${saved.number} confirmed` }
      }

      const loose = tx
        .select({ count: sql<number>`count(*)` })
        .from(scannedUnits)
        .where(and(eq(scannedUnits.orderId, orderId), isNull(scannedUnits.boxId), isNull(scannedUnits.removedAt)))
        .get()!.count
      if (loose === 0) return refuse('nothing_to_save', 'Nothing scanned since the last box: scan units first.')

      const number = (tx.select({ n: max(boxes.number) }).from(boxes).where(eq(boxes.orderId, orderId)).get()?.n ?? 0) + 1
      const boxId = newId()
      tx.insert(boxes).values({ id: boxId, orderId, number, status: 'saved', createdBy: operatorId, createdAt: at }).run()
      tx.update(scannedUnits)
        .set({ boxId })
        .where(and(eq(scannedUnits.orderId, orderId), isNull(scannedUnits.boxId), isNull(scannedUnits.removedAt)))
        .run()
      recordEvent(tx, { at, type: 'box.saved', operatorId, orderId, entityId: boxId, data: { number, units: loose } })
      return {
        action: 'box_saved' as const,
        boxNumber: number,
        message: `Box ${number} saved with ${loose} unit${loose === 1 ? '' : 's'}: press Save again to confirm`
      }
    },
    { behavior: 'immediate' }
  )
}
