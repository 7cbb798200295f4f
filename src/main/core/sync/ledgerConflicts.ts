// Serial conflicts (SPEC §7): what the OMS rejects after the fact because a
// serial of this station's event is live at another station (two stations
// packed the same IMEI while both were offline). Such a rejection names the
// serial (docs/oms-api.yaml, `pullSerialLedger`); it is a conflict while
// that serial is still live in this station's order. It clears when the unit
// is unpacked here (any flow: remove, void, unpack) or the event is re-sent
// or acknowledged on the Sync screen. Derived on read, never stored.
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm'
import type { SerialConflict } from '../../../shared/ledger'
import type { Db } from '../db/connection'
import { boxes, orders, outbox, scannedUnits, serialLedger } from '../db/schema'
import { openRejections } from './rejectedEvents'

type Rejected = {
  id: string
  type: string
  orderId: number | null
  orderNumber: string | null
  payload: unknown
  reason: string
  rejectedAt: string
}

/** The open serial conflicts, oldest rejection first. */
export function listSerialConflicts(db: Db): SerialConflict[] {
  return openRejectedWithPayload(db).flatMap((row) => conflictsOf(db, row))
}

/** The one open conflict of this event and serial; undefined when it is not (or no longer) open. */
export function findSerialConflict(db: Db, eventId: string, serial: string): SerialConflict | undefined {
  const row = openRejectedWithPayload(db, eventId)[0]
  return row ? conflictsOf(db, row).find((c) => c.serial === serial) : undefined
}

function openRejectedWithPayload(db: Db, eventId?: string): Rejected[] {
  return db
    .select({
      id: outbox.id,
      type: outbox.type,
      orderId: outbox.orderId,
      orderNumber: orders.orderNumber,
      payload: outbox.payload,
      reason: sql<string>`coalesce(${outbox.rejectReason}, '')`,
      rejectedAt: sql<string>`${outbox.rejectedAt}`
    })
    .from(outbox)
    .leftJoin(orders, eq(orders.id, outbox.orderId))
    .where(eventId === undefined ? openRejections(db) : and(eq(outbox.id, eventId), openRejections(db)))
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .all()
}

function conflictsOf(db: Db, row: Rejected): SerialConflict[] {
  if (row.orderId === null) return []
  const named = committedSerials(row.type, row.payload).filter((serial) => names(row.reason, serial))
  const conflicts: SerialConflict[] = []
  for (const serial of new Set(named)) {
    const unit = liveUnitIn(db, row.orderId, serial)
    if (!unit) continue
    const elsewhere = holderOf(db, serial)
    conflicts.push({
      eventId: row.id,
      eventType: row.type,
      orderId: row.orderId,
      orderNumber: row.orderNumber,
      serial,
      unitId: unit.id,
      boxId: unit.boxId,
      boxNumber: unit.boxNumber,
      reason: row.reason,
      rejectedAt: row.rejectedAt,
      elsewhere,
      action: elsewhere && !elsewhere.live ? 'resend' : 'unpack_or_ask'
    })
  }
  return conflicts
}

/** The serials an event commits to the OMS: a confirmed box's units, a packed order's boxes. */
function committedSerials(type: string, payload: unknown): string[] {
  const p = (payload ?? {}) as { units?: { serial?: unknown; serial2?: unknown }[]; boxes?: { serials?: unknown[] }[] }
  const values =
    type === 'box.confirmed'
      ? (p.units ?? []).flatMap((u) => [u.serial, u.serial2])
      : type === 'order.packed'
        ? (p.boxes ?? []).flatMap((b) => b.serials ?? [])
        : []
  return values.filter((s): s is string => typeof s === 'string' && s.length > 0)
}

/** The reason names the serial as a whole word (not as part of a longer number). */
const names = (reason: string, serial: string): boolean => {
  let at = reason.indexOf(serial)
  while (at >= 0) {
    const before = reason[at - 1] ?? ' '
    const after = reason[at + serial.length] ?? ' '
    if (!/[0-9A-Za-z]/.test(before) && !/[0-9A-Za-z]/.test(after)) return true
    at = reason.indexOf(serial, at + 1)
  }
  return false
}

function liveUnitIn(db: Db, orderId: number, serial: string) {
  return db
    .select({ id: scannedUnits.id, boxId: scannedUnits.boxId, boxNumber: boxes.number })
    .from(scannedUnits)
    .leftJoin(boxes, eq(boxes.id, scannedUnits.boxId))
    .where(
      and(
        or(eq(scannedUnits.serial, serial), eq(scannedUnits.serial2, serial)),
        isNull(scannedUnits.removedAt),
        eq(scannedUnits.orderId, orderId)
      )
    )
    .limit(1)
    .get()
}

/** The other station's entry for the serial, a live one first, else the latest. */
function holderOf(db: Db, serial: string): SerialConflict['elsewhere'] {
  const entry = db
    .select({
      stationId: serialLedger.stationId,
      stationName: serialLedger.stationName,
      orderNumber: serialLedger.orderNumber,
      live: serialLedger.live
    })
    .from(serialLedger)
    .where(eq(serialLedger.serial, serial))
    .orderBy(desc(serialLedger.live), desc(serialLedger.committedAt))
    .limit(1)
    .get()
  return entry ?? null
}
