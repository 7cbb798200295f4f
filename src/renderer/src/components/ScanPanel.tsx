import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react'
import { Alert, Button, Group, Kbd, NumberInput, Paper, Stack, Text } from '@mantine/core'
import { Trans, useTranslation } from 'react-i18next'
import type { OrderLine } from '../../../shared/orders'
import { CountValue } from './CountValue'
import { ScanFeedback } from './ScanFeedback'
import { ScanField, type ScanEntry, type ScanFieldHandle } from './ScanField'
import { ShiftLeadApproval } from './ShiftLeadApproval'
import type { ScanSession } from '../screens/scanSession'

/**
 * The serial-scan part both scan screens share: the Serial field (Enter ends
 * a scan), IMEI 2 of a dual-IMEI device, the hand-entry approval, the
 * feedback panel, Scan Count / Pending Count, and Save (F8).
 */
export function SerialScanPanel({
  session,
  lines,
  orderLineId,
  saveHint,
  onSave,
  extra
}: {
  session: ScanSession
  /** The lines the counts are for (the chosen line, or every serialized line). */
  lines: OrderLine[]
  orderLineId?: number
  saveHint: string
  onSave: () => void
  extra?: ReactNode
}) {
  const field = useRef<ScanFieldHandle>(null)
  const { order, awaiting, approvalFor, feedback, scan, approve, dismissApproval, cancelAwaiting } = session
  const { t } = useTranslation('scan')
  const open = order?.status === 'ready' || order?.status === 'in_progress'

  useSaveKey(onSave)

  // Only the feedback and the counts change with a scan: the other parts are kept as they were drawn (their
  // inputs unchanged), so a scan on a big order redraws little more than the numbers (issue 10).
  const lineNow = useRef(orderLineId)
  lineNow.current = orderLineId
  // The promise goes back to the field: it keeps the entry until the answer is drawn, and clears it in that same
  // task, so Enter makes no frame of its own before the one with the new count (issue 10).
  const onScan = useCallback(
    (entry: ScanEntry) =>
      scan(entry, lineNow.current).then(() => {
        field.current?.focus()
      }),
    [scan]
  )
  const fieldLabel = awaiting ? t('panel.serialImei2') : t('panel.serial')
  const scanField = useMemo(() => <ScanField ref={field} label={fieldLabel} onScan={onScan} />, [fieldLabel, onScan])

  const dualImei = useMemo(
    () =>
      awaiting && (
        <Alert color="blue" title={t('panel.dualImei')} variant="filled">
          <Group justify="space-between">
            <Text size="lg">
              <Trans
                t={t}
                i18nKey="panel.imei1Checked"
                values={{ imei: awaiting.firstImei, product: awaiting.productName }}
                components={{ mono: <span className="mono" /> }}
              />
            </Text>
            <Button variant="white" onClick={cancelAwaiting}>
              {t('panel.startAgain')}
            </Button>
          </Group>
        </Alert>
      ),
    [awaiting, cancelAwaiting, t]
  )

  const saveColor = order?.boxes.some((b) => b.status === 'saved') && order.looseUnits.length === 0 ? 'green' : 'blue'
  const saveRow = useMemo(
    () => (
      <Group>
        <Button size="xl" color={saveColor} onClick={onSave} disabled={!open}>
          {t('panel.save')}
        </Button>
        <Text size="lg">
          <Kbd>F8</Kbd> {saveHint}
        </Text>
      </Group>
    ),
    [saveColor, onSave, open, saveHint, t]
  )

  const approval = useMemo(
    () => (
      <ShiftLeadApproval
        opened={approvalFor !== null}
        action={t('panel.approveTyped', { serial: approvalFor?.entry.value ?? '' })}
        onApprove={approve}
        onClose={() => {
          dismissApproval()
          field.current?.focus()
        }}
      >
        <Text>{t('panel.approveTypedHint')}</Text>
      </ShiftLeadApproval>
    ),
    [approvalFor, approve, dismissApproval, t]
  )

  return (
    <Stack>
      {!open && order && <ReadOnlyNotice status={order.status} omsStatus={order.omsStatus} />}
      {scanField}
      {dualImei}
      <ScanFeedback feedback={feedback} />
      <ScanCounts lines={lines}>
        <Paper withBorder p="md">
          <CountValue id="loose-count" label={t('panel.notInBox')} value={order?.looseUnits.length ?? 0} />
        </Paper>
      </ScanCounts>
      {extra}
      {saveRow}
      {approval}
    </Stack>
  )
}

/** Scan Count and Pending Count of these lines, side by side (with the panel's own further counts). */
function ScanCounts({ lines, children }: { lines: OrderLine[]; children?: ReactNode }) {
  const { t } = useTranslation('scan')
  return (
    <Group grow>
      <Paper withBorder p="md">
        <CountValue id="scan-count" label={t('panel.scanCount')} value={lines.reduce((n, l) => n + l.scanCount, 0)} />
      </Paper>
      <Paper withBorder p="md">
        <CountValue id="pending-count" label={t('panel.pendingCount')} value={lines.reduce((n, l) => n + l.pendingCount, 0)} />
      </Paper>
      {children}
    </Group>
  )
}

/** F8 is Save on every scan screen. */
export function useSaveKey(onSave: () => void) {
  const latest = useRef(onSave)
  latest.current = onSave
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F8') {
        e.preventDefault()
        latest.current()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

const WHY: Record<string, 'readOnly.on_hold' | 'readOnly.cancelled' | 'readOnly.packed' | 'readOnly.shipped'> = {
  on_hold: 'readOnly.on_hold',
  cancelled: 'readOnly.cancelled',
  packed: 'readOnly.packed',
  shipped: 'readOnly.shipped'
}

export function ReadOnlyNotice({ status, omsStatus }: { status: string; omsStatus: string | null }) {
  const { t } = useTranslation('scan')
  const oms = omsStatus && status === 'on_hold' ? ` ${t('readOnly.omsStatus', { omsStatus })}` : ''
  return (
    <Alert color="orange" variant="light" title={t('readOnly.title')}>
      <Text size="lg">
        {t(WHY[status] ?? 'readOnly.other')}
        {oms}
      </Text>
    </Alert>
  )
}

/** Non-Serialized scanning: the product barcode adds one unit, or a quantity for the chosen line. */
export function NonSerializedPanel(props: {
  onBarcode: (entry: ScanEntry) => void
  quantity: number | string
  setQuantity: (q: number | string) => void
  canAddQuantity: boolean
  onQuantity: () => void
  session: ScanSession
  saveHint: string
  onSave: () => void
}) {
  const { order } = props.session
  const { t } = useTranslation('scan')
  useSaveKey(props.onSave)
  const lines = order?.lines.filter((l) => !l.serialized) ?? []
  return (
    <Stack>
      <ScanField label={t('panel.productBarcode')} onScan={props.onBarcode} />
      <Group align="end">
        <NumberInput
          label={t('panel.quantity')}
          size="lg"
          w={160}
          min={1}
          max={10000}
          value={props.quantity}
          onChange={props.setQuantity}
        />
        <Button size="lg" variant="light" disabled={!props.canAddQuantity} onClick={props.onQuantity}>
          {t('panel.addQuantity')}
        </Button>
        {!props.canAddQuantity && <Text c="dimmed">{t('panel.chooseLine')}</Text>}
      </Group>
      <ScanFeedback feedback={props.session.feedback} idle={t('panel.idleBarcode')} />
      <ScanCounts lines={lines} />
      <Group>
        <Button size="xl" onClick={props.onSave}>
          {t('panel.save')}
        </Button>
        <Text size="lg">
          <Kbd>F8</Kbd> {props.saveHint}
        </Text>
      </Group>
    </Stack>
  )
}
