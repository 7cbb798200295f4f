import { useTranslation } from 'react-i18next'
import { Alert, Button, Grid, Group, Stack, Text, Textarea } from '@mantine/core'
import type { OrderDetail } from '../../../../shared/orders'
import type { ReturnRecord } from '../../../../shared/shipping'
import { wordSentence } from '../../../../shared/words'
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
  const { t } = useTranslation('returns')
  const { value: order, error } = useAsync(() => station.orders.get({ orderId }), [orderId])
  const earlier = useAsync(() => station.returns.list({ orderId }), [orderId])
  const session = useReturnParcel(orderId, () => void earlier.reload())
  useScanStream((scan) => session.check({ value: scan.data, entryMethod: 'scanned' }), order?.status === 'shipped')

  if (error) return <Alert color="red">{error}</Alert>
  if (!order) return null

  return (
    <OrderScreen order={order} screen={t('parcel.screen')} back={{ label: t('parcel.back'), go: () => navigate({ screen: 'returns' }) }}>
      {order.status !== 'shipped' ? (
        <Alert color="orange" title={t('parcel.notShippedTitle')} role="alert">
          <Text size="lg">{t('parcel.notShipped', { orderNumber: order.orderNumber })}</Text>
        </Alert>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack>
              <ScanField ref={session.field} label={t('parcel.serial')} onScan={(entry) => void session.check(entry)} />
              <ScanResult panel={session.panel} />
              <RecordOutcome order={order} recorded={session.recorded} failure={session.failure} />
              <Group align="end" wrap="nowrap">
                <Textarea
                  label={t('parcel.note')}
                  size="md"
                  style={{ flex: 1 }}
                  value={session.note}
                  onChange={(e) => session.setNote(e.currentTarget.value)}
                  maxLength={500}
                  autosize
                  minRows={1}
                />
                <Button size="xl" color="green" disabled={session.parcel.length === 0} onClick={session.record}>
                  {t('parcel.record')}
                </Button>
              </Group>
              <Text c="dimmed">{t('parcel.recordHint')}</Text>
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
  const { t } = useTranslation('returns')
  return (
    <div className="scan-feedback" data-outcome={panel.cls} role="status" aria-live="assertive" aria-label={t('panel.label')}>
      {/* t('panel.headline.ready'), t('panel.headline.ok'), t('panel.headline.not_in_order'), t('panel.headline.unknown_serial'),
          t('panel.headline.already_returned'), t('panel.headline.notAdded') */}
      <div className="headline">{t(`panel.headline.${panel.headline}`)}</div>
      {/* t('panel.hint.ready'), t('panel.hint.recorded') */}
      <div className="detail">
        {'hint' in panel ? t(`panel.hint.${panel.hint}`) : panel.words ? wordSentence(t, panel.words) : panel.message}
      </div>
    </div>
  )
}

function RecordOutcome({ order, recorded, failure }: { order: OrderDetail; recorded: ReturnRecord | null; failure: string | null }) {
  const { t } = useTranslation('returns')
  return (
    <>
      {recorded && (
        <Alert color="green" title={t('parcel.recordedTitle')} role="alert">
          <Text size="lg">
            {t('parcel.recorded', {
              count: recorded.units.length,
              orderNumber: order.orderNumber,
              flagged: recorded.units.filter((u) => u.flag).length
            })}
          </Text>
        </Alert>
      )}
      {failure && (
        <Alert color="red" title={t('parcel.notRecorded')} role="alert">
          <Text size="lg">{failure}</Text>
        </Alert>
      )}
    </>
  )
}
