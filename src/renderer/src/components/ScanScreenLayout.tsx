import { useMemo, type ReactNode } from 'react'
import { Button, Grid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { OrderDetail } from '../../../shared/orders'
import type { Navigate } from '../screens/routes'
import type { ScanSession } from '../screens/scanSession'
import { BoxesList, LooseUnits, type BoxActions } from './BoxesList'
import { OrderScreen } from './OrderHeader'

/**
 * The frame both scan screens share: the order's header (back to the order,
 * on to Packing Confirmation), the screen's own scanning part on the left,
 * and on the right the units not yet boxed and the boxes with their actions.
 */
export function ScanScreenLayout({
  title,
  order,
  session,
  navigate,
  children
}: {
  title: string
  order: OrderDetail
  session: ScanSession
  navigate: Navigate
  children: ReactNode
}) {
  const { t } = useTranslation('scan')
  const { applyChange, message } = session
  const actions = useMemo<BoxActions>(
    () => ({ orderId: order.id, onChanged: applyChange, onMessage: message }),
    [order.id, applyChange, message]
  )
  const open = order.status === 'ready' || order.status === 'in_progress'
  return (
    <OrderScreen
      order={order}
      screen={title}
      back={{ label: t('layout.order'), go: () => navigate({ screen: 'order', orderId: order.id }) }}
      detail={
        <Text c="dimmed" className="mono">
          {order.channel} {order.channelOrderId}
        </Text>
      }
      actions={
        <Button variant="light" size="lg" onClick={() => navigate({ screen: 'confirm', orderId: order.id })}>
          {t('layout.packingConfirmation')}
        </Button>
      }
    >
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>{children}</Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <Title order={3}>{t('layout.sinceLastBox')}</Title>
            <LooseUnits units={order.looseUnits} actions={actions} />
            <Title order={3}>{t('layout.boxes')}</Title>
            <BoxesList boxes={order.boxes} actions={open ? actions : undefined} />
          </Stack>
        </Grid.Col>
      </Grid>
    </OrderScreen>
  )
}
