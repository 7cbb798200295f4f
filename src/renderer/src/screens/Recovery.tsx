// The recovery screen (SPEC §9): the start-up check found the station's
// database damaged. It says what is wrong, names the newest good backup and
// what going back to it would lose, and restores it once a shift lead
// approves with badge and PIN (checked against the backup itself). Nothing is
// deleted: the damaged file is kept beside the restored one.
import { useEffect, useState } from 'react'
import { Alert, Button, Container, List, Paper, Stack, Text, Title } from '@mantine/core'
import { Trans, useTranslation } from 'react-i18next'
import type { RecoveryState, RestoreResult } from '../../../shared/recovery'
import { station } from '../api'
import { ShiftLeadApproval } from '../components/ShiftLeadApproval'
import { setStationLanguage } from '../language'
import { EVENT_KEYS } from './eventKeys'

export function RecoveryScreen({ state, onRestored }: { state: RecoveryState; onRestored: () => void }) {
  const { t } = useTranslation('recovery')
  const [approving, setApproving] = useState(false)
  const [restored, setRestored] = useState<RestoreResult | null>(null)
  const good = state.newestGood
  // The damaged station has no app:info: its recovery state names the language it spoke (src/main/recoveryStation.ts).
  useEffect(() => {
    if (state.language) setStationLanguage(state.language)
  }, [state.language])

  if (restored) {
    return (
      <Container size="md" py="xl">
        <Stack>
          <Title order={1}>{t('restored.title')}</Title>
          <Text size="lg">{t('restored.body', { file: restored.restoredFrom })}</Text>
          {restored.keptAs && <Text size="lg">{t('restored.kept', { file: restored.keptAs })}</Text>}
          <Button size="lg" onClick={onRestored} style={{ alignSelf: 'flex-start' }}>
            {t('restored.continue')}
          </Button>
        </Stack>
      </Container>
    )
  }

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Title order={1}>{t('title')}</Title>
        <Alert color="red" title={t('found')} styles={{ message: { fontSize: 18 } }}>
          {state.problem}
        </Alert>
        <Text size="lg">{t('stopped')}</Text>
        {good ? (
          <Paper withBorder p="lg" aria-label={t('newest')}>
            <Stack gap="sm">
              <Title order={3}>{t('newest')}</Title>
              <Text size="lg" style={{ overflowWrap: 'anywhere' }}>
                <Trans t={t} i18nKey="taken" values={{ at: good.takenAt, file: good.file }} components={{ b: <b /> }} />
              </Text>
              <LostSince state={state} />
              <Button size="lg" color="red" onClick={() => setApproving(true)} style={{ alignSelf: 'flex-start' }}>
                {t('restore')}
              </Button>
            </Stack>
          </Paper>
        ) : (
          <Alert color="orange" title={t('noneTitle')} styles={{ message: { fontSize: 18 } }}>
            {t('none', { folder: state.backupFolder })}
          </Alert>
        )}
      </Stack>
      {good && (
        <ShiftLeadApproval
          opened={approving}
          action={t('approve')}
          approveLabel={t('approveLabel')}
          onClose={() => setApproving(false)}
          onApprove={async (approval) => setRestored(await station.recovery.restore({ file: good.file, approval }))}
        >
          <Text size="lg">{t('goesBack', { at: good.takenAt })}</Text>
        </ShiftLeadApproval>
      )}
    </Container>
  )
}

function LostSince({ state }: { state: RecoveryState }) {
  const { t } = useTranslation('recovery')
  const lost = state.lost
  if (!lost) return <Text size="lg">{t('lost.unknown')}</Text>
  if (lost.count === 0) return <Text size="lg">{t('lost.nothing')}</Text>
  return (
    <Stack gap={4}>
      <Text size="lg" fw={700}>
        {lost.count > lost.latest.length ? t('lost.newest', { count: lost.count }) : t('lost.all', { count: lost.count })}
      </Text>
      <List size="lg" aria-label={t('lost.label')}>
        {lost.latest.map((event, i) => {
          // The event log's type in words, as the order history shows it (orders:event.*); an unknown type as it is.
          const type = Object.hasOwn(EVENT_KEYS, event.type) ? t(EVENT_KEYS[event.type]!, { ns: 'orders' }) : event.type
          return (
            <List.Item key={i}>
              {event.orderNumber
                ? t('lost.eventOfOrder', { at: event.at, type, order: event.orderNumber })
                : t('lost.event', { at: event.at, type })}
            </List.Item>
          )
        })}
      </List>
    </Stack>
  )
}
