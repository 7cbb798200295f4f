import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Stack, Title } from '@mantine/core'
import type { Operator } from '../../../shared/operators'
import type { StationSettingsView } from '../../../shared/settings'
import { setStationLanguage } from '../language'
import { i18n } from '../i18n'
import { station } from '../api'
import { useApproval } from '../components/useApproval'
import { ClaimSettingsPanel } from '../components/claims/ClaimSettingsPanel'
import { EvidenceSettingsPanel } from '../components/evidence/EvidenceSettingsPanel'
import { setFeedbackVolume } from '../feedback/sounds'
import { errorMessage, useAction } from '../useAction'
import { BackupsPanel } from './settings/BackupsPanel'
import { BoxPresets } from './settings/BoxPresets'
import { DiagnosticsExport } from './settings/DiagnosticsExport'
import { SettingsFilePanel } from './settings/SettingsFilePanel'
import { StationSettingsForm } from './settings/StationSettingsForm'

/**
 * Station settings (a shift lead changes them, each save approved with a shift
 * lead's badge and PIN): hand-entry policy, feedback volume, operators' sign-in PIN, box presets.
 */
export function SettingsScreen({ operator }: { operator: Operator }) {
  const lead = operator.role === 'shift_lead'
  const { t } = useTranslation('settings')
  const [settings, setSettings] = useState<StationSettingsView | null>(null)
  const outcome = useAction()
  const approval = useApproval()

  const { fail } = outcome
  useEffect(() => {
    station.settings.station().then(setSettings, (e) => fail(errorMessage(e)))
  }, [fail])

  const save = (edited: StationSettingsView) => {
    outcome.clear()
    approval.ask(t('station.approve'), async (a) => {
      const saved = await station.settings.saveStation({ ...edited, approval: a })
      setSettings(saved)
      setFeedbackVolume(saved.feedbackVolume)
      setStationLanguage(saved.language)
      // Said in the language just saved (this closure's t still speaks the one before).
      outcome.succeed(i18n.t('settings:station.saved'))
    })
  }
  const message = outcome.notice ?? outcome.error

  return (
    <Stack maw={1100}>
      <Title order={2}>{t('common:nav.settings')}</Title>
      {!lead && <Alert color="gray">{t('station.leadOnly')}</Alert>}
      {message !== null && (
        <Alert color={outcome.notice !== null ? 'green' : 'red'} role="alert">
          {message}
        </Alert>
      )}
      {settings && <StationSettingsForm settings={settings} lead={lead} onChange={setSettings} onSave={() => save(settings)} />}
      <BoxPresets lead={lead} ask={approval.ask} />
      <BackupsPanel lead={lead} ask={approval.ask} />
      <ClaimSettingsPanel lead={lead} ask={approval.ask} />
      <EvidenceSettingsPanel lead={lead} ask={approval.ask} />
      <DiagnosticsExport lead={lead} ask={approval.ask} />
      <SettingsFilePanel
        lead={lead}
        ask={approval.ask}
        onImported={() => station.settings.station().then(setSettings, (e) => fail(errorMessage(e)))}
      />
      {approval.dialog}
    </Stack>
  )
}
