// Record return (SPEC §6): the parcel scanned on the Returns screen is stored
// whole, in one transaction: the return, one row per unit with its flag, and
// the `return.received` event queued for the OMS. Every serial is checked
// again here (the screen's verdicts are not trusted); an empty parcel, a scan
// that is no serial, or the same unit twice refuses the whole return.
import { eq } from 'drizzle-orm'
import type { ReturnRecord } from '../../../shared/shipping'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { operators, returns, returnUnits } from '../db/schema'
import { recordExportedEvent } from '../events/eventLog'
import type { ExportedPayload } from '../events/exported'
import { refuse } from '../errors'
import { newId } from '../ids'
import { returnedReason } from '../orders/holdReasons'
import type { ScannerAffixes } from '../scanning/serial'
import { checkReturnedSerial, loadShippedOrder, readReturnedSerial } from './checkReturn'

export type RecordReturnInput = { orderId: number; serials: string[]; note?: string }

export function recordReturn(db: Db, clock: Clock, affixes: ScannerAffixes, input: RecordReturnInput, operatorId: number): ReturnRecord {
  return db.transaction(
    (tx) => {
      const order = loadShippedOrder(tx, input.orderId)
      if (input.serials.length === 0) refuse('empty_return', { key: 'refusals:returns.emptyReturn' })
      const units: ReturnRecord['units'] = []
      for (const raw of input.serials) {
        const check = checkReturnedSerial(
          tx,
          order,
          readReturnedSerial(raw, affixes),
          units.map((u) => u.serial)
        )
        units.push({ serial: check.serial, unitId: check.unitId, flag: check.flag, flagMessage: check.flag ? check.message : null })
      }

      const at = isoNow(clock)
      const returnId = newId()
      const note = input.note?.trim() || null
      tx.insert(returns).values({ id: returnId, orderId: order.id, receivedBy: operatorId, receivedAt: at, note }).run()
      tx.insert(returnUnits)
        .values(units.map((u) => ({ id: newId(), returnId, ...u })))
        .run()
      const flagged = units.filter((u) => u.flag !== null).length
      const payload: ExportedPayload<'return.received'> = {
        omsOrderId: order.omsOrderId,
        orderNumber: order.orderNumber,
        returnId,
        units: units.map((u) => ({ serial: u.serial, unitId: u.unitId, flag: u.flag }))
      }
      recordExportedEvent(tx, {
        at,
        type: 'return.received',
        operatorId,
        orderId: order.id,
        entityId: returnId,
        reason: returnedReason(units.length, flagged),
        payload
      })
      const receivedBy = tx.select({ name: operators.name }).from(operators).where(eq(operators.id, operatorId)).get()!.name
      return { id: returnId, orderId: order.id, receivedBy, receivedAt: at, note, units }
    },
    { behavior: 'immediate' }
  )
}
