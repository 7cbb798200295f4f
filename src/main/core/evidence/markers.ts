// The chapters of a packing video: when a scan is accepted or refused, a box
// saved or confirmed, or the packing confirmed, the core marks the moment in
// whatever is being recorded of that order (./evidenceService.ts). The
// handlers stay as they are: this wraps their answers, after they are
// committed, so a marker never changes or slows what the operator waits for.
import type { CoreHandlers } from '../core'
import type { EvidenceService } from './evidenceService'

type Evidence = Pick<EvidenceService, 'mark' | 'stopOrder'>

/** Also stops (and seals) the order's recording at its Packing Confirmation: the recording ends there (issue 17). */
export function withEvidenceMarkers(handlers: CoreHandlers, { mark, stopOrder }: Evidence): CoreHandlers {
  const scan = handlers['scanning:scan']
  const save = handlers['packing:save']
  const confirm = handlers['packing:confirm']
  return {
    ...handlers,
    'scanning:scan': async (args, call) => {
      const result = await scan(args, call)
      if (result.outcome === 'accepted') mark(args.orderId, { kind: 'scan_accepted', serial: result.serial, boxId: null, note: null })
      else if (result.outcome !== 'awaiting_imei2' && result.outcome !== 'approval_required')
        mark(args.orderId, { kind: 'scan_refused', serial: result.serial, boxId: null, note: result.message })
      return result
    },
    'packing:save': async (args, call) => {
      const result = await save(args, call)
      mark(args.orderId, { kind: result.action, serial: null, boxId: String(result.boxNumber), note: result.message })
      return result
    },
    'packing:confirm': async (args, call) => {
      const result = await confirm(args, call)
      mark(args.orderId, { kind: 'packing_confirmed', serial: null, boxId: null, note: null })
      void stopOrder(args.orderId, 'packing_confirmed')
      return result
    }
  }
}
