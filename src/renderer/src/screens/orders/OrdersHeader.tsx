import { Button, Group, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'

type OrdersHeaderProps = {
  /** A shift lead's Assign operator, with how many orders are ticked; null for an operator. */
  assign: { selected: number; onAssign: () => void } | null
  onImport: () => void
}

/** The screen's title, Assign operator (for the ticked orders) and Import orders. */
export function OrdersHeader({ assign, onImport }: OrdersHeaderProps) {
  const { t } = useTranslation('orders')
  return (
    <Group justify="space-between">
      <Title order={2}>{t('list.title')}</Title>
      <Group>
        {assign && (
          <Button size="lg" disabled={assign.selected === 0} onClick={assign.onAssign}>
            {assign.selected ? t('list.assignSome', { count: assign.selected }) : t('list.assign')}
          </Button>
        )}
        <Button variant="light" onClick={onImport}>
          {t('list.import')}
        </Button>
      </Group>
    </Group>
  )
}
