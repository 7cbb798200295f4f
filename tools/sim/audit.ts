// The end-of-run audit of one station, read from its own database inside the
// station process: every outbox row with what the OMS answered for it, every
// live unit and where it is, and the orders the station worked on. This is
// the auditor's look at the station, not an operator's: it changes nothing.
import { and, eq, isNull, ne } from 'drizzle-orm'
import type { Db } from '../../src/main/core/db/connection'
import { boxes, orders, outbox, scannedUnits } from '../../src/main/core/db/schema'
import type { StationAudit } from './protocol'

export function auditStation(db: Db, stationId: string): StationAudit {
  const rows = db
    .select({
      id: outbox.id,
      type: outbox.type,
      omsOrderId: orders.omsOrderId,
      sentAt: outbox.sentAt,
      rejectedAt: outbox.rejectedAt,
      rejectReason: outbox.rejectReason,
      payload: outbox.payload
    })
    .from(outbox)
    .leftJoin(orders, eq(orders.id, outbox.orderId))
    .all()
  const units = db
    .select({ serial: scannedUnits.serial, omsOrderId: orders.omsOrderId, orderStatus: orders.status, boxStatus: boxes.status })
    .from(scannedUnits)
    .innerJoin(orders, eq(orders.id, scannedUnits.orderId))
    .leftJoin(boxes, eq(boxes.id, scannedUnits.boxId))
    .where(isNull(scannedUnits.removedAt))
    .all()
  const worked = db
    .select({ omsOrderId: orders.omsOrderId, status: orders.status })
    .from(orders)
    .where(and(ne(orders.status, 'ready'), ne(orders.status, 'on_hold')))
    .all()
  return {
    stationId,
    outbox: rows.map((r) => ({
      id: r.id,
      type: r.type,
      omsOrderId: r.omsOrderId,
      sent: r.sentAt !== null,
      rejected: r.rejectedAt !== null,
      rejectReason: r.rejectReason,
      serials: r.type === 'box.confirmed' ? serialsOf(r.payload) : []
    })),
    units: units.flatMap((u) => (u.serial ? [{ ...u, serial: u.serial }] : [])),
    orders: worked
  }
}

/** The serials (and second IMEIs) a box.confirmed payload reports. */
export function serialsOf(payload: unknown): string[] {
  const units = (payload as { units?: { serial?: unknown; serial2?: unknown }[] } | null)?.units ?? []
  return units.flatMap((u) => [u.serial, u.serial2]).filter((s): s is string => typeof s === 'string' && s.length > 0)
}
