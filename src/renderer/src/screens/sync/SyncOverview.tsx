import { Alert, Button, Group, Paper, SimpleGrid, Text } from '@mantine/core'
import { Trans, useTranslation } from 'react-i18next'
import type { SyncStatus } from '../../../../shared/sync'
import { connection, timeOf } from '../../components/SyncStatus'
import { lastErrorText } from './lastErrorText'

/** The sync at a glance: connection (and the next try while the OMS cannot be reached), events waiting, rejected, the last sync and its error; Sync now. */
export function SyncOverview({ status, busy, onSyncNow }: { status: SyncStatus; busy: boolean; onSyncNow: () => void }) {
  const { t } = useTranslation('sync')
  const next = status.nextTryAt ? { count: status.waiting, at: new Date(status.nextTryAt) } : null
  const exported = { folder: status.export.folder, count: status.export.waiting, error: status.export.lastError }
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="lg">
        <Figure label={t('overview.connection')} value={connection(status).label.replace('OMS: ', '')} color={connection(status).color} />
        <Figure label={t('overview.eventsWaiting')} value={t('overview.count', { value: status.waiting })} />
        <Figure
          label={t('overview.rejected')}
          value={t('overview.count', { value: status.rejected })}
          color={status.rejected ? 'red' : undefined}
        />
        <Figure label={t('overview.lastSuccess')} value={timeOf(status.lastSuccessAt)} />
      </SimpleGrid>
      {next && (
        <Text size="lg" mt="md" aria-label={t('overview.nextTry')}>
          {status.online === false ? t('overview.unreachable', next) : t('overview.refusedBatch', next)}
        </Text>
      )}
      {status.lastError && (
        <Alert mt="md" color="red" title={t('overview.lastError', { time: timeOf(status.lastErrorAt) })}>
          <Text size="lg">{lastErrorText(status)}</Text>
        </Alert>
      )}
      {status.tokenWarning && (
        <Alert mt="md" color="orange" title={t('overview.tokenUnencrypted')}>
          <Text size="lg">{status.tokenWarning}</Text>
        </Alert>
      )}
      <Group mt="md">
        <Button size="lg" onClick={onSyncNow} loading={busy || status.syncing}>
          {t('overview.syncNow')}
        </Button>
        {status.export.enabled && (
          <Text size="lg">
            <Trans
              t={t}
              i18nKey={status.export.lastError ? 'overview.exportError' : 'overview.export'}
              values={exported}
              components={{ mono: <span className="mono" /> }}
            />
          </Text>
        )}
      </Group>
    </Paper>
  )
}

function Figure({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <div>
      <span className="count-label">{label}</span>
      <Text fz="2rem" fw={800} c={color === 'green' ? 'green.8' : color === 'red' ? 'red.8' : undefined} aria-label={label}>
        {value}
      </Text>
    </div>
  )
}
