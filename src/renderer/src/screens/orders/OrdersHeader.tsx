import { Button, Group, Title } from '@mantine/core'

type OrdersHeaderProps = {
  /** A shift lead's Assign operator, with how many orders are ticked; null for an operator. */
  assign: { selected: number; onAssign: () => void } | null
  onImport: () => void
}

/** The screen's title, Assign operator (for the ticked orders) and Import orders. */
export function OrdersHeader({ assign, onImport }: OrdersHeaderProps) {
  return (
    <Group justify="space-between">
      <Title order={2}>Orders</Title>
      <Group>
        {assign && (
          <Button size="lg" disabled={assign.selected === 0} onClick={assign.onAssign}>
            Assign operator{assign.selected ? ` (${assign.selected})` : ''}
          </Button>
        )}
        <Button variant="light" onClick={onImport}>
          Import orders
        </Button>
      </Group>
    </Group>
  )
}
