import { useMemo, type ReactNode } from 'react'
import { Button, Grid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { OrderDetail } from '../../../shared/orders'
import type { Navigate } from '../screens/routes'
import type { ScanSession } from '../screens/scanSession'
import { useAfterPaint } from './afterPaint'
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
  return (
    <OrderScreen order={order} screen={title} back={back} detail={detail} actions={confirm}>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>{children}</Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <OrderLists order={order} actions={actions} />
        </Grid.Col>
      </Grid>
    </OrderScreen>
  )
}

/**
 * The units not yet boxed and the boxes, as the order was when the screen last painted (issue 10): a scan's
 * counts and feedback are painted in the first frame after its answer, and these lists follow right after that
 * frame, drawn in a pass of their own (nothing else on the screen is drawn again for them).
 */
function OrderLists({ order, actions }: { order: OrderDetail; actions: BoxActions }) {
  const { t } = useTranslation('scan')
  const listed = useAfterPaint(order)
  const open = listed.status === 'ready' || listed.status === 'in_progress'
  const { looseUnits, boxes } = listed
  return useMemo(
    () => (
      <Stack>
        <Title order={3}>{t('layout.sinceLastBox')}</Title>
        <LooseUnits units={looseUnits} actions={actions} />
        <Title order={3}>{t('layout.boxes')}</Title>
        <BoxesList boxes={boxes} actions={open ? actions : undefined} />
      </Stack>
    ),
    [t, looseUnits, boxes, actions, open]
  )
}
