import { useCallback, useMemo, useRef, useState, type ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import { Group, Paper, SegmentedControl, Select } from '@mantine/core'
import { useAfterPaint } from '../components/afterPaint'
import { LinesTable } from '../components/LinesTable'
import { NonSerializedPanel, SerialScanPanel } from '../components/ScanPanel'
import { NoSsccNotice } from '../components/NoSsccNotice'
import { ScanScreenLayout } from '../components/ScanScreenLayout'
import { OrderClaimGate } from '../components/claims/OrderClaimGate'
import { ScanFeedback } from '../components/ScanFeedback'
import type { OrderLine } from '../../../shared/orders'
import type { Navigate } from './routes'
import { useScanSession } from './scanSession'
import { useScanStream } from '../deviceScans'

/** It asks the station once, on the screen's first drawing; nothing on the screen changes it. */
const NO_SSCC_NOTICE = <NoSsccNotice />

/**
 * Used Scan (SPEC §3). Serialized: the Serial field keeps the focus; each
 * scan ends with Enter and is committed before "OK" shows. Non-Serialized:
 * scan the product barcode (one unit each) or enter a quantity for a line.
 * Save (F8) puts the units scanned since the last box into a box; Save again confirms it.
 */
export function UsedScan({ orderId, navigate }: { orderId: number; navigate: Navigate }) {
  const session = useScanSession(orderId)
  const { order } = session
  const { t } = useTranslation('scan')
  const [mode, setMode] = useState<'serialized' | 'non-serialized' | null>(null)
  const [lineId, setLineId] = useState<string | null>(null)
  const [quantity, setQuantity] = useState<number | string>(1)
  const modeRef = useRef<'serialized' | 'non-serialized'>('serialized')
  // A device scan goes where a typed one would: the serial path, or the product barcode in Non-Serialized mode.
  useScanStream((scan) =>
    modeRef.current === 'non-serialized'
      ? session.addUnits({ barcode: scan.data, orderLineId: lineId ? Number(lineId) : undefined })
      : session.scan({ value: scan.data, entryMethod: 'scanned' }, lineId ? Number(lineId) : undefined)
  )

  const onPick = useCallback((l: OrderLine) => {
    setMode(l.serialized ? 'serialized' : 'non-serialized')
    setLineId(String(l.id))
  }, [])
  const { save: saveOrder } = session
  const save = useCallback(() => void saveOrder(), [saveOrder])
  // What a scan does not change keeps its identity, so React does not draw it again (issue 10): the claim
  // gate reads only the order's id and number; the mode and line choice only the lines' names.
  const orderKey = order ? `${order.id}\u0000${order.orderNumber}` : ''
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on what OrderClaimGate reads of the order
  const claimGate = useMemo(() => order && <OrderClaimGate order={order} navigate={navigate} />, [orderKey, navigate])

  const serialLines = order?.lines.filter((l) => l.serialized) ?? []
  const plainLines = order?.lines.filter((l) => !l.serialized) ?? []
  const current = mode ?? (serialLines.length > 0 ? 'serialized' : 'non-serialized')
  modeRef.current = current
  const shownLines = current === 'serialized' ? serialLines : plainLines
  const chosen = lineId && shownLines.some((l) => String(l.id) === lineId) ? Number(lineId) : undefined
  const hasSerial = serialLines.length > 0
  const hasPlain = plainLines.length > 0
  const optionsKey = shownLines.map((l) => `${l.id}\u0000${l.lineId}\u0000${l.productName}`).join('\u0001')
  const lineData = useMemo(
    () => shownLines.map((l) => ({ value: String(l.id), label: t('used.lineOption', { lineId: l.lineId, product: l.productName }) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the lines' names, not their counts, make the options
    [optionsKey, t]
  )
  const choice = useMemo(
    () => (
      <Group align="end">
        <SegmentedControl
          size="lg"
          aria-label={t('used.mode')}
          value={current}
          onChange={(v) => {
            setMode(v as typeof current)
            setLineId(null)
          }}
          data={[
            { value: 'serialized', label: t('used.serialized'), disabled: !hasSerial },
            { value: 'non-serialized', label: t('used.nonSerialized'), disabled: !hasPlain }
          ]}
        />
        <Select
          label={t('used.line')}
          size="md"
          w={420}
          value={chosen === undefined ? null : String(chosen)}
          onChange={setLineId}
          placeholder={current === 'serialized' ? t('used.anyLineImei') : t('used.anyLineBarcode')}
          clearable
          data={lineData}
        />
      </Group>
    ),
    [t, current, chosen, lineData, hasSerial, hasPlain]
  )

  if (!order) return session.feedback ? <ScanFeedback feedback={session.feedback} /> : null
  const openBox = order.boxes.find((b) => b.status === 'saved')
  const saveHint = openBox
    ? order.looseUnits.length > 0
      ? t('used.saveAdds', { count: order.looseUnits.length, box: openBox.number })
      : t('used.saveConfirms', { box: openBox.number })
    : t('used.saveNewBox')

  return (
    <ScanScreenLayout title={t('used.title')} order={order} session={session} navigate={navigate}>
      {claimGate}
      {NO_SSCC_NOTICE}
      {choice}

      {current === 'serialized' ? (
        <SerialScanPanel
          session={session}
          lines={chosen ? shownLines.filter((l) => l.id === chosen) : shownLines}
          orderLineId={chosen}
          saveHint={saveHint}
          onSave={save}
        />
      ) : (
        <NonSerializedPanel
          onBarcode={(entry) => void session.addUnits({ barcode: entry.value, orderLineId: chosen })}
          quantity={quantity}
          setQuantity={setQuantity}
          canAddQuantity={chosen !== undefined}
          onQuantity={() => void session.addUnits({ orderLineId: chosen, quantity: Number(quantity) })}
          session={session}
          saveHint={saveHint}
          onSave={save}
        />
      )}

      <Paper withBorder p="md">
        <LinesAfterPaint lines={order.lines} activeLineId={chosen ?? null} onPick={onPick} />
      </Paper>
    </ScanScreenLayout>
  )
}

/**
 * The lines table as the order was when the screen last painted: a scan's counts above it are painted in the
 * first frame after its answer, and the table follows right after that frame, drawn on its own (issue 10).
 */
function LinesAfterPaint({ lines, ...props }: ComponentProps<typeof LinesTable>) {
  return <LinesTable lines={useAfterPaint(lines)} {...props} />
}
