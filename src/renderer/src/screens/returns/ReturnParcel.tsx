import { Alert, Button, Grid, Group, Stack, Text, Textarea } from '@mantine/core'
import type { OrderDetail } from '../../../../shared/orders'
import type { ReturnRecord } from '../../../../shared/shipping'
import { station } from '../../api'
import { OrderScreen } from '../../components/OrderHeader'
import { ScanField } from '../../components/ScanField'
import { useScanStream } from '../../deviceScans'
import { useAsync } from '../../useAsync'
import type { Navigate } from '../routes'
import { ParcelPanel } from './ParcelPanel'
import type { Panel } from './returnFlags'
import { EarlierReturns, ShippedUnits } from './ShippedOrderPanels'
import { useReturnParcel } from './useReturnParcel'

/** Returns, second step: the returned units of one shipped order scanned one by one, then recorded. */
export function ReturnParcel({ orderId, navigate }: { orderId: number; navigate: Navigate }) {
  const { value: order, error } = useAsync(() => station.orders.get({ orderId }), [orderId])
  const earlier = useAsync(() => station.returns.list({ orderId }), [orderId])
  const session = useReturnParcel(orderId, () => void earlier.reload())
  useScanStream((scan) => session.check({ value: scan.data, entryMethod: 'scanned' }), order?.status === 'shipped')

  if (error) return <Alert color="red">{error}</Alert>
  if (!order) return null

  return (
    <OrderScreen order={order} screen="Return" back={{ label: 'Returns', go: () => navigate({ screen: 'returns' }) }}>
      {order.status !== 'shipped' ? (
        <Alert color="orange" title="Not shipped" role="alert">
          <Text size="lg">Order {order.orderNumber} has not shipped: a return is scanned against the order it shipped in.</Text>
        </Alert>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack>
              <ScanField ref={session.field} label="Serial" onScan={(entry) => void session.check(entry)} />
              <ScanResult panel={session.panel} />
              <RecordOutcome order={order} recorded={session.recorded} failure={session.failure} />
              <Group align="end" wrap="nowrap">
                <Textarea
                  label="Note (optional)"
                  size="md"
                  style={{ flex: 1 }}
                  value={session.note}
                  onChange={(e) => session.setNote(e.currentTarget.value)}
                  maxLength={500}
                  autosize
                  minRows={1}
                />
                <Button size="xl" color="green" disabled={session.parcel.length === 0} onClick={session.record}>
                  Record return
                </Button>
              </Group>
              <Text c="dimmed">
                When every unit of the parcel is scanned: Record return stores it whole, flags included, and reports it to the OMS.
              </Text>
              <ParcelPanel parcel={session.parcel} onRemove={session.remove} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <ShippedUnits order={order} />
            <EarlierReturns returns={earlier.value ?? []} />
          </Grid.Col>
        </Grid>
      )}
    </OrderScreen>
  )
}

function ScanResult({ panel }: { panel: Panel }) {
  return (
    <div className="scan-feedback" data-outcome={panel.cls} role="status" aria-live="assertive" aria-label="Scan result">
      <div className="headline">{panel.headline}</div>
      <div className="detail">{panel.message}</div>
    </div>
  )
}

function RecordOutcome({ order, recorded, failure }: { order: OrderDetail; recorded: ReturnRecord | null; failure: string | null }) {
  return (
    <>
      {recorded && (
        <Alert color="green" title="Return recorded" role="alert">
          <Text size="lg">
            {recorded.units.length} unit{recorded.units.length === 1 ? '' : 's'} received from order {order.orderNumber},{' '}
            {recorded.units.filter((u) => u.flag).length} flagged.
          </Text>
        </Alert>
      )}
      {failure && (
        <Alert color="red" title="Return not recorded" role="alert">
          <Text size="lg">{failure}</Text>
        </Alert>
      )}
    </>
  )
}
