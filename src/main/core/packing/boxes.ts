// Boxes (SPEC §3 step 4–5, §4): Save puts the units scanned since the last box
// into the open box (a new one if none is open); Save again, with nothing new
// scanned, confirms that box — with its dimensions and weight for a
// Distribution Scan. A confirmed box can be reopened until packing is confirmed.
import { and, eq, isNull, max, sql } from 'drizzle-orm'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { boxes, boxPresets, orderLines, orders, scannedUnits } from '../db/schema'
import { recordEvent, recordExportedEvent } from '../events/eventLog'
import { english, refuse, type Words } from '../errors'
import { newId } from '../ids'
import { isOpenForPacking } from '../orders/openOrder'
import { assignSsccIfConfigured } from '../labels/sscc'
import { liveUnitsOfBox } from './units'

export type SaveBoxResult = { action: 'box_saved' | 'box_confirmed'; boxId: string; boxNumber: number; message: string; words: Words }

/** What a box is confirmed with: a preset, or custom dimensions; optionally the weight. */
export type BoxDetails = {
  presetId?: number
  dimensionsMm?: { length: number; width: number; height: number }
  weightG?: number
}

type Order = typeof orders.$inferSelect

/** What may no longer happen to the boxes of an order that is not open: one sentence each. */
const NOT_OPEN = {
  change: 'refusals:packing.notOpen.change',
  reopen: 'refusals:packing.notOpen.reopen',
  remove: 'refusals:packing.notOpen.remove',
  void: 'refusals:packing.notOpen.void'
} as const

/** The order, refused unless boxes may still change (ready or in progress). */
export function openOrderForBoxes(db: Db, orderId: number, what: keyof typeof NOT_OPEN = 'change'): Order {
  const order = db.select().from(orders).where(eq(orders.id, orderId)).get()
  if (!order) return refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId } })
  if (isOpenForPacking(order.status)) return order
  return refuse('order_not_open', { key: NOT_OPEN[what], params: { orderNumber: order.orderNumber, status: order.status } })
}

/** An answer's words with its English sentence. */
const answer = (words: Words) => ({ message: english(words), words })

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
        return {
          action: 'box_saved' as const,
          boxId,
          boxNumber: number,
          ...answer(
            open
              ? { key: 'answers:packing.unitsAdded', params: { count: loose, box: number } }
              : { key: 'answers:packing.boxSaved', params: { count: loose, box: number } }
          )
        }
      }
      if (!open) return refuse('nothing_to_save', { key: 'refusals:packing.nothingToSave' })
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
  if (units.length === 0) refuse('empty_box', { key: 'refusals:packing.emptyBox', params: { box: box.number } })
  const preset = details.presetId === undefined ? undefined : tx.select().from(boxPresets).where(eq(boxPresets.id, details.presetId)).get()
  if (details.presetId !== undefined && !preset)
    refuse('not_found', { key: 'refusals:packing.noPreset', params: { presetId: details.presetId } })
  const dims = preset ? { length: preset.lengthMm, width: preset.widthMm, height: preset.heightMm } : details.dimensionsMm
  if (!dims && needsDimensions(tx, box.id)) {
    refuse('dimensions_required', { key: 'refusals:packing.dimensionsRequired', params: { box: box.number } })
  }
  if (details.weightG !== undefined && preset && details.weightG > preset.maxWeightG) {
    refuse('too_heavy', {
      key: 'refusals:packing.tooHeavy',
      params: { weightKg: details.weightG / 1000, preset: preset.name, limitKg: preset.maxWeightG / 1000 }
    })
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
    ...answer({ key: 'answers:packing.boxConfirmed', params: { box: box.number, count: units.length } })
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

/** Reopens a confirmed box so units can be added or removed; only one box is open at a time. */
export function reopenBox(
  db: Db,
  clock: Clock,
  orderId: number,
  boxId: string,
  operatorId: number
): { boxNumber: number; message: string; words: Words } {
  return db.transaction(
    (tx) => {
      const order = openOrderForBoxes(tx, orderId, 'reopen')
      const box = tx
        .select()
        .from(boxes)
        .where(and(eq(boxes.id, boxId), eq(boxes.orderId, orderId)))
        .get()
      if (!box) return refuse('not_found', { key: 'refusals:packing.notThisOrdersBox', params: { orderNumber: order.orderNumber } })
      if (box.status !== 'confirmed') {
        return refuse(
          'box_not_confirmed',
          box.status === 'saved'
            ? { key: 'refusals:packing.boxAlreadyOpen', params: { box: box.number } }
            : { key: 'refusals:packing.boxVoided', params: { box: box.number } }
        )
      }
      const open = tx
        .select()
        .from(boxes)
        .where(and(eq(boxes.orderId, orderId), eq(boxes.status, 'saved')))
        .get()
      if (open) return refuse('box_open', { key: 'refusals:packing.otherBoxOpen', params: { open: open.number, box: box.number } })
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
      return { boxNumber: box.number, ...answer({ key: 'answers:packing.boxReopened', params: { box: box.number } }) }
    },
    { behavior: 'immediate' }
  )
}
