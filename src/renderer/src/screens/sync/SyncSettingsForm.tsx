import { useEffect, useState, type ChangeEvent } from 'react'
import { Button, Group, NumberInput, Paper, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import type { SyncSettingsView } from '../../../../shared/sync'
import { station } from '../../api'
import type { AskApproval } from '../../components/useApproval'
import { errorMessage, type Action } from '../../useAction'

type SettingsFormProps = {
  isShiftLead: boolean
  ask: AskApproval
  /** Where the form reports: "Settings saved", or settings that could not be loaded. */
  outcome: Pick<Action, 'succeed' | 'fail'>
}

const NO_TOKEN = 'Enter the OMS token for the new address: without it the station cannot sync.'

/** What the station tells after saving: offline, waiting for a token, or syncing with the address. */
function savedText(saved: SyncSettingsView): string {
  if (!saved.omsUrl) return 'No OMS address: the station works offline.'
  if (!saved.tokenStored) return `The OMS address is now ${saved.omsUrl}. ${NO_TOKEN}`
  return `The station now syncs with ${saved.omsUrl}.`
}

function tokenDescription(form: SyncSettingsView): string {
  if (!form.tokenStored) return 'The bearer token the OMS gave this station.'
  return form.tokenEncrypted
    ? 'A token is stored in the system keychain; type a new one to replace it.'
    : 'A token is stored unencrypted (no system keychain); type a new one to replace it.'
}

/** How the station talks to the OMS: address, token, pull interval, export folder; saved with a shift lead's approval. */
export function SyncSettingsForm({ isShiftLead, ask, outcome }: SettingsFormProps) {
  const [form, setForm] = useState<SyncSettingsView | null>(null)
  const [token, setToken] = useState('')
  // A token is bound to the address it was entered for: a new address without one leaves none stored.
  const [tokenNeeded, setTokenNeeded] = useState(false)
  const { fail } = outcome
  useEffect(() => {
    station.sync.settings().then(setForm, (e) => fail(errorMessage(e), 'Settings not saved'))
  }, [fail])
  if (!form) return null
  const set = (changes: Partial<SyncSettingsView>) => setForm({ ...form, ...changes })
  const locked = !isShiftLead
  // Every control: large, and locked unless a shift lead is signed in.
  const field = { size: 'lg', disabled: locked } as const
  // The OMS address and the export folder: text that may be left empty (none).
  const optionalText = (key: 'omsUrl' | 'exportFolder') => ({
    ...field,
    value: form[key] ?? '',
    onChange: (e: ChangeEvent<HTMLInputElement>) => set({ [key]: e.currentTarget.value })
  })

  const save = () =>
    ask('change the OMS settings', async (approval) => {
      const saved = await station.sync.saveSettings({
        omsUrl: form.omsUrl ?? '',
        pullIntervalMinutes: form.pullIntervalMinutes,
        token: token.trim() ? token.trim() : undefined,
        exportEnabled: form.exportEnabled,
        exportFolder: form.exportFolder ?? '',
        approval
      })
      setForm(saved)
      setToken('')
      setTokenNeeded(saved.omsUrl !== null && !saved.tokenStored)
      outcome.succeed(savedText(saved), 'Settings saved')
    })

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>Settings</Title>
        {locked && <Text c="dimmed">Only a shift lead can change these.</Text>}
        <TextInput
          label="OMS address"
          description="e.g. https://oms.example.com — leave empty for an offline station"
          {...optionalText('omsUrl')}
        />
        <PasswordInput
          {...field}
          label="OMS token"
          description={tokenDescription(form)}
          placeholder={form.tokenStored ? 'stored — leave empty to keep' : ''}
          value={token}
          onChange={(e) => setToken(e.currentTarget.value)}
          error={tokenNeeded && !token.trim() ? 'Enter the OMS token for the new address' : undefined}
        />
        <NumberInput
          {...field}
          label="Pull orders every (minutes)"
          min={0.5}
          max={1440}
          step={1}
          value={form.pullIntervalMinutes}
          onChange={(v) => set({ pullIntervalMinutes: Number(v) || 5 })}
          maw={480}
        />
        <Switch
          {...field}
          label="Write export files (NDJSON and CSV) for an OMS that takes files"
          checked={form.exportEnabled}
          onChange={(e) => set({ exportEnabled: e.currentTarget.checked })}
        />
        <TextInput
          label="Export folder"
          description="Full path of a folder the OMS reads, e.g. C:\OMS\outbox"
          {...optionalText('exportFolder')}
        />
        <Group>
          <Button {...field} onClick={save}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
