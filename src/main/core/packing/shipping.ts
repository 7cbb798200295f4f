// Shipping (SPEC §6): a packed order gets its carrier, service and tracking
// number (and optionally a tracking URL, which must be http or https); then
// it becomes shipped through the one state machine, which logs the change and
// queues `order.shipped` for the OMS in the same transaction.
import { eq } from 'drizzle-orm'
import { normaliseTrackingNumber, trackingNumberProblem, trackingUrlProblem, type ShipRequest } from '../../../shared/shipping'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { orders } from '../db/schema'
import { refuse } from '../errors'
import { cleanScan, type ScannerAffixes } from '../scanning/serial'
import { transitionOrder } from '../orders/status'

export type Shipment = { carrier: string; service: string; trackingNumber: string; trackingUrl: string | null }

/** The shipment as it will be stored, or a refusal that says what to fix. Touches no data. */
export function checkShipment(request: Omit<ShipRequest, 'orderId'>, affixes: ScannerAffixes): Shipment {
  const carrier = request.carrier.trim()
  const service = request.service.trim()
  if (!carrier) refuse('invalid_carrier', { key: 'refusals:packing.enterCarrier' })
  if (!service) refuse('invalid_service', { key: 'refusals:packing.enterService' })
  const trackingNumber = normaliseTrackingNumber(cleanScan(request.trackingNumber, affixes))
  const numberProblem = trackingNumberProblem(trackingNumber)
  if (numberProblem) refuse('invalid_tracking_number', { key: 'refusals:packing.badTrackingNumber', params: { problem: [numberProblem] } })
  const trackingUrl = request.trackingUrl?.trim() || null
  const urlProblem = trackingUrl === null ? null : trackingUrlProblem(trackingUrl)
  if (urlProblem) refuse('invalid_tracking_url', { key: 'refusals:packing.badTrackingUrl', params: { problem: [urlProblem] } })
  return { carrier, service, trackingNumber, trackingUrl }
}

/** Ships a packed order; refuses (changing nothing) any other status or a bad shipment. */
export function shipOrder(db: Db, clock: Clock, affixes: ScannerAffixes, request: ShipRequest, operatorId: number): Shipment {
  return db.transaction(
    (tx) => {
      const order = tx.select().from(orders).where(eq(orders.id, request.orderId)).get()
      if (!order) return refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId: request.orderId } })
      if (order.status === 'shipped') {
        return refuse('already_shipped', {
          key: 'refusals:packing.alreadyShipped',
          params: { orderNumber: order.orderNumber, carrier: order.carrier ?? '', trackingNumber: order.trackingNumber ?? '' }
        })
      }
      if (order.status !== 'packed') {
        return refuse('not_packed', { key: 'refusals:packing.notPacked', params: { orderNumber: order.orderNumber, status: order.status } })
      }
      const shipment = checkShipment(request, affixes)
      const at = isoNow(clock)
      transitionOrder(tx, order, 'shipped', { operatorId, at, data: { ...shipment } })
      tx.update(orders)
        .set({ ...shipment, shippedAt: at, updatedAt: at })
        .where(eq(orders.id, order.id))
        .run()
      return shipment
    },
    { behavior: 'immediate' }
  )
}
