// IMEI history: everything that happened to one serial at this station, in
// time order: every order it was scanned into, its box, who scanned it and
// how, removals and voided boxes, packing, shipping and returns. Found by
// index look-ups from the serial (see serialLookup.ts), then by primary key:
// no full scan, however many units the station holds.
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { returnFlagWords, type HistoryEntry, type HistoryKind, type SerialHistory } from '../../../shared/shipping'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { boxes, events, operators, orders } from '../db/schema'
import type { Sentence, WordValues, Words } from '../../../shared/words'
import { english, refuse } from '../errors'
import { MAX_SCAN_LENGTH, cleanScan, type ScannerAffixes } from '../scanning/serial'
import { readCode, type CodePart } from '../scanning/codes/readCode'
import { returnsOfSerials, unitsBySerial, type FoundUnit } from './serialLookup'

const ORDER_EVENTS = ['order.packed', 'order.shipped', 'order.cancelled'] as const

/** The queries, unprepared: the tests read their query plans. */
export function serialHistoryQueries(db: Db) {
  const id = sql.placeholder('id')
  return {
    box: db
      .select({ number: boxes.number, status: boxes.status, createdAt: boxes.createdAt, confirmedAt: boxes.confirmedAt })
      .from(boxes)
      .where(eq(boxes.id, id)),
    operator: db.select({ name: operators.name }).from(operators).where(eq(operators.id, id)),
    shipment: db
      .select({ carrier: orders.carrier, service: orders.service, trackingNumber: orders.trackingNumber, trackingUrl: orders.trackingUrl })
      .from(orders)
      .where(eq(orders.id, id)),
    orderEvents: db
      .select({ at: events.at, type: events.type, operator: operators.name })
      .from(events)
      .leftJoin(operators, eq(operators.id, events.operatorId))
      .where(and(eq(events.orderId, id), inArray(events.type, [...ORDER_EVENTS])))
      .orderBy(asc(events.at)),
    /** The event of a removal or voided box, for the shift lead who approved it. */
    removalEvent: db
      .select({ data: events.data })
      .from(events)
      .where(
        and(
          eq(events.orderId, id),
          eq(events.at, sql.placeholder('at')),
          eq(events.entityId, sql.placeholder('entityId')),
          inArray(events.type, ['unit.removed', 'box.voided'])
        )
      )
  }
}

const statements = perConnection((db) => {
  const q = serialHistoryQueries(db)
  return {
    box: q.box.prepare(),
    operator: q.operator.prepare(),
    shipment: q.shipment.prepare(),
    orderEvents: q.orderEvents.prepare(),
    removalEvent: q.removalEvent.prepare()
  }
})

/** Ties in time read in the order things happen to a unit. */
const RANK: Record<HistoryKind, number> = {
  scanned: 0,
  boxed: 1,
  box_confirmed: 2,
  removed: 3,
  packed: 4,
  cancelled: 5,
  shipped: 6,
  returned: 7
}

const blank = {
  orderId: null,
  orderNumber: null,
  boxNumber: null,
  boxStatus: null,
  operator: null,
  approvedBy: null,
  entryMethod: null,
  removal: null,
  carrier: null,
  trackingNumber: null,
  trackingUrl: null,
  flag: null
}

export function serialHistory(db: Db, affixes: ScannerAffixes, input: string): SerialHistory {
  // A whole box code may be scanned into the search: its first serial is the one looked up.
  const code = readCode(input, affixes)
  const serial = code.problem === null && code.serials.length > 0 ? code.serials[0].value : cleanScan(input, affixes)
  if (serial.length === 0) return refuse('invalid_serial', { key: 'refusals:history.nothingToSearch' })
  if (serial.length > MAX_SCAN_LENGTH)
    return refuse('invalid_serial', { key: 'refusals:history.tooLong', params: { length: serial.length, max: MAX_SCAN_LENGTH } })

  // The unit(s) this serial names, and through them the other IMEI of a dual-IMEI device.
  const units = new Map<string, FoundUnit>()
  for (const u of unitsBySerial(db, serial)) units.set(u.id, u)
  const serials = new Set([serial])
  for (const u of [...units.values()]) for (const s of [u.serial, u.serial2]) if (s) serials.add(s)
  for (const s of serials) if (s !== serial) for (const u of unitsBySerial(db, s)) units.set(u.id, u)

  const s = statements(db)
  const operatorNames = new Map<number, string>()
  const operatorName = (id: number | null) => {
    if (id === null) return null
    if (!operatorNames.has(id)) operatorNames.set(id, s.operator.get({ id })?.name ?? `operator ${id}`)
    return operatorNames.get(id)!
  }
  const orderEvents = new Map<number, { at: string; type: string; operator: string | null }[]>()
  const eventsOf = (orderId: number) => {
    if (!orderEvents.has(orderId)) orderEvents.set(orderId, s.orderEvents.all({ id: orderId }))
    return orderEvents.get(orderId)!
  }

  const approverOf = (orderId: number, at: string, entityId: string | null) => {
    if (entityId === null) return null
    const data = s.removalEvent.get({ id: orderId, at, entityId })?.data as { approvedBy?: { name?: string } } | null | undefined
    return data?.approvedBy?.name ?? null
  }

  const entries: HistoryEntry[] = []
  for (const u of units.values()) {
    const inOrder = { ...blank, orderId: u.orderId, orderNumber: u.orderNumber }
    const box = u.boxId ? s.box.get({ id: u.boxId }) : undefined
    const inBox = { ...inOrder, boxNumber: box?.number ?? null, boxStatus: box?.status ?? null }
    const live = (at: string) => u.removedAt === null || at <= u.removedAt
    const imeis = [u.serial, u.serial2].filter(Boolean).join(' / ')

    entries.push({
      ...inBox,
      at: u.scannedAt,
      kind: 'scanned',
      operator: operatorName(u.scannedBy),
      entryMethod: u.entryMethod,
      ...told(u.entryMethod === 'typed' ? 'history:detail.typed' : 'history:detail.scanned', {
        imeis,
        orderNumber: u.orderNumber,
        parts: codeParts(u.codeParts)
      })
    })
    if (box) {
      const boxedAt = box.createdAt > u.scannedAt ? box.createdAt : u.scannedAt
      if (live(boxedAt))
        entries.push({
          ...inBox,
          at: boxedAt,
          kind: 'boxed',
          ...told('history:detail.boxed', { box: box.number, orderNumber: u.orderNumber })
        })
      if (box.confirmedAt && live(box.confirmedAt))
        entries.push({ ...inBox, at: box.confirmedAt, kind: 'box_confirmed', ...told('history:detail.boxConfirmed', { box: box.number }) })
    }
    if (u.removedAt) {
      const by = operatorName(u.removedBy)
      const approvedBy = approverOf(u.orderId, u.removedAt, u.removal === 'box_voided' ? u.boxId : u.id)
      // Who and why are optional parts of the sentence: each a whole phrase of the catalogue (or nothing).
      const who: Sentence[] =
        by && approvedBy
          ? [{ key: 'history:detail.byApproved', params: { by, approvedBy } }]
          : by
            ? [{ key: 'history:detail.by', params: { by } }]
            : approvedBy
              ? [{ key: 'history:detail.approvedBy', params: { approvedBy } }]
              : []
      const byOnly: Sentence[] = by ? [{ key: 'history:detail.by', params: { by } }] : []
      const why: Sentence[] = u.removalReason ? [{ key: 'history:detail.why', params: { reason: u.removalReason } }] : []
      const place = { box: box?.number ?? '?', orderNumber: u.orderNumber }
      const words =
        u.removal === 'box_voided'
          ? told('history:detail.voided', { ...place, who, why })
          : u.removal === 'unpacked_after_cancel'
            ? told(box ? 'history:detail.unpackedFromBox' : 'history:detail.unpacked', { ...place, who: byOnly })
            : told(box ? 'history:detail.removedFromBox' : 'history:detail.removed', { ...place, who, why })
      entries.push({ ...inBox, at: u.removedAt, kind: 'removed', operator: by, approvedBy, removal: u.removal, ...words })
    }
    for (const e of eventsOf(u.orderId)) {
      if (e.at < u.scannedAt || !live(e.at)) continue
      if (e.type === 'order.packed')
        entries.push({
          ...inBox,
          at: e.at,
          kind: 'packed',
          operator: e.operator,
          ...told('history:detail.packed', { orderNumber: u.orderNumber })
        })
      if (e.type === 'order.cancelled')
        entries.push({
          ...inBox,
          at: e.at,
          kind: 'cancelled',
          operator: e.operator,
          ...told('history:detail.cancelled', { orderNumber: u.orderNumber })
        })
      if (e.type === 'order.shipped') {
        const ship = s.shipment.get({ id: u.orderId })!
        entries.push({
          ...inBox,
          at: e.at,
          kind: 'shipped',
          operator: e.operator,
          carrier: `${ship.carrier} ${ship.service}`,
          trackingNumber: ship.trackingNumber,
          trackingUrl: ship.trackingUrl,
          ...told('history:detail.shipped', { carrier: `${ship.carrier} ${ship.service}`, tracking: ship.trackingNumber ?? '—' })
        })
      }
    }
  }

  for (const r of returnsOfSerials(db, [...serials])) {
    entries.push({
      ...blank,
      at: r.receivedAt,
      kind: 'returned',
      orderId: r.orderId,
      orderNumber: r.orderNumber,
      operator: r.receivedBy,
      flag: r.flag,
      // The flag is worded from its stored code (the stored flagMessage is English only).
      ...(r.flag
        ? told('history:detail.returnedFlagged', { orderNumber: r.orderNumber, flag: [returnFlagWords(r.flag)] })
        : told('history:detail.returned', { orderNumber: r.orderNumber }))
    })
  }

  entries.sort((a, b) => a.at.localeCompare(b.at) || RANK[a.kind] - RANK[b.kind])
  return { serial, serials: [...serials], entries }
}

/** The scanned code's other parts, as the history line shows them: " (code also held S/N R58M…, GTIN 0950…)". */
/** The other parts the scanned code held (S/N, GTIN, lot…), as a phrase of the sentence, or nothing. */
function codeParts(stored: string | null): Sentence[] {
  const parts = stored === null ? [] : (JSON.parse(stored) as CodePart[])
  return parts.length > 0
    ? [{ key: 'history:detail.codeParts', params: { parts: parts.map((p) => `${p.name} ${p.value}`).join(', ') } }]
    : []
}

/** An entry's sentence: catalogue words for the screen, and their English as `detail` (the command line, the logs). */
function told(key: string, params: WordValues): { detail: string; words: Words } {
  const words = { key, params }
  return { detail: english(words), words }
}
