import { Alert, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { applyOrderDelta } from '../../../shared/orderDelta'
import { wordSentence } from '../../../shared/words'
import { station } from '../api'
import { LinesAndBoxes } from '../components/LinesAndBoxes'
import { HoldRelease } from '../components/HoldRelease'
import { EvidencePanel } from '../components/evidence/EvidencePanel'
import { OrderHeader } from '../components/OrderHeader'
import { OrderLabels } from '../components/LabelActions'
import { ReadOnlyNotice } from '../components/ScanPanel'
import { UnpackPanel } from '../components/UnpackPanel'
import { useAsync } from '../useAsync'
import { EVENT_KEYS } from './eventKeys'
import type { Navigate } from './routes'

export function OrderDetailScreen({ orderId, navigate }: { orderId: number; navigate: Navigate }) {
  const { value: order, error, setValue } = useAsync(() => station.orders.get({ orderId }), [orderId])
  const { t } = useTranslation('orders')
  if (error) return <Alert color="red">{error}</Alert>
  if (!order) return null
  const open = order.status === 'ready' || order.status === 'in_progress'
  const hasUsed = order.lines.some((l) => l.condition === 'used')
  const hasNew = order.lines.some((l) => l.condition === 'new' && l.serialized)
  const a = order.shipTo

  return (
    <Stack>
      <OrderHeader
        order={order}
        title={t('detail.title', { orderNumber: order.orderNumber })}
        back={{ label: t('list.title'), go: () => navigate({ screen: 'orders' }) }}
        actions={
          <Group>
            <HoldRelease order={order} onChanged={setValue} />
            {hasUsed && (
              <Button size="lg" disabled={!open} onClick={() => navigate({ screen: 'usedScan', orderId })}>
                {t('scan:used.title')}
              </Button>
            )}
            {hasNew && (
              <Button size="lg" disabled={!open} onClick={() => navigate({ screen: 'distributionScan', orderId })}>
                {t('detail.distributionScan')}
              </Button>
            )}
            <Button size="lg" variant="light" onClick={() => navigate({ screen: 'confirm', orderId })}>
              {t('scan:layout.packingConfirmation')}
            </Button>
            {(order.status === 'packed' || order.status === 'shipped') && (
              <Button size="lg" color="teal" onClick={() => navigate({ screen: 'ship', orderId })}>
                {order.status === 'packed' ? t('packing:confirm.ship') : t('detail.shipment')}
              </Button>
            )}
          </Group>
        }
      />
      {!open && order.status !== 'packed' && order.status !== 'shipped' && (
        <ReadOnlyNotice status={order.status} omsStatus={order.omsStatus} />
      )}
      {order.status === 'cancelled' && (
        <UnpackPanel order={order} onChanged={(change) => setValue((o) => o && applyOrderDelta(o, change))} />
      )}
      <OrderLabels order={order} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md">
            <Table variant="vertical" fz="md" aria-label={t('table.order')}>
              <Table.Tbody>
                <Row label={t('table.channel')} value={order.channel} />
                <Row label={t('table.channelOrderId')} value={order.channelOrderId} mono />
                <Row label={t('detail.omsOrderId')} value={order.omsOrderId} mono />
                <Row label={t('detail.parentOrderId')} value={order.parentOrderId} mono />
                <Row
                  label={t('table.type')}
                  value={
                    order.orderType === 'bulk'
                      ? order.fulfilmentType === 'partial'
                        ? t('detail.bulkPartial')
                        : t('detail.bulkBlockComplete')
                      : t('detail.normal')
                  }
                />
                <Row label={t('detail.carrier')} value={`${order.carrier} · ${order.service}`} />
                <Row
                  label={t('detail.dispatchAfter')}
                  value={order.dispatchAfter ? t('common:dateTime', { at: order.dispatchAfter }) : null}
                />
                <Row label={t('detail.priority')} value={String(order.priority)} />
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md" h="100%">
            <Text fw={700}>{t('detail.shipTo')}</Text>
            <Text>{a.name}</Text>
            {a.company && <Text>{a.company}</Text>}
            <Text>{a.street1}</Text>
            {a.street2 && <Text>{a.street2}</Text>}
            <Text>
              {a.postalCode} {a.city} {a.region ?? ''}
            </Text>
            <Text>{a.country}</Text>
          </Paper>
        </Grid.Col>
      </Grid>
      <LinesAndBoxes
        order={order}
        aside={
          <>
            <Title order={3} mb="xs">
              {t('detail.history')}
            </Title>
            <Table fz="sm" aria-label={t('detail.history')}>
              <Table.Tbody>
                {order.events.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{t('common:dateTimeSeconds', { at: e.at })}</Table.Td>
                    <Table.Td>{Object.hasOwn(EVENT_KEYS, e.type) ? t(EVENT_KEYS[e.type]) : e.type}</Table.Td>
                    <Table.Td>{e.operator ?? t('detail.station')}</Table.Td>
                    <Table.Td>{e.reasonWords ? wordSentence(t, e.reasonWords) : (e.reason ?? '')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        }
      />
      <EvidencePanel orderId={order.id} orderNumber={order.orderNumber} manage />
    </Stack>
  )
}

function Row({ label, value, mono }: { label: string; value: string | null; mono?: boolean }) {
  return (
    <Table.Tr>
      <Table.Th w={200}>{label}</Table.Th>
      <Table.Td className={mono ? 'mono' : undefined}>{value ?? '—'}</Table.Td>
    </Table.Tr>
  )
}
