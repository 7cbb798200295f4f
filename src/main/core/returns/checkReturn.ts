// Returns (SPEC §6): one scanned serial of a returned parcel, checked against
// the units shipped in the order. A serial that was not shipped there is
// flagged, not refused: the parcel is on the bench, so it is recorded with
// its flag. Only a scan that is no serial at all, or the same unit twice in
// one parcel, is refused. Reads only.
import { eq } from 'drizzle-orm'
import type { ReturnCheck } from '../../../shared/shipping'
import type { Db } from '../db/connection'
import { orders } from '../db/schema'
import { refuse } from '../errors'
import { returnsOfSerials, unitsBySerial, type FoundUnit } from '../history/serialLookup'
import { STATUS_LABEL, type OrderStatus } from '../orders/status'
import { checkImei, checkSerial, cleanScan, MAX_SCAN_LENGTH, type ScannerAffixes } from '../scanning/serial'
import { formatLocalTime } from '../../../shared/localTime'

export type ShippedOrder = { id: number; orderNumber: string; omsOrderId: string; status: OrderStatus }

/** The order a parcel came back from: it must have shipped. */
export function loadShippedOrder(db: Db, orderId: number): ShippedOrder {
  const order = db
    .select({ id: orders.id, orderNumber: orders.orderNumber, omsOrderId: orders.omsOrderId, status: orders.status })
    .from(orders)
    .where(eq(orders.id, orderId))
    .get()
  if (!order) return refuse('not_found', `Order ${orderId} does not exist.`)
  if (order.status !== 'shipped') {
    return refuse(
      'not_shipped',
      `Order ${order.orderNumber} is ${STATUS_LABEL[order.status]}, not shipped: a return is scanned against the order it shipped in.`
    )
  }
  return order
}

/** The scanned text as a serial: scanner noise stripped; refused when it cannot be a serial. */
export function readReturnedSerial(input: string, affixes: ScannerAffixes): string {
  const serial = cleanScan(input, affixes)
  if (serial.length === 0) return refuse('invalid_serial', 'Empty scan: scan the IMEI or serial of the returned unit.')
  if (serial.length > MAX_SCAN_LENGTH)
    return refuse('invalid_serial', `Scan too long (${serial.length} characters, at most ${MAX_SCAN_LENGTH}).`)
  return serial
}

const day = (iso: string) => formatLocalTime(iso)

/**
 * What this serial is for this parcel. `inParcel` holds the serials scanned
 * into the parcel so far; the same unit again (by either IMEI) is refused.
 */
export function checkReturnedSerial(db: Db, order: ShippedOrder, serial: string, inParcel: readonly string[]): ReturnCheck {
  if (inParcel.includes(serial)) refuse('already_in_parcel', `${serial} is already in this parcel.`)
  const units = unitsBySerial(db, serial)
  const live = units.filter((u) => u.removedAt === null)
  const shipped = live.find((u) => u.orderId === order.id)

  if (shipped) {
    const twin = [shipped.serial, shipped.serial2].find((s) => s !== null && s !== serial && inParcel.includes(s))
    if (twin) refuse('already_in_parcel', `${serial} is the other IMEI of ${twin}, already in this parcel.`)
    const earlier = returnsOfSerials(db, serialsOf(shipped)).filter((r) => r.orderId === order.id)
    if (earlier.length > 0) {
      const last = earlier[earlier.length - 1]
      return verdict(
        serial,
        shipped.id,
        'already_returned',
        `Already returned: ${serial} came back on ${day(last.receivedAt)} (received by ${last.receivedBy})`
      )
    }
    return verdict(serial, shipped.id, null, `${serial} shipped in this order`)
  }

  const elsewhere = live[0]
  if (elsewhere) {
    const where = elsewhere.orderStatus === 'shipped' ? 'shipped in' : `is in`
    const status = elsewhere.orderStatus === 'shipped' ? '' : ` (${STATUS_LABEL[elsewhere.orderStatus]})`
    return verdict(serial, null, 'not_in_order', `Not in this order: ${serial} ${where} order ${elsewhere.orderNumber}${status}`, elsewhere)
  }

  const removed = units[units.length - 1]
  if (removed) {
    const how = removed.removal === 'box_voided' ? 'its box was voided' : 'it was removed'
    const from = removed.orderId === order.id ? 'this order' : `order ${removed.orderNumber}`
    return verdict(
      serial,
      null,
      'not_in_order',
      `Not in this order: ${serial} did not ship, ${how} from ${from} on ${day(removed.removedAt!)}`,
      removed.orderId === order.id ? undefined : removed
    )
  }

  // Never seen: a misread IMEI (or noise) must not be recorded as an unknown device.
  const format = /^\d{14,16}$/.test(serial) ? checkImei(serial) : checkSerial(serial, null)
  if (!format.ok) refuse('invalid_serial', `${format.message}. Nothing was recorded.`)
  return verdict(serial, null, 'unknown_serial', `Unknown: ${serial} was never scanned at this station`)
}

const serialsOf = (u: FoundUnit) => [u.serial, u.serial2].filter((s): s is string => s !== null)

function verdict(serial: string, unitId: string | null, flag: ReturnCheck['flag'], message: string, other?: FoundUnit): ReturnCheck {
  return { serial, unitId, flag, message, otherOrder: other ? { id: other.orderId, orderNumber: other.orderNumber } : null }
}

/** returns:check — one scan against the order, nothing written. */
export function checkReturn(db: Db, affixes: ScannerAffixes, request: { orderId: number; input: string; inParcel: string[] }): ReturnCheck {
  const order = loadShippedOrder(db, request.orderId)
  return checkReturnedSerial(db, order, readReturnedSerial(request.input, affixes), request.inParcel)
}
