// The key figures as large numbers, readable from a step away: one tile each, a colour only where it needs a look.
import { Paper, SimpleGrid, Text } from '@mantine/core'
import type { ShiftFigures } from '../../../../shared/reports'
import { useReportWords } from './words'

type Tile = { label: string; value: number; note?: string; alert?: boolean }

export function FigureTiles({ figures, live }: { figures: ShiftFigures; live: boolean }) {
  const { W, F } = useReportWords()
  const refusals = figures.refusals.reduce((n, r) => n + r.count, 0)
  const tiles: Tile[] = [
    { label: live ? W.unitsToday : W.unitsInRange, value: figures.units.total },
    { label: W.packed, value: figures.orders.packed },
    { label: W.inProgress, value: figures.orders.inProgress },
    { label: W.onHold, value: figures.orders.onHold },
    { label: W.waiting, value: figures.orders.waiting },
    { label: W.boxesConfirmed, value: figures.boxesConfirmed },
    { label: W.refusals, value: refusals, alert: refusals > 0 },
    { label: W.printFailures, value: figures.printFailures.count, alert: figures.printFailures.count > 0 },
    {
      label: W.outboxWaiting,
      value: figures.outbox.waiting,
      note: figures.outbox.rejected > 0 ? W.outboxRejected(figures.outbox.rejected) : undefined,
      alert: figures.outbox.rejected > 0
    },
    { label: W.toUnpack, value: figures.blocked.length, alert: figures.blocked.length > 0 }
  ]
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
      {tiles.map((tile) => (
        <Paper key={tile.label} withBorder p="sm" radius="md" bg={tile.alert ? 'orange.0' : undefined} aria-label={tile.label}>
          <Text fz={44} fw={800} lh={1.1} c={tile.alert ? 'orange.9' : undefined} data-figure>
            {F.number(tile.value)}
          </Text>
          <Text fz="lg" fw={600} c="dimmed">
            {tile.label}
          </Text>
          {tile.note && (
            <Text fz="md" fw={700} c="red.8">
              {tile.note}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  )
}
