import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Alert, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Approval } from '../../../shared/operators'
import { StationError } from '../api'
import { errorMessage } from '../useAction'
import { DIALOG_STYLES, DialogFooter } from './DialogFooter'
import { isPin, PinField } from './PinField'

export type ShiftLeadApprovalProps = {
  opened: boolean
  /** What is being approved, e.g. "void box 2": the dialog's title reads "Approve: void box 2". */
  action: string
  /** Checks the approval with the station and does the action. Rejecting keeps the dialog open with the station's message. */
  onApprove: (approval: Approval, reason: string | undefined) => Promise<unknown>
  /** Cancel, Escape, or after a successful approval. */
  onClose: () => void
  /** Ask for a reason: `required` refuses an empty one, `optional` lets it be blank. Default: no Reason field. */
  reason?: 'required' | 'optional'
  /** The approve button's label (default "Approve"). */
  approveLabel?: string
  /** What the shift lead should know before approving (e.g. the unit or the box). */
  children?: ReactNode
}

/**
 * A shift lead approves an exception (SPEC §2, §4–§6): badge scanned or typed
 * (the scanner's Enter moves on to the PIN), PIN, and — when asked — a reason.
 * The station checks badge and PIN; a refusal (wrong PIN with the tries left,
 * locked out, not a shift lead) shows here and the dialog stays open.
 */
export function ShiftLeadApproval({
  opened,
  action,
  onApprove,
  onClose,
  reason: reasonMode,
  approveLabel,
  children
}: ShiftLeadApprovalProps) {
  const { t } = useTranslation('common')
  const [badgeCode, setBadgeCode] = useState('')
  const [pin, setPin] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const badgeRef = useRef<HTMLInputElement>(null)
  const pinRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (!opened) return
    setBadgeCode('')
    setPin('')
    setReason('')
    setError(null)
  }, [opened])

  const missing = !badgeCode.trim()
    ? t('approval.badgeMissing')
    : !isPin(pin)
      ? t('approval.pinDigits')
      : reasonMode === 'required' && !reason.trim()
        ? t('approval.reasonMissing')
        : null

  const approve = async () => {
    if (busy) return
    if (missing) return setError(missing)
    setBusy(true)
    setError(null)
    try {
      await onApprove({ badgeCode: badgeCode.trim(), pin }, reasonMode && reason.trim() ? reason.trim() : undefined)
      onClose()
    } catch (e) {
      setError(errorMessage(e))
      setPin('')
      // An unknown badge or someone who is not a shift lead: start again from the badge; otherwise retype the PIN.
      const code = e instanceof StationError ? e.code : ''
      if (code === 'unknown_operator' || code === 'shift_lead_only') {
        setBadgeCode('')
        setTimeout(() => badgeRef.current?.focus(), 0)
      } else {
        setTimeout(() => pinRef.current?.focus(), 0)
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={() => !busy && onClose()}
      title={unbroken(t('approval.title', { action }))}
      size="lg"
      centered
      styles={DIALOG_STYLES}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void approve()
        }}
      >
        <Stack>
          {children}
          <Text size="lg">{t('approval.intro')}</Text>
          <TextInput
            ref={badgeRef}
            label={t('approval.badge')}
            size="lg"
            data-autofocus
            autoComplete="off"
            value={badgeCode}
            onChange={(e) => setBadgeCode(e.currentTarget.value)}
            onKeyDown={(e) => {
              // A badge scan ends with Enter: go on to the PIN instead of submitting.
              if (e.key === 'Enter') {
                e.preventDefault()
                if (badgeCode.trim()) pinRef.current?.focus()
              }
            }}
          />
          <PinField ref={pinRef} size="lg" value={pin} onChange={setPin} />
          {reasonMode && (
            <Textarea
              label={t('approval.reason')}
              size="lg"
              autosize
              minRows={2}
              maxLength={500}
              required={reasonMode === 'required'}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          )}
          {error && (
            <Alert color="red" title={t('approval.notApproved')} styles={{ message: { fontSize: '1.15rem' } }}>
              {error}
            </Alert>
          )}
          <DialogFooter onCancel={onClose} submit={approveLabel ?? t('approval.approve')} color="grape" busy={busy} />
        </Stack>
      </form>
    </Modal>
  )
}

/** Order numbers, badges and box ids ("SO-10007", "OP-9001"): words joined by hyphens, never broken at a hyphen. */
const HYPHENATED = /([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+)/u

/** The title with each hyphenated number kept on one line (the text, and so the dialog's name, unchanged). */
function unbroken(title: string): ReactNode {
  const parts = title.split(HYPHENATED)
  if (parts.length === 1) return title
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} style={{ whiteSpace: 'nowrap' }}>
        {part}
      </span>
    ) : (
      part
    )
  )
}
