// The scan commit path (SPEC §5): validate one scan and, if every rule holds,
// commit the unit before anything tells the operator "OK". A refusal writes
// nothing: every check runs before the first write, inside one transaction.
import { and, eq, isNull, or, sql } from 'drizzle-orm'
import type { ScanOutcome } from '../../../shared/schemas'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { perConnection } from '../db/prepared'
import { boxes, orderLines, orders, productTacs, products, scannedUnits } from '../db/schema'
import { refuse } from '../errors'
import { newId } from '../ids'
import { STATUS_LABEL, transitionOrder } from '../orders/status'
import { recordEvent } from '../events/eventLog'
import { checkImei, checkSerial, tacOf, type Checked, type ScannerAffixes } from './serial'
import { splitScan } from './splitScan'

export type ScanInput = {
  orderId: number
  input: string
  orderLineId?: number
  operatorId: number
  entryMethod?: 'scanned' | 'typed'
  /** Second step of a dual-IMEI unit: IMEI 1, already checked, waiting for its IMEI 2 (this scan). */
  firstImei?: string
  /** The shift lead who approved a typed serial (hand-entry policy "with approval"). */
  approvedBy?: { id: number; name: string }
}

export type ScanCommit = {
  outcome: ScanOutcome
  message: string
  serial: string | null
  orderLineId: number | null
  /** Units committed by this scan: 1, or N for a multi-serial code, 0 when refused or waiting. */
  units: number
  /** Set when IMEI 1 of a dual-IMEI unit was accepted and IMEI 2 must follow; nothing is written yet. */
  awaiting: { firstImei: string; orderLineId: number; productName: string } | null
}

type Line = {
  id: number
  sku: string
  productName: string
  quantity: number
  scannedQuantity: number
  serialized: boolean
  serialKind: 'imei' | 'serial' | 'none'
  serialPattern: string | null
  imeisPerUnit: number
}

const statementsFor = perConnection((db) => ({
    order: db
      .select({ id: orders.id, orderNumber: orders.orderNumber, omsOrderId: orders.omsOrderId, status: orders.status, dispatchAfter: orders.dispatchAfter })
      .from(orders)
      .where(eq(orders.id, sql.placeholder('orderId')))
      .prepare(),
    lines: db
      .select({
        id: orderLines.id,
        sku: orderLines.sku,
        productName: orderLines.productName,
        quantity: orderLines.quantity,
        scannedQuantity: orderLines.scannedQuantity,
        serialized: orderLines.serialized,
        serialKind: products.serialKind,
        serialPattern: products.serialPattern,
        imeisPerUnit: products.imeisPerUnit
      })
      .from(orderLines)
      .innerJoin(products, eq(products.sku, orderLines.sku))
      .where(eq(orderLines.orderId, sql.placeholder('orderId')))
      .orderBy(orderLines.id)
      .prepare(),
    modelByTac: db
      .select({ sku: products.sku, name: products.name })
      .from(productTacs)
      .innerJoin(products, eq(products.sku, productTacs.sku))
      .where(eq(productTacs.tac, sql.placeholder('tac')))
      .prepare(),
    liveUnit: db
      .select({ orderId: scannedUnits.orderId, orderNumber: orders.orderNumber, status: orders.status, boxNumber: boxes.number })
      .from(scannedUnits)
      .innerJoin(orders, eq(orders.id, scannedUnits.orderId))
      .leftJoin(boxes, eq(boxes.id, scannedUnits.boxId))
      .where(
        and(
          or(eq(scannedUnits.serial, sql.placeholder('serial')), eq(scannedUnits.serial2, sql.placeholder('serial'))),
          isNull(scannedUnits.removedAt)
        )
      )
      .limit(1)
      .prepare(),
    insertUnit: db
      .insert(scannedUnits)
      .values({
        id: sql.placeholder('id'),
        orderId: sql.placeholder('orderId'),
        orderLineId: sql.placeholder('orderLineId'),
        serial: sql.placeholder('serial'),
        serial2: sql.placeholder('serial2'),
        entryMethod: sql.placeholder('entryMethod'),
        scannedBy: sql.placeholder('operatorId'),
        scannedAt: sql.placeholder('at')
      })
      .prepare(),
    countUnit: db
      .update(orderLines)
      .set({ scannedQuantity: sql`${orderLines.scannedQuantity} + ${sql.placeholder('n')}` })
      .where(eq(orderLines.id, sql.placeholder('orderLineId')))
      .prepare()
}))

const refused = (outcome: Exclude<ScanOutcome, 'accepted' | 'awaiting_imei2'>, message: string, serial: string | null = null, orderLineId: number | null = null): ScanCommit => ({
  outcome,
  message,
  serial,
  orderLineId,
  units: 0,
  awaiting: null
})

type Unit = { line: Line; serial: string; serial2: string | null }
type Found = { ok: true; line: Line; serial: string } | { ok: false; refusal: ScanCommit }

/**
 * Validates a serialized scan against SPEC §5 and commits it. A scan may hold
 * several serials (a 2D code): all are validated and all committed, or none.
 * A dual-IMEI product takes IMEI 1 and IMEI 2 as one unit: from one code
 * holding both, or from two scans (the first answers `awaiting_imei2`).
 * Only an `accepted` outcome has written anything.
 */
export function scanUnit(db: Db, clock: Clock, affixes: ScannerAffixes, scan: ScanInput): ScanCommit {
  const s = statementsFor(db)
  const parts = splitScan(scan.input, affixes)
  return db.transaction(
    (tx) => {
      const order = s.order.get({ orderId: scan.orderId })
      if (!order) return refuse('not_found', `Order ${scan.orderId} does not exist.`)
      if (order.status !== 'ready' && order.status !== 'in_progress') {
        const why = order.status === 'on_hold' && order.dispatchAfter ? ` (dispatch after ${order.dispatchAfter.slice(0, 16).replace('T', ' ')})` : ''
        return refused('order_not_open', `Order ${order.orderNumber} is ${STATUS_LABEL[order.status]}${why}: no scanning`)
      }

      const all = s.lines.all({ orderId: scan.orderId }) as Line[]
      const lineFilter = scan.orderLineId
      const candidates = all.filter((l) => l.serialized && (lineFilter === undefined || l.id === lineFilter))
      if (candidates.length === 0) {
        return lineFilter === undefined
          ? refused('wrong_item', `Order ${order.orderNumber} has no serialized line to scan into`)
          : refuse('not_found', `Line ${lineFilter} is not a serialized line of order ${order.orderNumber}.`)
      }
      if (parts.length === 0) return refused('invalid_serial', 'Empty scan')

      // Units this scan adds, counted per line, so a multi-serial code cannot over-scan or repeat itself.
      const added = new Map<number, number>()
      const inThisScan = new Set<string>()
      const pending = (l: Line) => l.quantity - l.scannedQuantity - (added.get(l.id) ?? 0)

      const find = (input: string, lines: Line[], needsRoom = true): Found => {
        const checks = lines.map((line) => ({ line, check: checkFor(line, input) }))
        const valid = checks.filter((c) => c.check.ok)
        if (valid.length === 0) return { ok: false, refusal: refused('invalid_serial', (checks[0].check as { message: string }).message) }
        const serial = (valid[0].check as { serial: string }).serial
        let matching = valid.map((c) => c.line)
        // The model, where the catalogue knows it from the IMEI's TAC, must be one this line ships.
        if (matching.some((l) => l.serialKind === 'imei')) {
          const models = s.modelByTac.all({ tac: tacOf(serial) })
          if (models.length > 0) {
            const ofModel = matching.filter((l) => models.some((m) => m.sku === l.sku))
            if (ofModel.length === 0) {
              const wanted = lineFilter !== undefined || lines.length === 1 ? lines[0].productName : `any line of order ${order.orderNumber}`
              return { ok: false, refusal: refused('wrong_item', `Wrong model: ${serial} is ${models[0].name}, not ${wanted}`, serial) }
            }
            matching = ofModel
          }
        }
        if (inThisScan.has(serial)) return { ok: false, refusal: refused('duplicate', `Duplicate: ${serial} is twice in this scan`, serial) }
        const seen = s.liveUnit.get({ serial })
        if (seen) return { ok: false, refusal: refused('duplicate', duplicateMessage(serial, order.id, seen), serial) }
        if (!needsRoom) return { ok: true, line: matching[0], serial }
        const line = matching.find((l) => pending(l) > 0)
        if (!line) {
          const full = matching[0]
          const done = full.quantity - pending(full)
          return { ok: false, refusal: refused('over_scan', `Over-scan: ${full.productName} is complete (${done} of ${full.quantity} scanned)`, serial, full.id) }
        }
        return { ok: true, line, serial }
      }

      const units: Unit[] = []
      const add = (unit: Unit) => {
        units.push(unit)
        inThisScan.add(unit.serial)
        if (unit.serial2) inThisScan.add(unit.serial2)
        added.set(unit.line.id, (added.get(unit.line.id) ?? 0) + 1)
      }
      const where = (i: number) => (parts.length > 1 ? `Code part ${i + 1} of ${parts.length}: ` : '')
      const fail = (refusal: ScanCommit, i: number): ScanCommit => ({ ...refusal, message: where(i) + refusal.message })

      if (scan.firstImei !== undefined) {
        // IMEI 2 of a dual-IMEI unit: IMEI 1 is checked again (things may have changed since).
        if (parts.length !== 1) return refused('invalid_serial', 'Scan IMEI 2 on its own (one IMEI)')
        const first = find(scan.firstImei, candidates)
        if (!first.ok) return first.refusal
        inThisScan.add(first.serial)
        if (parts[0] === first.serial) return refused('duplicate', 'That is IMEI 1 again: scan IMEI 2 of the same device', first.serial)
        const second = find(parts[0], [first.line], false)
        if (!second.ok) return second.refusal
        add({ line: first.line, serial: first.serial, serial2: second.serial })
      } else {
        for (let i = 0; i < parts.length; i++) {
          const found = find(parts[i], candidates)
          if (!found.ok) return fail(found.refusal, i)
          if (found.line.imeisPerUnit < 2) {
            add({ line: found.line, serial: found.serial, serial2: null })
            continue
          }
          if (parts.length === 1) {
            return {
              outcome: 'awaiting_imei2' as const,
              message: `IMEI 1 OK: now scan IMEI 2 of this ${found.line.productName}`,
              serial: found.serial,
              orderLineId: found.line.id,
              units: 0,
              awaiting: { firstImei: found.serial, orderLineId: found.line.id, productName: found.line.productName }
            }
          }
          if (i + 1 >= parts.length) return fail(refused('invalid_serial', `IMEI 2 of ${found.serial} is missing from the code`, found.serial), i)
          inThisScan.add(found.serial)
          const second = find(parts[i + 1], [found.line], false)
          if (!second.ok) return fail(second.refusal, i + 1)
          inThisScan.delete(found.serial)
          add({ line: found.line, serial: found.serial, serial2: second.serial })
          i++
        }
      }

      const at = isoNow(clock)
      for (const unit of units) {
        const unitId = newId()
        s.insertUnit.run({
          id: unitId,
          orderId: order.id,
          orderLineId: unit.line.id,
          serial: unit.serial,
          serial2: unit.serial2,
          entryMethod: scan.entryMethod ?? 'scanned',
          operatorId: scan.operatorId,
          at
        })
        if (scan.approvedBy) {
          recordEvent(tx, {
            at,
            type: 'unit.hand_entry_approved',
            operatorId: scan.operatorId,
            orderId: order.id,
            entityId: unitId,
            data: { serial: unit.serial, approvedBy: scan.approvedBy }
          })
        }
      }
      for (const [orderLineId, n] of added) s.countUnit.run({ orderLineId, n })
      if (order.status === 'ready') transitionOrder(tx, order, 'in_progress', { operatorId: scan.operatorId, at })
      const only = units[0]
      const message =
        units.length > 1
          ? `OK: ${units.length} units from one code`
          : only.serial2
            ? `OK ${only.serial} + ${only.serial2}`
            : `OK ${only.serial}`
      return { outcome: 'accepted' as const, message, serial: only.serial, orderLineId: only.line.id, units: units.length, awaiting: null }
    },
    { behavior: 'immediate' }
  )
}

function checkFor(line: Line, input: string): Checked {
  return line.serialKind === 'imei' ? checkImei(input) : checkSerial(input, line.serialPattern)
}

function duplicateMessage(
  serial: string,
  orderId: number,
  seen: { orderId: number; orderNumber: string; status: string; boxNumber: number | null }
): string {
  const where = seen.orderId === orderId ? 'this order' : `order ${seen.orderNumber}`
  const box = seen.boxNumber === null ? 'not yet in a box' : `box ${seen.boxNumber}`
  const verb = seen.status === 'shipped' ? 'Already shipped' : 'Already scanned'
  return `${verb}: ${serial} is in ${where}, ${box}`
}
