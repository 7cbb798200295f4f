import { useCallback, useEffect, useState } from 'react'
import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Switch, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { EvidenceSettings } from '../../../../shared/evidence'
import { decimalSign } from '../../../../shared/numberFormat'
import { station } from '../../api'
import { errorMessage, useAction } from '../../useAction'
import type { AskApproval } from '../useApproval'
import { QUOTA_MB, readWholeNumber, RETENTION_DAYS } from './wholeNumber'

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
  const { t, i18n: screen } = useTranslation('evidence')
  const language = screen.language
  const [settings, setSettings] = useState<EvidenceSettings | null>(null)
  // The days and megabytes as typed, read as numbers only on Save: a field being retyped (emptied, "1" of
  // "120") must not jump to a default while the shift lead types.
  const [days, setDays] = useState<string | number>('')
  const [quota, setQuota] = useState<string | number>('')
  const [wrong, setWrong] = useState({ days: false, quota: false })
  const [devices, setDevices] = useState<{ value: string; label: string }[]>([])
  const outcome = useAction()

  const { fail } = outcome
  const loaded = useCallback((from: EvidenceSettings) => {
    setSettings(from)
    setDays(from.retentionDays)
    setQuota(from.quotaMb)
  }, [])
  useEffect(() => {
    if (!lead) return
    station.evidence.settings({}).then(loaded, (e) => fail(errorMessage(e)))
    cameras().then(setDevices, () => setDevices([]))
  }, [lead, fail, loaded])

  if (!lead || settings === null) return null
  const change = (part: Partial<EvidenceSettings>) => setSettings({ ...settings, ...part })
  const retentionDays = readWholeNumber(days, language, RETENTION_DAYS)
  const quotaMb = readWholeNumber(quota, language, QUOTA_MB)
  const save = () => {
    outcome.clear()
    // A value that cannot be read is said at its field, and nothing is asked or saved.
    setWrong({ days: retentionDays === null, quota: quotaMb === null })
    if (retentionDays === null || quotaMb === null) return
    ask(t('settings.action'), async (approval) => {
      loaded(await station.evidence.saveSettings({ ...settings, retentionDays, quotaMb, approval }))
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
            min={RETENTION_DAYS.min}
            max={RETENTION_DAYS.max}
            allowDecimal={false}
            clampBehavior="none"
            decimalSeparator={decimalSign(language)}
            value={days}
            onChange={(v) => {
              setDays(v)
              setWrong({ ...wrong, days: false })
            }}
            error={wrong.days ? t('settings.retentionDaysRange', RETENTION_DAYS) : undefined}
          />
          <NumberInput
            label={t('settings.quotaMb')}
            min={QUOTA_MB.min}
            max={QUOTA_MB.max}
            allowDecimal={false}
            clampBehavior="none"
            decimalSeparator={decimalSign(language)}
            value={quota}
            onChange={(v) => {
              setQuota(v)
              setWrong({ ...wrong, quota: false })
            }}
            error={wrong.quota ? t('settings.quotaMbRange', QUOTA_MB) : undefined}
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
