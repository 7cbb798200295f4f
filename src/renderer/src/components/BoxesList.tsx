import { Badge, Group, Paper, Stack, Text } from '@mantine/core'
import type { Box } from '../../../shared/schemas'

export function BoxesList({ boxes }: { boxes: Box[] }) {
  if (boxes.length === 0) return <Text c="dimmed">No boxes yet.</Text>
  return (
    <Stack gap="xs" aria-label="Boxes">
      {boxes.map((box) => (
        <Paper key={box.id} withBorder p="sm" data-box={box.number}>
          <Group justify="space-between">
            <Text fw={800}>Box {box.number}</Text>
            <Badge color={box.status === 'confirmed' ? 'green' : box.status === 'saved' ? 'yellow' : 'gray'} size="lg">
              {box.status}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {box.unitCount} unit{box.unitCount === 1 ? '' : 's'} · {box.createdBy}
          </Text>
          <Text size="sm" className="mono">
            {box.units.map((u) => u.serial).join('  ')}
          </Text>
        </Paper>
      ))}
    </Stack>
  )
}
