// The Sync screen (SPEC §7): how the station talks to the OMS (address, token,
// pull interval, export folder), Sync now, the events the OMS rejected (a
// shift lead re-sends or acknowledges them) and the failed imports with Retry.
// Saving the settings, re-sending and acknowledging each need a shift lead's badge and PIN.
import { Alert, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Approval } from '../../../shared/operators'
import type { FailedImport, ImportSummary } from '../../../shared/orders'
import type { RejectedEvent } from '../../../shared/sync'
import { station } from '../api'
import { FailedImportsTable } from '../components/FailedImportsTable'
import { fetchFailedImports } from '../components/failedImportPages'
import { usePages } from '../components/usePages'
import { useSyncStatus } from '../components/SyncStatus'
import { useApproval } from '../components/useApproval'
import { useAction } from '../useAction'
import { RejectedEventsTable } from './sync/RejectedEventsTable'
import { fetchRejected } from './sync/rejectedPages'
import { SerialConflicts } from './sync/SerialConflicts'
import { describeSync } from './sync/describeSync'
import { SyncOverview } from './sync/SyncOverview'
import { SyncSettingsForm } from './sync/SyncSettingsForm'

const sourceName = (source: string) => (source === 'oms' ? 'OMS' : source)
/** An operator's screen lists no rejected events (it does not ask for them). */
const noRejected = async () => ({ rows: [], nextCursor: null, open: 0 })

export function SyncScreen({ isShiftLead }: { isShiftLead: boolean }) {
  const { t } = useTranslation('sync')
  const status = useSyncStatus()
  // The rejected events and the OMS settings are a shift lead's to read (the access table): an operator is
  // told so, and the station is not asked.
  const rejected = usePages(isShiftLead ? fetchRejected : noRejected)
  const failed = usePages(fetchFailedImports)
  const outcome = useAction()
  const approval = useApproval()

  const reloadLists = async () => {
    await Promise.all([rejected.reload(), failed.reload()])
  }
  const syncNow = async () => {
    await outcome.run(() => station.sync.now(), { title: t('screen.syncFinished'), done: describeSync })
    await reloadLists()
  }
  const retry = async (f: FailedImport) => {
    const done = (r: ImportSummary) => (r.failed ? t('screen.retryStillFailing') : t('screen.retryImported'))
    await outcome.run(() => station.orders.retryFailedImport({ id: f.id }), { title: t('common:actions.retry'), done })
    await reloadLists()
  }
  /** Re-send or acknowledge one rejected event: a refusal (wrong PIN) stays in the approval dialog. */
  const settle = (action: string, title: string, call: (approval: Approval) => Promise<string>) => {
    outcome.clear()
    approval.ask(action, async (a) => {
      outcome.succeed(await call(a), title)
      await reloadLists()
    })
  }
  const resend = (e: RejectedEvent) =>
    settle(t('screen.approveResend', { type: e.type }), t('screen.resentTitle'), async (a) => {
      const { resent } = await station.sync.resendRejected({ ids: [e.id], approval: a })
      return t('screen.resent', { count: resent })
    })
  const acknowledge = (e: RejectedEvent) =>
    settle(t('screen.approveAcknowledge', { type: e.type }), t('screen.acknowledgedTitle'), async (a) => {
      const { acknowledged } = await station.sync.acknowledgeRejected({ ids: [e.id], approval: a })
      return t('screen.acknowledged', { count: acknowledged })
    })
  const message = outcome.notice ?? outcome.error

  return (
    <Stack maw={1200} gap="lg">
      <Title order={2}>{t('screen.title')}</Title>
      {status && <SyncOverview status={status} busy={outcome.busy} onSyncNow={syncNow} />}
      {message !== null && (
        <Alert color={outcome.error === null ? 'green' : 'red'} title={outcome.title} role="alert" withCloseButton onClose={outcome.clear}>
          <Text size="lg" style={{ whiteSpace: 'pre-line' }}>
            {message}
          </Text>
        </Alert>
      )}

      <SerialConflicts isShiftLead={isShiftLead} onChange={reloadLists} />

      <Title order={3}>{t('screen.rejectedTitle')}</Title>
      {isShiftLead ? (
        <RejectedEventsTable pages={rejected.pages} onMore={() => void rejected.more()} onResend={resend} onAcknowledge={acknowledge} />
      ) : (
        <Text size="lg" c="dimmed">
          {t('rejected.shiftLeadOnly')}
        </Text>
      )}

      <Title order={3}>{t('import:failed.title')}</Title>
      <FailedImportsTable list={failed.pages} size="lg" sourceName={sourceName} onRetry={retry} onMore={() => void failed.more()} />

      <SyncSettingsForm isShiftLead={isShiftLead} ask={approval.ask} outcome={outcome} />
      {approval.dialog}
    </Stack>
  )
}
