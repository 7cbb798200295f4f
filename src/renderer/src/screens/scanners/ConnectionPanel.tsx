import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { STATE_COLOUR, STATE_WORDS, useScannerStatus } from '../../components/ScannerStatus'

/** Every scanner's connection state, with the station's words for it. */
export function ConnectionPanel() {
  const statuses = useScannerStatus()
  return (
    <Paper withBorder p="lg" aria-label="Connection">
      <Title order={2} mb="md">
        Connection
      </Title>
      <Stack gap="md">
        {statuses.map((s) => (
          <div key={s.source} data-scanner={s.source} data-state={s.state}>
            <Group gap="sm">
              <Text fz="xl" fw={700}>
                {s.label}
              </Text>
              <Badge size="xl" color={STATE_COLOUR[s.state]}>
                {STATE_WORDS[s.state]}
              </Badge>
            </Group>
            <Text size="lg" c={s.state === 'error' ? 'red.8' : undefined} style={{ wordBreak: 'break-word' }}>
              {s.message}
            </Text>
          </div>
        ))}
      </Stack>
    </Paper>
  )
}
