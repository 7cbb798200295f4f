import { useCallback, useState, type ReactNode } from 'react'
import type { Approval } from '../../../shared/operators'
import { ShiftLeadApproval } from './ShiftLeadApproval'

/**
 * The call a shift lead approves: it gets the badge and PIN (and the reason, when asked) and
 * does the change, including what the screen shows afterwards. A refusal it throws stays in the dialog.
 */
export type ApprovedCall = (approval: Approval, reason: string | undefined) => Promise<unknown>

type AskOptions = {
  reason?: 'required' | 'optional'
  approveLabel?: string
  /** What the shift lead should know before approving. */
  details?: ReactNode
  /** After the dialog closes, approved or not (a refusal may still have changed a wrong-PIN count). */
  onClose?: () => void
}
type Request = AskOptions & { action: string; run: ApprovedCall }
export type AskApproval = (action: string, run: ApprovedCall, options?: AskOptions) => void

/**
 * A screen's changes that need a shift lead's fresh badge and PIN (the `approval` channels of
 * src/shared/access.ts): `approval.ask('change the OMS settings', (a) => station.sync.saveSettings({ ...values, approval: a }))`
 * opens the approval dialog and makes the call with what the shift lead entered. The screen
 * renders `{approval.dialog}` once; `approval.pending` is true while the dialog is open.
 */
export function useApproval(): { ask: AskApproval; dialog: ReactNode; pending: boolean } {
  // The request outlives `opened` so the title does not go blank while the dialog fades out.
  const [request, setRequest] = useState<Request | null>(null)
  const [opened, setOpened] = useState(false)

  const ask = useCallback<AskApproval>((action, run, options) => {
    setRequest({ ...options, action, run })
    setOpened(true)
  }, [])

  const dialog = (
    <ShiftLeadApproval
      opened={opened}
      action={request?.action ?? ''}
      reason={request?.reason}
      approveLabel={request?.approveLabel}
      onApprove={(approval, reason) => request!.run(approval, reason)}
      onClose={() => {
        setOpened(false)
        request?.onClose?.()
      }}
    >
      {request?.details}
    </ShiftLeadApproval>
  )
  return { ask, dialog, pending: opened }
}
