import { useEffect, useState } from 'react'
import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Switch, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { EvidenceSettings } from '../../../../shared/evidence'
import { station } from '../../api'
import { errorMessage, useAction } from '../../useAction'
import type { AskApproval } from '../useApproval'

/** The cameras this PC has (their names once the station may use the camera), for the picker. */
async function cameras(): Promise<{ value: string; label: string }[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return []
  const devices = await navigator.mediaDevices.enumerateDevices()
  return devices.filter((d) => d.kind === 'videoinput' && d.deviceId).map((d) => ({ value: d.deviceId, label: d.label }))
}

/**
 * Packing evidence at this station (issue 17): on or off (off by default), the camera over the bench,
 * how long recordings are kept and how much disk they may take. Shift leads see and change it, with a
 * badge and PIN.
 */
export function EvidenceSettingsPanel({ lead, ask }: { lead: boolean; ask: AskApproval }) {
  const { t } = useTranslation('evidence')
  const [settings, setSettings] = useState<EvidenceSettings | null>(null)
  const [devices, setDevices] = useState<{ value: string; label: string }[]>([])
  const outcome = useAction()

  const { fail } = outcome
  useEffect(() => {
    if (!lead) return
    station.evidence.settings({}).then(setSettings, (e) => fail(errorMessage(e)))
    cameras().then(setDevices, () => setDevices([]))
  }, [lead, fail])

  if (!lead || settings === null) return null
  const change = (part: Partial<EvidenceSettings>) => setSettings({ ...settings, ...part })
  const save = () => {
    outcome.clear()
    ask(t('settings.action'), async (approval) => {
      setSettings(await station.evidence.saveSettings({ ...settings, approval }))
      outcome.succeed(t('settings.saved'))
    })
  }
  const message = outcome.notice ?? outcome.error

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>{t('settings.title')}</Title>
        <Switch label={t('settings.enabled')} checked={settings.enabled} onChange={(e) => change({ enabled: e.currentTarget.checked })} />
        <Select
          label={t('settings.camera')}
          data={[
            { value: '', label: t('settings.defaultCamera') },
            ...devices.map((d, i) => ({ value: d.value, label: d.label || t('settings.cameraN', { n: i + 1 }) }))
          ]}
          value={settings.cameraId ?? ''}
          onChange={(v) => change({ cameraId: v ? v : null })}
          allowDeselect={false}
        />
        <Group grow>
          <NumberInput
            label={t('settings.retentionDays')}
            min={1}
            max={3650}
            value={settings.retentionDays}
            onChange={(v) => change({ retentionDays: Number(v) || 1 })}
          />
          <NumberInput
            label={t('settings.quotaMb')}
            min={100}
            value={settings.quotaMb}
            onChange={(v) => change({ quotaMb: Number(v) || 100 })}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('settings.hint')}
        </Text>
        {message !== null && <Alert color={outcome.notice !== null ? 'green' : 'red'}>{message}</Alert>}
        <Group>
          <Button onClick={save}>{t('settings.save')}</Button>
        </Group>
      </Stack>
    </Paper>
  )
}
