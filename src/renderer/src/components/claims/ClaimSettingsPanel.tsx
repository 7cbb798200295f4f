import { useEffect, useState } from 'react'
import { Alert, Button, Group, Paper, Radio, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { OFFLINE_CLAIM_POLICIES, type OfflineClaimPolicy } from '../../../../shared/claims'
import { station } from '../../api'
import { errorMessage, useAction } from '../../useAction'
import type { AskApproval } from '../useApproval'

/**
 * Which orders may start for scanning while the OMS does not answer (the claims' offline setting,
 * src/main/core/sync/claimSettings.ts): only those assigned to this station (the default), any, or none.
 * Shift leads see and change it, with a badge and PIN.
 */
export function ClaimSettingsPanel({ lead, ask }: { lead: boolean; ask: AskApproval }) {
  const { t } = useTranslation('claims')
  const [policy, setPolicy] = useState<OfflineClaimPolicy | null>(null)
  const outcome = useAction()

  const { fail } = outcome
  useEffect(() => {
    if (!lead) return
    station.claims.settings({}).then(
      (s) => setPolicy(s.offlineStart),
      (e) => fail(errorMessage(e))
    )
  }, [lead, fail])

  if (!lead || policy === null) return null
  const save = () => {
    outcome.clear()
    ask(t('settings.action'), async (approval) => {
      const saved = await station.claims.saveSettings({ offlineStart: policy, approval })
      setPolicy(saved.offlineStart)
      outcome.succeed(t('settings.saved'))
    })
  }
  const message = outcome.notice ?? outcome.error
  const labels: Record<OfflineClaimPolicy, string> = {
    assigned_only: t('settings.assigned_only'),
    any: t('settings.any'),
    none: t('settings.none')
  }

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>{t('settings.title')}</Title>
        <Radio.Group label={t('settings.label')} value={policy} onChange={(v) => setPolicy(v as OfflineClaimPolicy)}>
          <Stack gap="xs" mt="xs">
            {OFFLINE_CLAIM_POLICIES.map((p) => (
              <Radio key={p} value={p} label={labels[p]} />
            ))}
          </Stack>
        </Radio.Group>
        {message !== null && <Alert color={outcome.notice !== null ? 'green' : 'red'}>{message}</Alert>}
        <Group>
          <Button onClick={save}>{t('settings.save')}</Button>
        </Group>
      </Stack>
    </Paper>
  )
}
