import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { scannerName, STATE_COLOUR, stateWords, statusText, useScannerStatus } from '../../components/ScannerStatus'

/** Every scanner's connection state, with the station's words for it. */
export function ConnectionPanel() {
  const statuses = useScannerStatus()
  const { t } = useTranslation('scanners')
  return (
    <Paper withBorder p="lg" aria-label={t('connection.title')}>
      <Title order={2} mb="md">
        {t('connection.title')}
      </Title>
      <Stack gap="md">
        {statuses.map((s) => (
          <div key={s.source} data-scanner={s.source} data-state={s.state}>
            <Group gap="sm">
              <Text fz="xl" fw={700}>
                {scannerName(s.source)}
              </Text>
              <Badge size="xl" color={STATE_COLOUR[s.state]}>
                {stateWords(s.state)}
              </Badge>
            </Group>
            <Text size="lg" c={s.state === 'error' ? 'red.8' : undefined} style={{ wordBreak: 'break-word' }}>
              {statusText(s)}
            </Text>
          </div>
        ))}
      </Stack>
    </Paper>
  )
}
