import { useEffect, useRef, type ReactNode } from 'react'
import { Alert, Button, Group, Kbd, NumberInput, Paper, Stack, Text } from '@mantine/core'
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
  const { order, awaiting, approvalFor } = session
  const open = order?.status === 'ready' || order?.status === 'in_progress'

  useSaveKey(onSave)

  const onScan = async (entry: ScanEntry) => {
    await session.scan(entry, orderLineId)
    field.current?.focus()
  }

  return (
    <Stack>
      {!open && order && <ReadOnlyNotice status={order.status} omsStatus={order.omsStatus} />}
      <ScanField ref={field} label={awaiting ? 'Serial (IMEI 2)' : 'Serial'} onScan={(e) => void onScan(e)} />
      {awaiting && (
        <Alert color="blue" title="Dual-IMEI device" variant="filled">
          <Group justify="space-between">
            <Text size="lg">
              IMEI 1 <span className="mono">{awaiting.firstImei}</span> of this {awaiting.productName} is checked: scan its IMEI 2 now.
            </Text>
            <Button variant="white" onClick={session.cancelAwaiting}>
              Start this device again
            </Button>
          </Group>
        </Alert>
      )}
      <ScanFeedback feedback={session.feedback} />
      <ScanCounts lines={lines}>
        <Paper withBorder p="md">
          <Text className="count-label">Not in a box</Text>
          <Text className="count-value">{order?.looseUnits.length ?? 0}</Text>
        </Paper>
      </ScanCounts>
      {extra}
      <Group>
        <Button
          size="xl"
          color={order?.boxes.some((b) => b.status === 'saved') && order.looseUnits.length === 0 ? 'green' : 'blue'}
          onClick={onSave}
          disabled={!open}
        >
          Save
        </Button>
        <Text size="lg">
          <Kbd>F8</Kbd> {saveHint}
        </Text>
      </Group>
      <ShiftLeadApproval
        opened={approvalFor !== null}
        action={`serial typed by hand: ${approvalFor?.entry.value ?? ''}`}
        onApprove={(approval) => session.approve(approval)}
        onClose={() => {
          session.dismissApproval()
          field.current?.focus()
        }}
      >
        <Text>This station accepts typed serials only with a shift lead's approval. Check the serial against the device label.</Text>
      </ShiftLeadApproval>
    </Stack>
  )
}

/** Scan Count and Pending Count of these lines, side by side (with the panel's own further counts). */
function ScanCounts({ lines, children }: { lines: OrderLine[]; children?: ReactNode }) {
  return (
    <Group grow>
      <Paper withBorder p="md">
        <CountValue id="scan-count" label="Scan Count" value={lines.reduce((n, l) => n + l.scanCount, 0)} />
      </Paper>
      <Paper withBorder p="md">
        <CountValue id="pending-count" label="Pending Count" value={lines.reduce((n, l) => n + l.pendingCount, 0)} />
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

const WHY: Record<string, string> = {
  on_hold: 'The order is on hold: it cannot be scanned until it is released.',
  cancelled: 'The order was cancelled: nothing more can be scanned. Unpack its boxes from the order screen.',
  packed: 'Packing is confirmed: the order cannot change any more.',
  shipped: 'The order has shipped.'
}

export function ReadOnlyNotice({ status, omsStatus }: { status: string; omsStatus: string | null }) {
  const oms = omsStatus && status === 'on_hold' ? ` The OMS status is "${omsStatus}".` : ''
  return (
    <Alert color="orange" variant="light" title="Read-only">
      <Text size="lg">
        {WHY[status] ?? 'This order cannot be scanned.'}
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
  useSaveKey(props.onSave)
  const lines = order?.lines.filter((l) => !l.serialized) ?? []
  return (
    <Stack>
      <ScanField label="Product barcode" onScan={props.onBarcode} />
      <Group align="end">
        <NumberInput label="Quantity" size="lg" w={160} min={1} max={10000} value={props.quantity} onChange={props.setQuantity} />
        <Button size="lg" variant="light" disabled={!props.canAddQuantity} onClick={props.onQuantity}>
          Add quantity to line
        </Button>
        {!props.canAddQuantity && <Text c="dimmed">Choose a line to enter a quantity.</Text>}
      </Group>
      <ScanFeedback
        feedback={props.session.feedback}
        idle="Scan the product barcode (one unit each), or choose a line and enter a quantity."
      />
      <ScanCounts lines={lines} />
      <Group>
        <Button size="xl" onClick={props.onSave}>
          Save
        </Button>
        <Text size="lg">
          <Kbd>F8</Kbd> {props.saveHint}
        </Text>
      </Group>
    </Stack>
  )
}
