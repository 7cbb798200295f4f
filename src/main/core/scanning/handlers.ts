// scanning:* — serial scans (single, dual-IMEI, multi-serial codes) with the
// station's hand-entry policy, and non-serialized units.
import type { ArgsOf } from '../../../shared/contract'
import type { HandlersOf, StationContext } from '../context'
import { approveByShiftLead } from '../operators/approval'
import { withChange } from '../orders/orderChange'
import { getSetting } from '../settings/settings'
import { recordRefusal, scanAnswerWords } from '../reports/refusalLog'
import { addNonSerializedUnits } from './nonSerialized'
import { scanUnit, type ScanCommit } from './scanUnit'
import { said, type ScanWords } from './scanWords'

const notCommitted = (outcome: ScanCommit['outcome'], words: ScanWords): ScanCommit => ({
  outcome,
  ...words,
  serial: null,
  orderLineId: null,
  units: 0,
  unitIds: [],
  awaiting: null
})

/** What a scan touched: the units it committed and their lines. */
const touching = ({ unitIds, lineIds, ...result }: ScanCommit) => ({ ...result, touched: { added: unitIds, lines: lineIds } })

export function scanningHandlers({ db, clock, operator, releaseHolds }: StationContext): HandlersOf<'scanning'> {
  /** A serial scan under the station's hand-entry policy. */
  function scan({ orderId, input, orderLineId, firstImei, entryMethod, approval }: ArgsOf<'scanning:scan'>): ScanCommit {
    const by = operator()
    let approvedBy: { id: number; name: string } | undefined
    if (entryMethod === 'typed') {
      const policy = getSetting(db, 'handEntryPolicy')
      if (policy === 'refused') {
        return notCommitted('hand_entry_refused', said('handEntryRefused'))
      } else if (policy === 'approval' && !approval) {
        return notCommitted('approval_required', said('approvalRequired'))
      } else if (policy === 'approval' && approval) {
        // Checked before the scan's transaction: a wrong PIN is counted even though the scan is refused.
        const lead = approveByShiftLead(db, clock, approval, { key: 'approvals:handler.typedSerial' })
        approvedBy = { id: lead.id, name: lead.name }
      }
    }
    const affixes = getSetting(db, 'scannerAffixes')
    return releasingDueHold(() =>
      scanUnit(db, clock, affixes, { orderId, input, orderLineId, firstImei, entryMethod, approvedBy, operatorId: by.id })
    )
  }

  /**
   * Runs a scan; when it finds its order on hold with a dispatch time, releases the holds that are due and
   * scans once more. The timer releases due holds every half minute (core.ts): only a scan that meets a
   * hold asks at once, so no other scan pays for the due-hold query (issue 10). A refused scan wrote
   * nothing, so the second attempt is the scan as if the hold had been released before it.
   */
  function releasingDueHold(attempt: () => ScanCommit): ScanCommit {
    const first = attempt()
    if (first.outcome !== 'order_not_open' || first.code !== 'orderOnHoldUntil') return first
    releaseHolds()
    return attempt()
  }

  return {
    'scanning:scan': (args) =>
      withChange(db, args.orderId, () => {
        const result = scan(args)
        // A refused scan is kept for the shift lead's report (core/reports/refusalLog.ts); an accepted one skips this.
        if (result.outcome !== 'accepted')
          recordRefusal(db, clock, {
            ...args,
            ...result,
            words: scanAnswerWords(result.code, result.params),
            operatorId: operator().id
          })
        return touching(result)
      }),
    'scanning:addUnits': ({ orderId, barcode, orderLineId, quantity }) =>
      withChange(db, orderId, () => {
        const by = operator()
        const affixes = getSetting(db, 'scannerAffixes')
        const result = releasingDueHold(() =>
          addNonSerializedUnits(db, clock, affixes, { orderId, barcode, orderLineId, quantity, operatorId: by.id })
        )
        if (result.outcome !== 'accepted') {
          const input = barcode ?? `${quantity ?? 1} × line ${orderLineId}`
          recordRefusal(db, clock, {
            ...result,
            words: scanAnswerWords(result.code, result.params),
            orderId,
            operatorId: by.id,
            entryMethod: 'scanned',
            input
          })
        }
        return touching(result)
      })
  }
}
