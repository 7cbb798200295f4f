import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { OrderStatus } from '../../../shared/orders'

const COLOURS: Record<OrderStatus, string> = {
  on_hold: 'orange',
  ready: 'blue',
  in_progress: 'cyan',
  packed: 'green',
  shipped: 'teal',
  cancelled: 'red'
}

export function StatusBadge({ status, omsStatus }: { status: OrderStatus; omsStatus?: string | null }) {
  const { t } = useTranslation('common')
  return (
    <Badge color={COLOURS[status]} size="lg" variant="filled" data-status={status}>
      {t(`status.${status}`)}
      {omsStatus && status === 'on_hold' ? ` · ${omsStatus}` : ''}
    </Badge>
  )
}
