import { useEffect, useState, type ChangeEvent } from 'react'
import { Button, Group, NumberInput, Paper, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { decimalSign, parseDecimal } from '../../../../shared/numberFormat'
import type { SyncSettingsView } from '../../../../shared/sync'
import { station } from '../../api'
import type { AskApproval } from '../../components/useApproval'
import { i18n } from '../../i18n'
import { errorMessage, type Action } from '../../useAction'

type SettingsFormProps = {
  isShiftLead: boolean
  ask: AskApproval
  /** Where the form reports: "Settings saved", or settings that could not be loaded. */
  outcome: Pick<Action, 'succeed' | 'fail'>
}

/** What the station tells after saving: offline, waiting for a token, or syncing with the address. */
function savedText(saved: SyncSettingsView): string {
  if (!saved.omsUrl) return i18n.t('sync:settings.savedOffline')
  if (!saved.tokenStored) return i18n.t('sync:settings.savedNoToken', { url: saved.omsUrl })
  return i18n.t('sync:settings.savedSyncing', { url: saved.omsUrl })
}

function tokenDescription(form: SyncSettingsView): string {
  if (!form.tokenStored) return i18n.t('sync:settings.tokenNew')
  return form.tokenEncrypted ? i18n.t('sync:settings.tokenKeychain') : i18n.t('sync:settings.tokenUnencrypted')
}

/** The pull interval the station takes: every 30 seconds at most, once a day at least (the core checks it too). */
const PULL_MINUTES = { min: 0.5, max: 1440 }

/**
 * How the station talks to the OMS: address, token, pull interval, export folder; saved with a shift lead's
 * approval. A shift lead's to read as well (sync:settings): an operator is told so, and the station is not asked.
 */
export function SyncSettingsForm({ isShiftLead, ask, outcome }: SettingsFormProps) {
  const { t } = useTranslation('sync')
  if (isShiftLead) return <SyncSettingsEditor ask={ask} outcome={outcome} />
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>{t('settings.title')}</Title>
        <Text size="lg" c="dimmed">
          {t('settings.shiftLeadOnly')}
        </Text>
      </Stack>
    </Paper>
  )
}

function SyncSettingsEditor({ ask, outcome }: Omit<SettingsFormProps, 'isShiftLead'>) {
  const { t, i18n: screen } = useTranslation('sync')
  const language = screen.language
  const [form, setForm] = useState<SyncSettingsView | null>(null)
  // The pull interval as typed ("0,5" in Polish, "0.5" in English), read as a number only on Save: a field
  // half-typed ("0,") is not a number yet and must not jump to another value while the shift lead types.
  const [pullInterval, setPullInterval] = useState<string | number>('')
  const [intervalWrong, setIntervalWrong] = useState(false)
  const [token, setToken] = useState('')
  // A token is bound to the address it was entered for: a new address without one leaves none stored.
  const [tokenNeeded, setTokenNeeded] = useState(false)
  const { fail } = outcome
  useEffect(() => {
    station.sync.settings().then(
      (loaded) => {
        setForm(loaded)
        setPullInterval(loaded.pullIntervalMinutes)
      },
      (e) => fail(errorMessage(e), i18n.t('sync:settings.notSaved'))
    )
  }, [fail])
  if (!form) return null
  const set = (changes: Partial<SyncSettingsView>) => setForm({ ...form, ...changes })
  const field = { size: 'lg' } as const
  // The OMS address and the export folder: text that may be left empty (none).
  const optionalText = (key: 'omsUrl' | 'exportFolder') => ({
    ...field,
    value: form[key] ?? '',
    onChange: (e: ChangeEvent<HTMLInputElement>) => set({ [key]: e.currentTarget.value })
  })

  const omsUrl = optionalText('omsUrl')
  const exportFolder = optionalText('exportFolder')

  const minutes = parseDecimal(pullInterval, language)
  const intervalOk = minutes !== null && minutes >= PULL_MINUTES.min && minutes <= PULL_MINUTES.max

  const save = () => {
    // A refused interval is said at the field, and nothing is asked or saved.
    setIntervalWrong(!intervalOk)
    if (!intervalOk || minutes === null) return
    return ask(t('settings.approveSave'), async (approval) => {
      const saved = await station.sync.saveSettings({
        omsUrl: form.omsUrl ?? '',
        pullIntervalMinutes: minutes,
        token: token.trim() ? token.trim() : undefined,
        exportEnabled: form.exportEnabled,
        exportFolder: form.exportFolder ?? '',
        approval
      })
      setForm(saved)
      setPullInterval(saved.pullIntervalMinutes)
      setToken('')
      setTokenNeeded(saved.omsUrl !== null && !saved.tokenStored)
      outcome.succeed(savedText(saved), t('settings.saved'))
    })
  }

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>{t('settings.title')}</Title>
        <TextInput label={t('settings.omsUrl')} description={t('settings.omsUrlHint')} {...omsUrl} />
        <PasswordInput
          {...field}
          label={t('settings.token')}
          description={tokenDescription(form)}
          placeholder={form.tokenStored ? t('settings.tokenKeep') : ''}
          value={token}
          onChange={(e) => setToken(e.currentTarget.value)}
          error={tokenNeeded && !token.trim() ? t('settings.tokenNeeded') : undefined}
        />
        <NumberInput
          {...field}
          label={t('settings.pullInterval')}
          min={PULL_MINUTES.min}
          max={PULL_MINUTES.max}
          step={1}
          decimalScale={2}
          decimalSeparator={decimalSign(language)}
          value={pullInterval}
          onChange={(v) => {
            setPullInterval(v)
            setIntervalWrong(false)
          }}
          error={intervalWrong ? t('settings.pullIntervalRange', PULL_MINUTES) : undefined}
          maw={480}
        />
        <Switch
          {...field}
          label={t('settings.exportEnabled')}
          checked={form.exportEnabled}
          onChange={(e) => set({ exportEnabled: e.currentTarget.checked })}
        />
        <TextInput label={t('settings.exportFolder')} description={t('settings.exportFolderHint')} {...exportFolder} />
        <Group>
          <Button {...field} onClick={save}>
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
