// Boxes (SPEC §3 step 4–5, §4): Save puts the units scanned since the last box
// into the open box (a new one if none is open); Save again, with nothing new
// scanned, confirms that box — with its dimensions and weight for a
// Distribution Scan. A confirmed box can be reopened until packing is confirmed.
import { and, eq, isNull, max, sql } from 'drizzle-orm'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { boxes, boxPresets, orderLines, orders, scannedUnits } from '../db/schema'
import { recordEvent, recordExportedEvent } from '../events/eventLog'
import { refuse } from '../errors'
import { newId } from '../ids'
import { notOpenMessage } from '../orders/openOrder'
import { assignSsccIfConfigured } from '../labels/sscc'
import { liveUnitsOfBox } from './units'

export type SaveBoxResult = { action: 'box_saved' | 'box_confirmed'; boxId: string; boxNumber: number; message: string }

/** What a box is confirmed with: a preset, or custom dimensions; optionally the weight. */
export type BoxDetails = {
  presetId?: number
  dimensionsMm?: { length: number; width: number; height: number }
  weightG?: number
}

type Order = typeof orders.$inferSelect

/** The order, refused unless boxes may still change (ready or in progress). */
export function openOrderForBoxes(db: Db, orderId: number, what = 'boxes cannot change'): Order {
  const order = db.select().from(orders).where(eq(orders.id, orderId)).get()
  if (!order) return refuse('not_found', `Order ${orderId} does not exist.`)
  const closed = notOpenMessage(order, `${what}.`, { withDispatchTime: false })
  return closed ? refuse('order_not_open', closed) : order
}

export function saveBox(db: Db, clock: Clock, orderId: number, operatorId: number, details: BoxDetails = {}): SaveBoxResult {
  return db.transaction(
    (tx) => {
      const order = openOrderForBoxes(tx, orderId)
      const at = isoNow(clock)
      const open = tx
        .select()
        .from(boxes)
        .where(and(eq(boxes.orderId, orderId), eq(boxes.status, 'saved')))
        .get()
      const loose = tx
        .select({ count: sql<number>`count(*)` })
        .from(scannedUnits)
        .where(and(eq(scannedUnits.orderId, orderId), isNull(scannedUnits.boxId), isNull(scannedUnits.removedAt)))
        .get()!.count

      if (loose > 0) {
        const number =
          open?.number ??
          (tx
            .select({ n: max(boxes.number) })
            .from(boxes)
            .where(eq(boxes.orderId, orderId))
            .get()?.n ?? 0) + 1
        const boxId = open?.id ?? newId()
        if (!open) tx.insert(boxes).values({ id: boxId, orderId, number, status: 'saved', createdBy: operatorId, createdAt: at }).run()
        tx.update(scannedUnits)
          .set({ boxId })
          .where(and(eq(scannedUnits.orderId, orderId), isNull(scannedUnits.boxId), isNull(scannedUnits.removedAt)))
          .run()
        recordEvent(tx, { at, type: 'box.saved', operatorId, orderId, entityId: boxId, data: { number, units: loose } })
        const units = `${loose} unit${loose === 1 ? '' : 's'}`
        return {
          action: 'box_saved' as const,
          boxId,
          boxNumber: number,
          message: open
            ? `${units} added to box ${number}: press Save again to confirm it`
            : `Box ${number} saved with ${units}: press Save again to confirm`
        }
      }
      if (!open) return refuse('nothing_to_save', 'Nothing scanned since the last box: scan units first.')
      return confirmBox(tx, at, order, open, operatorId, details)
    },
    { behavior: 'immediate' }
  )
}

function confirmBox(
  tx: Db,
  at: string,
  order: Order,
  box: typeof boxes.$inferSelect,
  operatorId: number,
  details: BoxDetails
): SaveBoxResult {
  const units = liveUnitsOfBox(tx, box.id)
  if (units.length === 0) refuse('empty_box', `Box ${box.number} is empty: scan units into it, or void it.`)
  const preset = details.presetId === undefined ? undefined : tx.select().from(boxPresets).where(eq(boxPresets.id, details.presetId)).get()
  if (details.presetId !== undefined && !preset) refuse('not_found', `Box preset ${details.presetId} does not exist.`)
  const dims = preset ? { length: preset.lengthMm, width: preset.widthMm, height: preset.heightMm } : details.dimensionsMm
  if (!dims && needsDimensions(tx, box.id)) {
    refuse('dimensions_required', `Choose the dimensions of box ${box.number} (a preset or custom) before confirming it.`)
  }
  if (details.weightG !== undefined && preset && details.weightG > preset.maxWeightG) {
    refuse(
      'too_heavy',
      `${formatKg(details.weightG)} is over the ${preset.name} limit of ${formatKg(preset.maxWeightG)}: use a bigger box or split it.`
    )
  }
  // The SSCC identifies the box on its label and in the OMS: allocated once, at the first confirmation.
  const sscc = assignSsccIfConfigured(tx, box.id)
  tx.update(boxes)
    .set({
      status: 'confirmed',
      confirmedBy: operatorId,
      confirmedAt: at,
      presetId: preset?.id ?? null,
      lengthMm: dims?.length ?? null,
      widthMm: dims?.width ?? null,
      heightMm: dims?.height ?? null,
      weightG: details.weightG ?? null
    })
    .where(eq(boxes.id, box.id))
    .run()
  recordExportedEvent(tx, {
    at,
    type: 'box.confirmed',
    operatorId,
    orderId: order.id,
    entityId: box.id,
    payload: {
      omsOrderId: order.omsOrderId,
      orderNumber: order.orderNumber,
      boxId: box.id,
      boxNumber: box.number,
      sscc,
      presetName: preset?.name ?? null,
      dimensionsMm: dims ?? null,
      weightG: details.weightG ?? null,
      units
    }
  })
  return {
    action: 'box_confirmed',
    boxId: box.id,
    boxNumber: box.number,
    message: `Box ${box.number} confirmed (${units.length} unit${units.length === 1 ? '' : 's'})`
  }
}

/** Distribution Scan boxes (units of `new` lines) are confirmed with their dimensions. */
function needsDimensions(tx: Db, boxId: string): boolean {
  return !!tx
    .select({ id: scannedUnits.id })
    .from(scannedUnits)
    .innerJoin(orderLines, eq(orderLines.id, scannedUnits.orderLineId))
    .where(and(eq(scannedUnits.boxId, boxId), isNull(scannedUnits.removedAt), eq(orderLines.condition, 'new')))
    .limit(1)
    .get()
}

const formatKg = (g: number) => `${(g / 1000).toFixed(g % 1000 === 0 ? 0 : 1)} kg`

/** Reopens a confirmed box so units can be added or removed; only one box is open at a time. */
export function reopenBox(
  db: Db,
  clock: Clock,
  orderId: number,
  boxId: string,
  operatorId: number
): { boxNumber: number; message: string } {
  return db.transaction(
    (tx) => {
      const order = openOrderForBoxes(tx, orderId, 'boxes can no longer be reopened')
      const box = tx
        .select()
        .from(boxes)
        .where(and(eq(boxes.id, boxId), eq(boxes.orderId, orderId)))
        .get()
      if (!box) return refuse('not_found', `That box is not a box of order ${order.orderNumber}.`)
      if (box.status !== 'confirmed')
        return refuse('box_not_confirmed', `Box ${box.number} is ${box.status === 'saved' ? 'already open' : 'voided'}.`)
      const open = tx
        .select()
        .from(boxes)
        .where(and(eq(boxes.orderId, orderId), eq(boxes.status, 'saved')))
        .get()
      if (open) return refuse('box_open', `Box ${open.number} is open: confirm it (Save) before reopening box ${box.number}.`)
      const at = isoNow(clock)
      tx.update(boxes).set({ status: 'saved', confirmedAt: null, confirmedBy: null }).where(eq(boxes.id, box.id)).run()
      recordExportedEvent(tx, {
        at,
        type: 'box.reopened',
        operatorId,
        orderId,
        entityId: box.id,
        payload: { omsOrderId: order.omsOrderId, orderNumber: order.orderNumber, boxId: box.id, boxNumber: box.number }
      })
      return { boxNumber: box.number, message: `Box ${box.number} reopened: scan to add units, Save twice to confirm it again` }
    },
    { behavior: 'immediate' }
  )
}
