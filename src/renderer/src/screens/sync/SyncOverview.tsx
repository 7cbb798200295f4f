import { Alert, Button, Group, Paper, SimpleGrid, Text } from '@mantine/core'
import type { SyncNowResult, SyncStatus } from '../../../../shared/sync'
import { connection, timeOf } from '../../components/SyncStatus'
import { formatLocalTime } from '../../../../shared/localTime'

/** The sync at a glance: connection (and the next try while the OMS cannot be reached), events waiting, rejected, the last sync and its error; Sync now. */
export function SyncOverview({ status, busy, onSyncNow }: { status: SyncStatus; busy: boolean; onSyncNow: () => void }) {
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="lg">
        <Figure label="Connection" value={connection(status).label.replace('OMS: ', '')} color={connection(status).color} />
        <Figure label="Events waiting" value={String(status.waiting)} />
        <Figure label="Rejected" value={String(status.rejected)} color={status.rejected ? 'red' : undefined} />
        <Figure label="Last successful sync" value={timeOf(status.lastSuccessAt)} />
      </SimpleGrid>
      {status.nextTryAt && (
        <Text size="lg" mt="md" aria-label="Next try">
          {status.online === false ? 'The OMS cannot be reached' : 'The OMS refused the last batch'}: {status.waiting} events wait. Next try
          at {secondsOf(status.nextTryAt)}.
        </Text>
      )}
      {status.lastError && (
        <Alert mt="md" color="red" title={`Last error (${timeOf(status.lastErrorAt)})`}>
          <Text size="lg">{status.lastError}</Text>
        </Alert>
      )}
      {status.tokenWarning && (
        <Alert mt="md" color="orange" title="Token stored unencrypted">
          <Text size="lg">{status.tokenWarning}</Text>
        </Alert>
      )}
      <Group mt="md">
        <Button size="lg" onClick={onSyncNow} loading={busy || status.syncing}>
          Sync now
        </Button>
        {status.export.enabled && (
          <Text size="lg">
            Export to <span className="mono">{status.export.folder}</span>: {status.export.waiting} waiting
            {status.export.lastError ? ` — ${status.export.lastError}` : ''}
          </Text>
        )}
      </Group>
    </Paper>
  )
}

const secondsOf = (iso: string) => formatLocalTime(iso, { timeOnly: true, seconds: true })

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

/** What one Sync now did, a line per part: orders pulled, events sent, the export, and any problems. */
export function describeSync(result: SyncNowResult): string {
  const lines: string[] = []
  if (result.pulled) {
    const p = result.pulled
    lines.push(`Orders: ${p.imported} new, ${p.statusChanges} status changes, ${p.unchanged} unchanged, ${p.failed} failed.`)
  }
  if (result.sent) {
    const s = result.sent
    lines.push(`Events: ${s.accepted} accepted, ${s.duplicate} already there, ${s.rejected} rejected; ${result.status.waiting} waiting.`)
  }
  if (result.exported !== null) lines.push(`Export: ${result.exported} events written.`)
  lines.push(...result.problems)
  return lines.join('\n')
}
