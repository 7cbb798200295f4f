// The recovery screen (SPEC §9): the start-up check found the station's
// database damaged. It says what is wrong, names the newest good backup and
// what going back to it would lose, and restores it once a shift lead
// approves with badge and PIN (checked against the backup itself). Nothing is
// deleted: the damaged file is kept beside the restored one.
import { useState } from 'react'
import { Alert, Button, Container, List, Paper, Stack, Text, Title } from '@mantine/core'
import type { RecoveryState, RestoreResult } from '../../../shared/recovery'
import { formatLocalTime } from '../../../shared/localTime'
import { station } from '../api'
import { ShiftLeadApproval } from '../components/ShiftLeadApproval'

export function RecoveryScreen({ state, onRestored }: { state: RecoveryState; onRestored: () => void }) {
  const [approving, setApproving] = useState(false)
  const [restored, setRestored] = useState<RestoreResult | null>(null)
  const good = state.newestGood

  if (restored) {
    return (
      <Container size="md" py="xl">
        <Stack>
          <Title order={1}>Backup restored</Title>
          <Text size="lg">The station runs again on the backup {restored.restoredFrom}.</Text>
          {restored.keptAs && <Text size="lg">The damaged database is kept as {restored.keptAs} for IT.</Text>}
          <Button size="lg" onClick={onRestored} style={{ alignSelf: 'flex-start' }}>
            Continue to sign-in
          </Button>
        </Stack>
      </Container>
    )
  }

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Title order={1}>The station’s database is damaged</Title>
        <Alert color="red" title="What the start-up check found" styles={{ message: { fontSize: 18 } }}>
          {state.problem}
        </Alert>
        <Text size="lg">Scanning is stopped until a shift lead restores a backup. Nothing has been deleted.</Text>
        {good ? (
          <Paper withBorder p="lg" aria-label="Newest good backup">
            <Stack gap="sm">
              <Title order={3}>Newest good backup</Title>
              <Text size="lg">
                Taken <b>{formatLocalTime(good.takenAt)}</b> — {good.file}
              </Text>
              <LostSince state={state} />
              <Button size="lg" color="red" onClick={() => setApproving(true)} style={{ alignSelf: 'flex-start' }}>
                Restore this backup…
              </Button>
            </Stack>
          </Paper>
        ) : (
          <Alert color="orange" title="No good backup" styles={{ message: { fontSize: 18 } }}>
            There is no backup that passes the check in {state.backupFolder}. Call IT: they can restore one from another folder with npm run
            station -- restore FILE.
          </Alert>
        )}
      </Stack>
      {good && (
        <ShiftLeadApproval
          opened={approving}
          action="restore the backup"
          approveLabel="Restore"
          onClose={() => setApproving(false)}
          onApprove={async (approval) => setRestored(await station.recovery.restore({ file: good.file, approval }))}
        >
          <Text size="lg">The station goes back to {formatLocalTime(good.takenAt)}. Use a badge and PIN that were valid then.</Text>
        </ShiftLeadApproval>
      )}
    </Container>
  )
}

function LostSince({ state }: { state: RecoveryState }) {
  const lost = state.lost
  if (!lost) return <Text size="lg">The damaged database cannot tell what happened after this backup: everything since then is lost.</Text>
  if (lost.count === 0) return <Text size="lg">The damaged database shows nothing recorded after this backup.</Text>
  return (
    <Stack gap={4}>
      <Text size="lg" fw={700}>
        {lost.count} {lost.count === 1 ? 'event' : 'events'} recorded after it would be lost
        {lost.count > lost.latest.length ? ', the newest:' : ':'}
      </Text>
      <List size="lg" aria-label="Events that would be lost">
        {lost.latest.map((event, i) => (
          <List.Item key={i}>
            {formatLocalTime(event.at)} — {event.type}
            {event.orderNumber ? ` (order ${event.orderNumber})` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  )
}
