// The exceptions a shift lead approves (SPEC §4): removing a unit from a box
// and voiding a box, each with a reason, both logged and reported to the OMS.
// And after a cancellation (SPEC §1): each unit taken out of its box is recorded.
// A removed unit's row stays as history; its serial is free to be scanned again.
import { and, eq, isNull, or, sql } from 'drizzle-orm'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { boxes, orderLines, orders, scannedUnits } from '../db/schema'
import { recordExportedEvent } from '../events/eventLog'
import { english, refuse, type Words } from '../errors'
import type { Touched } from '../orders/orderChange'
import { cleanScan } from '../scanning/serial'
import { openOrderForBoxes } from './boxes'
import { exportedUnit, liveUnitsOfBox } from './units'

export type ApprovedBy = { id: number; name: string }
type Removal = 'removed' | 'box_voided' | 'unpacked_after_cancel'

function takeOut(tx: Db, unitIds: string[], at: string, operatorId: number, removal: Removal, reason: string | null): void {
  for (const id of unitIds) {
    const unit = tx
      .update(scannedUnits)
      .set({ removedAt: at, removedBy: operatorId, removal, removalReason: reason })
      .where(and(eq(scannedUnits.id, id), isNull(scannedUnits.removedAt)))
      .returning({ orderLineId: scannedUnits.orderLineId })
      .get()
    if (unit)
      tx.update(orderLines)
        .set({ scannedQuantity: sql`${orderLines.scannedQuantity} - 1` })
        .where(eq(orderLines.id, unit.orderLineId))
        .run()
  }
}

/** A unit's serial(s) as a value ("IMEI / IMEI 2"), or null for a non-serialized unit (its own sentences). */
const serialOf = (u: { serial: string | null; serial2: string | null }) =>
  u.serial ? (u.serial2 ? `${u.serial} / ${u.serial2}` : u.serial) : null

/** An answer's words with its English sentence. */
const answer = (words: Words) => ({ message: english(words), words })

/** Removes one unit (from its box or from the units not yet boxed) with a shift lead's approval. */
export function removeUnit(
  db: Db,
  clock: Clock,
  input: { orderId: number; unitId: string; reason: string; operatorId: number; approvedBy: ApprovedBy }
): { message: string; words: Words; touched: Touched } {
  return db.transaction(
    (tx) => {
      const order = openOrderForBoxes(tx, input.orderId, 'remove')
      const unit = tx
        .select()
        .from(scannedUnits)
        .where(and(eq(scannedUnits.id, input.unitId), eq(scannedUnits.orderId, order.id)))
        .get()
      if (!unit) return refuse('not_found', { key: 'refusals:packing.unitNotInOrder', params: { orderNumber: order.orderNumber } })
      if (unit.removedAt) {
        const serial = serialOf(unit)
        return refuse(
          'already_removed',
          serial === null ? { key: 'refusals:packing.alreadyRemovedUnit' } : { key: 'refusals:packing.alreadyRemoved', params: { serial } }
        )
      }
      const box = unit.boxId ? tx.select().from(boxes).where(eq(boxes.id, unit.boxId)).get() : undefined
      if (box?.status === 'confirmed') refuse('box_confirmed', { key: 'refusals:packing.boxConfirmed', params: { box: box.number } })
      const at = isoNow(clock)
      const exported = exportedUnit(tx, unit.id)!
      takeOut(tx, [unit.id], at, input.operatorId, 'removed', input.reason)
      recordExportedEvent(tx, {
        at,
        type: 'unit.removed',
        operatorId: input.operatorId,
        orderId: order.id,
        entityId: unit.id,
        reason: input.reason,
        data: { approvedBy: input.approvedBy },
        payload: {
          omsOrderId: order.omsOrderId,
          orderNumber: order.orderNumber,
          boxId: box?.id ?? null,
          boxNumber: box?.number ?? null,
          reason: input.reason,
          approvedBy: input.approvedBy,
          unit: exported
        }
      })
      return {
        ...answer(unitWords('removed', serialOf(unit), box?.number)),
        touched: { removed: [unit.id], boxes: box ? [box.id] : [] }
      }
    },
    { behavior: 'immediate' }
  )
}

/** Voids a box with a shift lead's approval: its units leave it and their serials are free again. */
export function voidBox(
  db: Db,
  clock: Clock,
  input: { orderId: number; boxId: string; reason: string; operatorId: number; approvedBy: ApprovedBy }
): { message: string; words: Words; touched: Touched } {
  return db.transaction(
    (tx) => {
      const order = openOrderForBoxes(tx, input.orderId, 'void')
      const box = tx
        .select()
        .from(boxes)
        .where(and(eq(boxes.id, input.boxId), eq(boxes.orderId, order.id)))
        .get()
      if (!box) return refuse('not_found', { key: 'refusals:packing.notThisOrdersBox', params: { orderNumber: order.orderNumber } })
      if (box.status === 'voided') return refuse('box_voided', { key: 'refusals:packing.alreadyVoided', params: { box: box.number } })
      const at = isoNow(clock)
      const units = liveUnitsOfBox(tx, box.id)
      takeOut(
        tx,
        units.map((u) => u.unitId),
        at,
        input.operatorId,
        'box_voided',
        input.reason
      )
      tx.update(boxes).set({ status: 'voided' }).where(eq(boxes.id, box.id)).run()
      recordExportedEvent(tx, {
        at,
        type: 'box.voided',
        operatorId: input.operatorId,
        orderId: order.id,
        entityId: box.id,
        reason: input.reason,
        data: { approvedBy: input.approvedBy },
        payload: {
          omsOrderId: order.omsOrderId,
          orderNumber: order.orderNumber,
          boxId: box.id,
          boxNumber: box.number,
          reason: input.reason,
          approvedBy: input.approvedBy,
          units
        }
      })
      const n = units.length
      return {
        ...answer({ key: 'answers:packing.boxVoided', params: { box: box.number, count: n } }),
        touched: { removed: units.map((u) => u.unitId), boxes: [box.id] }
      }
    },
    { behavior: 'immediate' }
  )
}

/**
 * A cancelled order's units are taken out of their boxes one by one: the
 * operator scans each serial (or picks a non-serialized unit) as it comes out.
 */
export function unpackAfterCancel(
  db: Db,
  clock: Clock,
  input: { orderId: number; operatorId: number; serial?: string; unitId?: string }
): { message: string; words: Words; remaining: number; touched: Touched } {
  return db.transaction(
    (tx) => {
      const order = tx.select().from(orders).where(eq(orders.id, input.orderId)).get()
      if (!order) return refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId: input.orderId } })
      if (order.status !== 'cancelled')
        return refuse('not_cancelled', { key: 'refusals:packing.notCancelled', params: { orderNumber: order.orderNumber } })
      const serial = input.serial === undefined ? undefined : cleanScan(input.serial)
      const match =
        serial !== undefined
          ? or(eq(scannedUnits.serial, serial), eq(scannedUnits.serial2, serial))
          : eq(scannedUnits.id, input.unitId ?? '')
      const unit = tx
        .select()
        .from(scannedUnits)
        .where(and(eq(scannedUnits.orderId, order.id), isNull(scannedUnits.removedAt), match))
        .get()
      if (!unit) {
        return refuse(
          'not_in_order',
          serial !== undefined
            ? { key: 'refusals:packing.serialNotPacked', params: { serial, orderNumber: order.orderNumber } }
            : { key: 'refusals:packing.unitNotPacked' }
        )
      }
      const box = unit.boxId ? tx.select().from(boxes).where(eq(boxes.id, unit.boxId)).get() : undefined
      const at = isoNow(clock)
      const exported = exportedUnit(tx, unit.id)!
      takeOut(tx, [unit.id], at, input.operatorId, 'unpacked_after_cancel', 'order cancelled')
      recordExportedEvent(tx, {
        at,
        type: 'order.unpacked_after_cancel',
        operatorId: input.operatorId,
        orderId: order.id,
        entityId: unit.id,
        payload: {
          omsOrderId: order.omsOrderId,
          orderNumber: order.orderNumber,
          boxId: box?.id ?? null,
          boxNumber: box?.number ?? null,
          unit: exported
        }
      })
      const remaining = tx
        .select({ n: sql<number>`count(*)` })
        .from(scannedUnits)
        .where(and(eq(scannedUnits.orderId, order.id), isNull(scannedUnits.removedAt)))
        .get()!.n
      return {
        ...answer(unitWords('unpacked', serialOf(unit), box?.number, remaining)),
        remaining,
        touched: { removed: [unit.id], boxes: box ? [box.id] : [] }
      }
    },
    { behavior: 'immediate' }
  )
}

/** "Removed 3548… from box 2", "Unpacked a non-serialized unit: 4 left": one sentence per case. */
function unitWords(done: 'removed' | 'unpacked', serial: string | null, box: number | undefined, left = 0): Words {
  const params = { ...(serial === null ? {} : { serial }), ...(box === undefined ? {} : { box }), ...(done === 'unpacked' ? { left } : {}) }
  if (done === 'removed') {
    if (serial === null)
      return box === undefined ? { key: 'answers:packing.removedUnit' } : { key: 'answers:packing.removedUnitFromBox', params }
    return box === undefined ? { key: 'answers:packing.removed', params } : { key: 'answers:packing.removedFromBox', params }
  }
  if (serial === null)
    return box === undefined ? { key: 'answers:packing.unpackedUnit', params } : { key: 'answers:packing.unpackedUnitFromBox', params }
  return box === undefined ? { key: 'answers:packing.unpacked', params } : { key: 'answers:packing.unpackedFromBox', params }
}
