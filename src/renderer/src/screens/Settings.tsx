import { useEffect, useState } from 'react'
import { Alert, Stack, Title } from '@mantine/core'
import type { Operator } from '../../../shared/operators'
import type { StationSettings } from '../../../shared/settings'
import { station } from '../api'
import { useApproval } from '../components/useApproval'
import { ClaimSettingsPanel } from '../components/claims/ClaimSettingsPanel'
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
  const [settings, setSettings] = useState<StationSettings | null>(null)
  const outcome = useAction()
  const approval = useApproval()

  const { fail } = outcome
  useEffect(() => {
    station.settings.station().then(setSettings, (e) => fail(errorMessage(e)))
  }, [fail])

  const save = (edited: StationSettings) => {
    outcome.clear()
    approval.ask('change the station settings', async (a) => {
      const saved = await station.settings.saveStation({ ...edited, approval: a })
      setSettings(saved)
      setFeedbackVolume(saved.feedbackVolume)
      outcome.succeed('Settings saved.')
    })
  }
  const message = outcome.notice ?? outcome.error

  return (
    <Stack maw={1100}>
      <Title order={2}>Settings</Title>
      {!lead && <Alert color="gray">Only a shift lead can change these settings.</Alert>}
      {message !== null && (
        <Alert color={outcome.notice !== null ? 'green' : 'red'} role="alert">
          {message}
        </Alert>
      )}
      {settings && <StationSettingsForm settings={settings} lead={lead} onChange={setSettings} onSave={() => save(settings)} />}
      <BoxPresets lead={lead} ask={approval.ask} />
      <BackupsPanel lead={lead} ask={approval.ask} />
      <ClaimSettingsPanel lead={lead} ask={approval.ask} />
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
