// scanning:* — serial scans (single, dual-IMEI, multi-serial codes) with the
// station's hand-entry policy, and non-serialized units.
import type { HandlersOf, StationContext } from '../context'
import { approveByShiftLead } from '../operators/approval'
import { historyMark, orderChange } from '../orders/orderChange'
import { getSetting } from '../settings/settings'
import { addNonSerializedUnits } from './nonSerialized'
import { scanUnit, type ScanCommit } from './scanUnit'

const notCommitted = (outcome: ScanCommit['outcome'], message: string): ScanCommit => ({
  outcome,
  message,
  serial: null,
  orderLineId: null,
  units: 0,
  unitIds: [],
  awaiting: null
})

/** The scan's answer: what it said, and what it changed on the order (never the whole order). */
const answer = (db: StationContext['db'], orderId: number, mark: number, { unitIds, ...result }: ScanCommit) => ({
  ...result,
  change: orderChange(db, orderId, mark, { added: unitIds })
})

export function scanningHandlers({ db, clock, operator, releaseHolds }: StationContext): HandlersOf<'scanning'> {
  return {
    'scanning:scan': ({ orderId, input, orderLineId, firstImei, entryMethod, approval }) => {
      const by = operator()
      releaseHolds()
      const mark = historyMark(db)
      let approvedBy: { id: number; name: string } | undefined
      let result: ScanCommit | undefined
      if (entryMethod === 'typed') {
        const policy = getSetting(db, 'handEntryPolicy')
        if (policy === 'refused') {
          result = notCommitted('hand_entry_refused', 'Typed by hand: this station takes scanned serials only. Scan the barcode.')
        } else if (policy === 'approval' && !approval) {
          result = notCommitted('approval_required', 'Typed by hand: a shift lead must approve this serial (badge and PIN).')
        } else if (policy === 'approval' && approval) {
          // Checked before the scan's transaction: a wrong PIN is counted even though the scan is refused.
          const lead = approveByShiftLead(db, clock, approval, 'a serial typed by hand')
          approvedBy = { id: lead.id, name: lead.name }
        }
      }
      result ??= scanUnit(db, clock, getSetting(db, 'scannerAffixes'), {
        orderId,
        input,
        orderLineId,
        firstImei,
        entryMethod,
        approvedBy,
        operatorId: by.id
      })
      return answer(db, orderId, mark, result)
    },
    'scanning:addUnits': ({ orderId, barcode, orderLineId, quantity }) => {
      const by = operator()
      releaseHolds()
      const mark = historyMark(db)
      const result = addNonSerializedUnits(db, clock, getSetting(db, 'scannerAffixes'), {
        orderId,
        barcode,
        orderLineId,
        quantity,
        operatorId: by.id
      })
      return answer(db, orderId, mark, result)
    }
  }
}
