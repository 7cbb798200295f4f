import { memo, useCallback, useMemo, useRef, useState } from 'react'
import { Group, Paper, Text, Title, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { OrderLine } from '../../../shared/orders'
import { BoxDimensions, type BoxDetailsChoice } from '../components/BoxDimensions'
import { ScanFeedback } from '../components/ScanFeedback'
import { NonSerializedPanel, SerialScanPanel } from '../components/ScanPanel'
import { NoSsccNotice } from '../components/NoSsccNotice'
import { ScanScreenLayout } from '../components/ScanScreenLayout'
import { OrderClaimGate } from '../components/claims/OrderClaimGate'
import { useScanStream } from '../deviceScans'
import type { Navigate } from './routes'
import { useScanSession } from './scanSession'

/** It asks the station once, on the screen's first drawing; nothing on the screen changes it. */
const NO_SSCC_NOTICE = <NoSsccNotice />

/**
 * Distribution Scan (SPEC §4), for new products: pick the product line, scan
 * each IMEI (Enter) until the line is done or switch line, Save; choose the
 * box dimensions (preset or custom) and optionally the weight; Save again confirms the box.
 */
export function DistributionScan({ orderId, navigate }: { orderId: number; navigate: Navigate }) {
  const session = useScanSession(orderId)
  const { order } = session
  const { t } = useTranslation('packing')
  const [lineId, setLineId] = useState<number | null>(null)
  const [details, setDetails] = useState<BoxDetailsChoice | null>(null)
  const [quantity, setQuantity] = useState<number | string>(1)
  const onDetails = useCallback((d: BoxDetailsChoice | null) => setDetails(d), [])
  // A device scan goes to the line on screen, exactly as a scan typed into its field would; the next one is handed
  // over once this one is answered and drawn (the line on screen may have changed with it).
  const shown = useRef<OrderLine | undefined>(undefined)
  useScanStream((scan) => {
    const current = shown.current
    return current && !current.serialized
      ? session.addUnits({ barcode: scan.data, orderLineId: current.id })
      : session.scan({ value: scan.data, entryMethod: 'scanned' }, current?.id)
  })

  // What a scan does not change keeps its identity, so React does not draw it again (issue 10): the claim
  // gate reads only the order's id and number.
  const orderKey = order ? `${order.id}\u0000${order.orderNumber}` : ''
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on what OrderClaimGate reads of the order
  const claimGate = useMemo(() => order && <OrderClaimGate order={order} navigate={navigate} />, [orderKey, navigate])
  // Save keeps one identity (the Save button is then not drawn again on every scan); it does what this drawing says.
  const saveNow = useRef<() => void>(() => undefined)
  const onSave = useCallback(() => saveNow.current(), [])
  const lineTitle = useMemo(() => <Title order={3}>{t('distribution.productLine')}</Title>, [t])

  if (!order) return session.feedback ? <ScanFeedback feedback={session.feedback} /> : null
  const lines = order.lines.filter((l) => l.condition === 'new')
  const line = lines.find((l) => l.id === lineId) ?? lines.find((l) => l.pendingCount > 0) ?? lines[0]
  shown.current = line
  const openBox = order.boxes.find((b) => b.status === 'saved')
  const confirming = openBox !== undefined && order.looseUnits.length === 0

  saveNow.current = () => {
    if (confirming && !details) {
      session.show({ outcome: 'error', message: t('distribution.chooseDimensionsFirst', { box: openBox.number }) })
      return
    }
    void session.save(confirming ? (details ?? {}) : {}).then((r) => {
      if (r?.action === 'box_confirmed') setDetails(null)
    })
  }
  const saveHint = confirming
    ? t('distribution.saveConfirms', { box: openBox.number })
    : openBox
      ? t('distribution.saveAdds', { box: openBox.number })
      : t('distribution.saveNewBox')
  const dimensions = confirming ? <BoxDimensions key={openBox.id} boxNumber={openBox.number} onChange={onDetails} /> : null

  return (
    <ScanScreenLayout title={t('distribution.title')} order={order} session={session} navigate={navigate}>
      {claimGate}
      {NO_SSCC_NOTICE}
      {lineTitle}
      <Group aria-label={t('distribution.productLines')}>
        {lines.map((l) => (
          <LineButton key={l.id} line={l} active={l.id === line?.id} onPick={setLineId} />
        ))}
        {lines.length === 0 && <Text c="dimmed">{t('distribution.noNewLines')}</Text>}
      </Group>
      {line?.serialized && (
        <SerialScanPanel session={session} lines={[line]} orderLineId={line.id} onSave={onSave} saveHint={saveHint} extra={dimensions} />
      )}
      {line && !line.serialized && (
        <>
          <NonSerializedPanel
            session={session}
            onBarcode={(entry) => void session.addUnits({ barcode: entry.value, orderLineId: line.id })}
            quantity={quantity}
            setQuantity={setQuantity}
            canAddQuantity
            onQuantity={() => void session.addUnits({ orderLineId: line.id, quantity: Number(quantity) })}
            saveHint={saveHint}
            onSave={onSave}
          />
          {dimensions}
        </>
      )}
    </ScanScreenLayout>
  )
}

/** A line's button: drawn again only when its line (its counts) or whether it is the active one changes. */
const LineButton = memo(function LineButton({
  line,
  active,
  onPick
}: {
  line: OrderLine
  active: boolean
  onPick: (lineId: number) => void
}) {
  const { t } = useTranslation('packing')
  return (
    <UnstyledButton
      onClick={() => onPick(line.id)}
      aria-pressed={active}
      aria-label={t('distribution.line', { line: line.lineId, product: line.productName })}
    >
      <Paper
        withBorder
        p="sm"
        w={260}
        bg={active ? 'blue.1' : line.pendingCount === 0 ? 'green.0' : undefined}
        style={{ borderWidth: active ? 3 : 1, borderColor: active ? 'var(--mantine-color-blue-6)' : undefined }}
      >
        <Text fw={800} size="lg">
          {line.productName}
        </Text>
        <Text size="sm" className="mono">
          {line.lineId} · {line.sku}
        </Text>
        <Text fw={700} size="lg">
          {t('distribution.lineProgress', { scanned: line.scanCount, quantity: line.quantity, pending: line.pendingCount })}
        </Text>
      </Paper>
    </UnstyledButton>
  )
})
