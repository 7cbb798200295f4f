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
  // The header's parts keep their identity while the order's header fields stay (OrderHeader is then not drawn
  // again): a scan redraws the counts and lists, not the frame around them (issue 10).
  const orderId = order.id
  const back = useMemo(() => ({ label: t('layout.order'), go: () => navigate({ screen: 'order', orderId }) }), [t, navigate, orderId])
  const detail = useMemo(
    () => (
      <Text c="dimmed" className="mono">
        {order.channel} {order.channelOrderId}
      </Text>
    ),
    [order.channel, order.channelOrderId]
  )
  const confirm = useMemo(
    () => (
      <Button variant="light" size="lg" onClick={() => navigate({ screen: 'confirm', orderId })}>
        {t('layout.packingConfirmation')}
      </Button>
    ),
    [t, navigate, orderId]
  )
  const sinceLastBox = useMemo(() => <Title order={3}>{t('layout.sinceLastBox')}</Title>, [t])
  const boxesTitle = useMemo(() => <Title order={3}>{t('layout.boxes')}</Title>, [t])
  return (
    <OrderScreen order={order} screen={title} back={back} detail={detail} actions={confirm}>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>{children}</Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            {sinceLastBox}
            <LooseUnits units={order.looseUnits} actions={actions} />
            {boxesTitle}
            <BoxesList boxes={order.boxes} actions={open ? actions : undefined} />
          </Stack>
        </Grid.Col>
      </Grid>
    </OrderScreen>
  )
}
