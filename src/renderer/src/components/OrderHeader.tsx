import type { ReactNode } from 'react'
import { Button, Group, Title } from '@mantine/core'
import type { OrderSummary } from '../../../shared/schemas'
import { StatusBadge } from './StatusBadge'

/** The top line of an order's screens: a way back, the screen's title with the order's status, and its actions. */
export function OrderHeader(props: { order: OrderSummary; title: string; back: { label: string; go: () => void }; detail?: ReactNode; actions?: ReactNode }) {
  return (
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
  )
}
