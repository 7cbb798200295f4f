// Returns (SPEC §6): one scanned serial of a returned parcel, checked against
// the units shipped in the order. A serial that was not shipped there is
// flagged, not refused: the parcel is on the bench, so it is recorded with
// its flag. Only a scan that is no serial at all, or the same unit twice in
// one parcel, is refused. Reads only.
import { eq } from 'drizzle-orm'
import type { ReturnCheck } from '../../../shared/shipping'
import type { Db } from '../db/connection'
import { orders } from '../db/schema'
import { english, refuse, type Words } from '../errors'
import { returnsOfSerials, unitsBySerial, type FoundUnit } from '../history/serialLookup'
import type { OrderStatus } from '../orders/status'
import { checkImei, checkSerial, cleanScan, MAX_SCAN_LENGTH, type ScannerAffixes } from '../scanning/serial'

export type ShippedOrder = { id: number; orderNumber: string; omsOrderId: string; status: OrderStatus }

/** The order a parcel came back from: it must have shipped. */
export function loadShippedOrder(db: Db, orderId: number): ShippedOrder {
  const order = db
    .select({ id: orders.id, orderNumber: orders.orderNumber, omsOrderId: orders.omsOrderId, status: orders.status })
    .from(orders)
    .where(eq(orders.id, orderId))
    .get()
  if (!order) return refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId } })
  if (order.status !== 'shipped') {
    return refuse('not_shipped', { key: 'refusals:returns.notShipped', params: { orderNumber: order.orderNumber, status: order.status } })
  }
  return order
}

/** The scanned text as a serial: scanner noise stripped; refused when it cannot be a serial. */
export function readReturnedSerial(input: string, affixes: ScannerAffixes): string {
  const serial = cleanScan(input, affixes)
  if (serial.length === 0) return refuse('invalid_serial', { key: 'refusals:returns.emptyScan' })
  if (serial.length > MAX_SCAN_LENGTH)
    return refuse('invalid_serial', { key: 'refusals:returns.tooLong', params: { length: serial.length, max: MAX_SCAN_LENGTH } })
  return serial
}

/**
 * What this serial is for this parcel. `inParcel` holds the serials scanned
 * into the parcel so far; the same unit again (by either IMEI) is refused.
 */
export function checkReturnedSerial(db: Db, order: ShippedOrder, serial: string, inParcel: readonly string[]): ReturnCheck {
  if (inParcel.includes(serial)) refuse('already_in_parcel', { key: 'refusals:returns.alreadyInParcel', params: { serial } })
  const units = unitsBySerial(db, serial)
  const live = units.filter((u) => u.removedAt === null)
  const shipped = live.find((u) => u.orderId === order.id)

  if (shipped) {
    const twin = [shipped.serial, shipped.serial2].find((s) => s !== null && s !== serial && inParcel.includes(s))
    if (twin) refuse('already_in_parcel', { key: 'refusals:returns.twinInParcel', params: { serial, twin } })
    const earlier = returnsOfSerials(db, serialsOf(shipped)).filter((r) => r.orderId === order.id)
    if (earlier.length > 0) {
      const last = earlier[earlier.length - 1]
      return verdict(serial, shipped.id, 'already_returned', {
        key: 'answers:returns.alreadyReturned',
        params: { serial, receivedAt: last.receivedAt, receivedBy: last.receivedBy }
      })
    }
    return verdict(serial, shipped.id, null, { key: 'answers:returns.shippedHere', params: { serial } })
  }

  const elsewhere = live[0]
  if (elsewhere) {
    const params = { serial, orderNumber: elsewhere.orderNumber, status: elsewhere.orderStatus }
    const words =
      elsewhere.orderStatus === 'shipped'
        ? { key: 'answers:returns.shippedElsewhere', params }
        : { key: 'answers:returns.inOtherOrder', params }
    return verdict(serial, null, 'not_in_order', words, elsewhere)
  }

  const removed = units[units.length - 1]
  if (removed) {
    const voided = removed.removal === 'box_voided'
    const here = removed.orderId === order.id
    const params = { serial, orderNumber: removed.orderNumber, removedAt: removed.removedAt! }
    const words = here
      ? { key: voided ? 'answers:returns.voidedHere' : 'answers:returns.removedHere', params }
      : { key: voided ? 'answers:returns.voidedElsewhere' : 'answers:returns.removedElsewhere', params }
    return verdict(serial, null, 'not_in_order', words, here ? undefined : removed)
  }

  // Never seen: a misread IMEI (or noise) must not be recorded as an unknown device.
  const format = /^\d{14,16}$/.test(serial) ? checkImei(serial) : checkSerial(serial, null)
  if (!format.ok) {
    // The scan answer's sentence (scan:answer.<code>, src/shared/scanWords.ts), then this refusal's.
    const problem = { key: `scan:answer.${format.code}`, params: format.params }
    refuse('invalid_serial', { key: 'refusals:returns.badSerial', params: { problem: [problem] } })
  }
  return verdict(serial, null, 'unknown_serial', { key: 'answers:returns.unknown', params: { serial } })
}

const serialsOf = (u: FoundUnit) => [u.serial, u.serial2].filter((s): s is string => s !== null)

function verdict(serial: string, unitId: string | null, flag: ReturnCheck['flag'], words: Words, other?: FoundUnit): ReturnCheck {
  return {
    serial,
    unitId,
    flag,
    message: english(words),
    words,
    otherOrder: other ? { id: other.orderId, orderNumber: other.orderNumber } : null
  }
}

/** returns:check — one scan against the order, nothing written. */
export function checkReturn(db: Db, affixes: ScannerAffixes, request: { orderId: number; input: string; inParcel: string[] }): ReturnCheck {
  const order = loadShippedOrder(db, request.orderId)
  return checkReturnedSerial(db, order, readReturnedSerial(request.input, affixes), request.inParcel)
}
