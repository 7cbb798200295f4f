// packing:* and presets:* — boxes, the exceptions a shift lead approves,
// unpacking a cancelled order, Packing Confirmation, and box presets.
import type { HandlersOf, StationContext } from '../context'
import type { SyncService } from '../sync/syncService'
import type { Sentence } from '../../../shared/words'
import { approverOf, type Call } from '../access/guard'
import { approveByShiftLead } from '../operators/approval'
import { withChange, type Touched } from '../orders/orderChange'
import { getOrderDetail } from '../orders/queries'
import { deleteBoxPreset, listBoxPresets, saveBoxPreset } from './boxPresets'
import { reopenBox, saveBox } from './boxes'
import { confirmationBlockerWords, confirmPacking, shortShipment } from './confirmPacking'
import { english } from '../errors'
import { removeUnit, unpackAfterCancel, voidBox } from './exceptions'

/** `sync` asks the OMS, before Packing Confirmation, whether the order was cancelled meanwhile (SPEC §6). */
export function packingHandlers(context: StationContext, sync: Pick<SyncService, 'checkBeforeConfirm'>): HandlersOf<'packing'> {
  const { db, clock, operator } = context
  const approve = (approval: { badgeCode: string; pin: string }, action: Sentence) => {
    const lead = approveByShiftLead(db, clock, approval, action)
    return { id: lead.id, name: lead.name }
  }
  const approver = (call: Call) => {
    const lead = approverOf(call)
    return { id: lead.id, name: lead.name }
  }
  return {
    'packing:save': async ({ orderId, presetId, dimensionsMm, weightG }) => {
      const { boxId, ...answer } = withChange(db, orderId, () => {
        const saved = saveBox(db, clock, orderId, operator().id, { presetId, dimensionsMm, weightG })
        const touched: Touched = saved.action === 'box_saved' ? { boxedInto: saved.boxId } : { boxes: [saved.boxId] }
        return { ...saved, touched }
      })
      // After the commit, never inside it: a printer fault lands in the print-job log, the box stays confirmed.
      if (answer.action === 'box_confirmed') await context.hooks.boxConfirmed(boxId)
      return answer
    },
    'packing:reopenBox': ({ orderId, boxId }) =>
      withChange(db, orderId, () => ({ ...reopenBox(db, clock, orderId, boxId, operator().id), touched: { boxes: [boxId] } })),
    'packing:removeUnit': ({ orderId, unitId, reason }, call) => {
      const by = operator()
      const approvedBy = approver(call)
      return withChange(db, orderId, () => removeUnit(db, clock, { orderId, unitId, reason, operatorId: by.id, approvedBy }))
    },
    'packing:voidBox': ({ orderId, boxId, reason }, call) => {
      const by = operator()
      const approvedBy = approver(call)
      return withChange(db, orderId, () => voidBox(db, clock, { orderId, boxId, reason, operatorId: by.id, approvedBy }))
    },
    'packing:unpack': ({ orderId, serial, unitId }) =>
      withChange(db, orderId, () => unpackAfterCancel(db, clock, { orderId, serial, unitId, operatorId: operator().id })),
    'packing:shortShipment': ({ orderId }) => shortShipment(getOrderDetail(db, orderId)),
    'packing:confirmation': ({ orderId }) => {
      const order = getOrderDetail(db, orderId)
      const blockerWords = confirmationBlockerWords(order)
      const blockers = blockerWords.map(english)
      return { order, canConfirm: blockers.length === 0, blockers, blockerWords, shortShipment: shortShipment(order) }
    },
    'packing:confirm': async ({ orderId, short }) => {
      const by = operator()
      await sync.checkBeforeConfirm(orderId)
      const approved = short
        ? { approvedBy: approve(short.approval, { key: 'approvals:handler.shipShort' }), remainder: short.remainder }
        : undefined
      confirmPacking(db, clock, orderId, by.id, approved)
      return getOrderDetail(db, orderId)
    }
  }
}

/** Changing presets is an `approval` channel: the guard checked the shift lead's badge and PIN. */
export function presetHandlers({ db }: StationContext): HandlersOf<'presets'> {
  return {
    'presets:list': () => listBoxPresets(db),
    'presets:save': ({ approval: _, ...preset }) => saveBoxPreset(db, preset),
    'presets:delete': ({ id }) => {
      deleteBoxPreset(db, id)
      return null
    }
  }
}
