import { Badge } from '@mantine/core'
import type { OrderStatus } from '../../../shared/orders'

const COLOURS: Record<OrderStatus, string> = {
  on_hold: 'orange',
  ready: 'blue',
  in_progress: 'cyan',
  packed: 'green',
  shipped: 'teal',
  cancelled: 'red'
}

export const statusLabel = (status: OrderStatus) => status.replace('_', ' ')

export function StatusBadge({ status, omsStatus }: { status: OrderStatus; omsStatus?: string | null }) {
  return (
    <Badge color={COLOURS[status]} size="lg" variant="filled" data-status={status}>
      {statusLabel(status)}
      {omsStatus && status === 'on_hold' ? ` · ${omsStatus}` : ''}
    </Badge>
  )
}
