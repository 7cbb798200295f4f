// What both scan screens (Used Scan, Distribution Scan) share: the order as
// the station last answered, the feedback panel, a dual-IMEI device waiting
// for its IMEI 2, a typed serial waiting for a shift lead's approval, and Save.
import { stillOfBox } from '../components/evidence/EvidenceRecorder'
import { useCallback, useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { ArgsOf } from '../../../shared/contract'
import type { Approval } from '../../../shared/operators'
import { applyOrderDelta, type OrderDelta } from '../../../shared/orderDelta'
import type { OrderDetail } from '../../../shared/orders'
import type { ScanResult } from '../../../shared/scanning'
import { station } from '../api'
import { soundAfterPaint, type Feedback } from '../components/ScanFeedback'
import type { ScanEntry } from '../components/ScanField'
import { answerText, errorMessage } from '../useAction'
import { i18n } from '../i18n'

export type Awaiting = NonNullable<ScanResult['awaiting']>
type PendingApproval = { entry: ScanEntry; orderLineId?: number; firstImei?: string }

export function useScanSession(orderId: number) {
  const [order, setOrder] = useState<OrderDetail | null>(null)
  const [feedback, setFeedbackState] = useState<Feedback>(null)
  const [awaiting, setAwaiting] = useState<Awaiting | null>(null)
  const [approvalFor, setApprovalFor] = useState<PendingApproval | null>(null)
  // Scans go to the station one at a time, in the order they were entered: one sent before the last was answered
  // waits for it (a fast scanner can end a scan before the station answers the one before; it used to be dropped).
  const queue = useRef<Promise<unknown>>(Promise.resolve())

  const show = useCallback((next: Feedback) => setFeedbackState(next), [])
  // Each feedback's sound, once the screen that shows it is committed and painted: not on the way to it.
  useEffect(() => {
    if (feedback) soundAfterPaint(feedback.outcome)
  }, [feedback])

  const reload = useCallback(
    () => station.orders.get({ orderId }).then(setOrder, (e) => show({ outcome: 'error', message: errorMessage(e) })),
    [orderId, show]
  )
  useEffect(() => {
    void reload()
  }, [reload])

  /** The station answers what an action changed; the order on screen takes it in (fetched whole only on open). */
  const applyChange = useCallback((change: OrderDelta) => setOrder((o) => o && applyOrderDelta(o, change)), [])

  // The actions below keep one identity for the screen's life (they read the state they need from these
  // refs), so the parts of a scan screen that take them are not drawn again on every scan (issue 10).
  const awaitingNow = useRef(awaiting)
  awaitingNow.current = awaiting
  const approvalNow = useRef(approvalFor)
  approvalNow.current = approvalFor

  // A scan's answer is drawn and committed in the task its message arrived in (flushSync), not in a task React's
  // scheduler queues behind it: a frame the browser makes between the two would go out without the new count, and
  // the count would wait for the next one (issue 10: painted in the first frame after the answer). What is drawn
  // here is the counts and the feedback; the unit lists follow after that frame (useAfterPaint).
  const applyResult = useCallback(
    (result: ScanResult, pending: PendingApproval) =>
      flushSync(() => {
        applyChange(result.change)
        if (result.outcome === 'approval_required') setApprovalFor(pending)
        setAwaiting((before) =>
          result.outcome === 'awaiting_imei2' ? (result.awaiting ?? null) : result.outcome === 'approval_required' ? before : null
        )
        show({ outcome: result.outcome, message: result.message, code: result.code, params: result.params })
      }),
    [applyChange, show]
  )

  /** One scan from the field (or a device): committed by the station before the screen says OK. */
  const scan = useCallback(
    (entry: ScanEntry, orderLineId?: number, approval?: Approval) => {
      const send = async () => {
        // Read when the scan is sent, not when it was entered: the scan before it may have asked for an IMEI 2.
        const awaitingAt = awaitingNow.current
        const firstImei = awaitingAt?.firstImei
        const args: ArgsOf<'scanning:scan'> = {
          orderId,
          input: entry.value,
          entryMethod: entry.entryMethod,
          orderLineId: awaitingAt?.orderLineId ?? orderLineId,
          firstImei,
          approval
        }
        try {
          applyResult(await station.scanning.scan(args), { entry, orderLineId, firstImei })
        } catch (e) {
          if (approval) throw e // the approval dialog shows the refusal (wrong PIN…) and stays open
          show({ outcome: 'error', message: errorMessage(e) })
        }
      }
      const sent = queue.current.then(send)
      queue.current = sent.catch(() => undefined)
      return sent
    },
    [orderId, applyResult, show]
  )

  /** The shift lead approved the typed serial: the same scan again, with the approval. */
  const approve = useCallback(
    async (approval: Approval) => {
      const pending = approvalNow.current
      if (!pending) return
      await scan(pending.entry, pending.orderLineId, approval)
      setApprovalFor(null)
    },
    [scan]
  )

  const cancelAwaiting = useCallback(() => {
    setAwaiting(null)
    show({ outcome: 'info', message: i18n.t('scan:panel.imei1Dropped') })
  }, [show])

  const dismissApproval = useCallback(() => setApprovalFor(null), [])

  /** Non-serialized units: a product barcode (one unit) or a quantity for a line. */
  const addUnits = useCallback(
    async (args: Omit<ArgsOf<'scanning:addUnits'>, 'orderId'>) => {
      try {
        const result = await station.scanning.addUnits({ orderId, ...args })
        // Drawn in the answer's own task, like a serial scan's (see applyResult).
        flushSync(() => {
          applyChange(result.change)
          show({ outcome: result.outcome, message: result.message, code: result.code, params: result.params })
        })
      } catch (e) {
        show({ outcome: 'error', message: errorMessage(e) })
      }
    },
    [orderId, applyChange, show]
  )

  /** What the box list reports (reopen, remove, void): info when done, error when refused. */
  const message = useCallback((text: string, ok: boolean) => show({ outcome: ok ? 'info' : 'error', message: text }), [show])

  const save = useCallback(
    async (details: Omit<ArgsOf<'packing:save'>, 'orderId'> = {}) => {
      try {
        const result = await station.packing.save({ orderId, ...details })
        applyChange(result.change)
        if (result.action === 'box_confirmed') stillOfBox(String(result.boxNumber))
        show({ outcome: 'info', message: answerText(result) })
        return result
      } catch (e) {
        show({ outcome: 'error', message: errorMessage(e) })
        return null
      }
    },
    [orderId, applyChange, show]
  )

  return {
    order,
    applyChange,
    reload,
    feedback,
    show,
    awaiting,
    cancelAwaiting,
    approvalFor,
    approve,
    dismissApproval,
    scan,
    addUnits,
    message,
    save
  }
}

export type ScanSession = ReturnType<typeof useScanSession>
