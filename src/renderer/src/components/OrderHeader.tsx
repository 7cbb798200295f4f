import { memo, type ReactNode } from 'react'
import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Assignments } from '../../../shared/operators'
import type { OrderSummary } from '../../../shared/orders'
import { StatusBadge } from './StatusBadge'

type OrderHeaderProps = {
  order: OrderSummary
  title: string
  back: { label: string; go: () => void }
  detail?: ReactNode
  actions?: ReactNode
}

/** What the header shows of its props: the same, and it is not drawn again (a scan changes the order, rarely these). */
const sameHeader = (a: OrderHeaderProps, b: OrderHeaderProps) =>
  a.title === b.title &&
  a.back === b.back &&
  a.detail === b.detail &&
  a.actions === b.actions &&
  a.order.status === b.order.status &&
  a.order.omsStatus === b.order.omsStatus &&
  a.order.assignments === b.order.assignments

/**
 * The top line of an order's screens: a way back, the screen's title with the
 * order's status, and its actions; below it, the operators assigned to the
 * order for picking, packing and shipping (SPEC §2).
 */
export const OrderHeader = memo(function OrderHeader(props: OrderHeaderProps) {
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Group>
          <Button variant="subtle" onClick={props.back.go}>
            ← {props.back.label}
          </Button>
          <Title order={2}>{props.title}</Title>
          <StatusBadge status={props.order.status} omsStatus={props.order.omsStatus} />
          {props.detail}
        </Group>
        {props.actions}
      </Group>
      <AssignedOperators assignments={props.order.assignments} />
    </Stack>
  )
}, sameHeader)

/** One of an order's screens: the header titled with the screen's name and the order number, above the screen's own content. */
export function OrderScreen({ screen, children, ...header }: Omit<OrderHeaderProps, 'title'> & { screen: string; children: ReactNode }) {
  return (
    <Stack>
      <OrderHeader {...header} title={`${screen} · ${header.order.orderNumber}`} />
      {children}
    </Stack>
  )
}

const ROLES = [
  ['picking', 'assigned.picking', 'assigned.pickingOperator'],
  ['packing', 'assigned.packing', 'assigned.packingOperator'],
  ['shipping', 'assigned.shipping', 'assigned.shippingOperator']
] as const

function AssignedOperators({ assignments }: { assignments: Assignments }) {
  const { t } = useTranslation('orders')
  return (
    <Group gap="xl" pl="sm" aria-label={t('assigned.title')}>
      {ROLES.map(([role, label, who]) => (
        <Text key={role} size="lg" aria-label={t(who)}>
          <Text span c="dimmed" fw={600}>
            {t(label)}:
          </Text>{' '}
          <Text span fw={700} c={assignments[role] ? undefined : 'dimmed'}>
            {assignments[role] ?? t('assigned.nobody')}
          </Text>
        </Text>
      ))}
    </Group>
  )
}
