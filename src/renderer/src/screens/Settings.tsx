import { useEffect, useState } from 'react'
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Slider,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title
} from '@mantine/core'
import type { BoxPreset, StationSettings } from '../../../shared/channels/packing'
import type { Operator } from '../../../shared/schemas'
import { station } from '../api'
import { type AskApproval, useApproval } from '../components/useApproval'
import { setFeedbackVolume, playFeedback } from '../feedback/sounds'

/**
 * Station settings (a shift lead changes them, each save approved with a shift
 * lead's badge and PIN): hand-entry policy, feedback volume, operators' sign-in PIN, box presets.
 */
export function SettingsScreen({ operator }: { operator: Operator }) {
  const lead = operator.role === 'shift_lead'
  const [settings, setSettings] = useState<StationSettings | null>(null)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const approval = useApproval()

  useEffect(() => {
    station.settings.station().then(setSettings, (e: Error) => setMessage({ ok: false, text: e.message }))
  }, [])

  const save = () => {
    setMessage(null)
    approval.ask('change the station settings', async (a) => {
      const saved = await station.settings.saveStation({ ...settings!, approval: a })
      setSettings(saved)
      setFeedbackVolume(saved.feedbackVolume)
      setMessage({ ok: true, text: 'Settings saved.' })
    })
  }

  return (
    <Stack maw={1100}>
      <Title order={2}>Settings</Title>
      {!lead && <Alert color="gray">Only a shift lead can change these settings.</Alert>}
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role="alert">
          {message.text}
        </Alert>
      )}
      {settings && (
        <Paper withBorder p="md">
          <Stack>
            <div>
              <Text fw={700} size="lg">
                Serials typed by hand
              </Text>
              <Text c="dimmed">Told apart from scans by keystroke timing. Each unit records how it was entered.</Text>
              <SegmentedControl
                mt="xs"
                size="md"
                aria-label="Serials typed by hand"
                disabled={!lead}
                value={settings.handEntryPolicy}
                onChange={(v) => setSettings({ ...settings, handEntryPolicy: v as StationSettings['handEntryPolicy'] })}
                data={[
                  { value: 'allowed', label: 'Allowed' },
                  { value: 'approval', label: "With a shift lead's PIN" },
                  { value: 'refused', label: 'Refused' }
                ]}
              />
            </div>
            <div>
              <Text fw={700} size="lg">
                Scan sound volume
              </Text>
              <Group>
                <Slider
                  w={360}
                  aria-label="Scan sound volume"
                  disabled={!lead}
                  min={0}
                  max={1}
                  step={0.05}
                  value={settings.feedbackVolume}
                  onChange={(v) => setSettings({ ...settings, feedbackVolume: v })}
                  label={(v) => `${Math.round(v * 100)}%`}
                />
                <Button
                  variant="light"
                  onClick={() => {
                    setFeedbackVolume(settings.feedbackVolume)
                    playFeedback('ok')
                  }}
                >
                  Test sound
                </Button>
              </Group>
            </div>
            <div>
              <Text fw={700} size="lg">
                Sign-in
              </Text>
              <Switch
                mt="xs"
                size="lg"
                disabled={!lead}
                label="Operators sign in with a PIN too"
                description="Shift leads always sign in with their PIN. An operator without a PIN gets one on the Operators screen."
                checked={settings.operatorSignInPin}
                onChange={(e) => setSettings({ ...settings, operatorSignInPin: e.currentTarget.checked })}
              />
            </div>
            <Group>
              <Button size="lg" disabled={!lead} onClick={save}>
                Save settings
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <BoxPresets lead={lead} ask={approval.ask} />
      {approval.dialog}
    </Stack>
  )
}

const EMPTY = { name: '', lengthMm: '' as number | string, widthMm: '' as number | string, heightMm: '' as number | string, maxWeightKg: '' as number | string }

function BoxPresets({ lead, ask }: { lead: boolean; ask: AskApproval }) {
  const [presets, setPresets] = useState<BoxPreset[]>([])
  const [draft, setDraft] = useState<typeof EMPTY & { id?: number }>(EMPTY)
  const [error, setError] = useState<string | null>(null)
  const load = () => station.presets.list().then(setPresets, (e: Error) => setError(e.message))
  useEffect(() => {
    void load()
  }, [])

  const save = () => {
    setError(null)
    const name = draft.name.trim()
    ask(draft.id ? `change box preset ${name}` : `add box preset ${name}`, async (approval) => {
      await station.presets.save({
        id: draft.id,
        name: draft.name,
        lengthMm: Number(draft.lengthMm),
        widthMm: Number(draft.widthMm),
        heightMm: Number(draft.heightMm),
        maxWeightG: Math.round(Number(draft.maxWeightKg) * 1000),
        approval
      })
      setDraft(EMPTY)
      await load()
    })
  }
  const remove = (preset: BoxPreset) => {
    setError(null)
    ask(
      `delete box preset ${preset.name}`,
      async (approval) => {
        await station.presets.delete({ id: preset.id, approval })
        await load()
      },
      { approveLabel: 'Delete' }
    )
  }

  return (
    <Paper withBorder p="md">
      <Title order={3}>Box presets</Title>
      <Table fz="md" verticalSpacing="sm" aria-label="Box presets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>L × W × H (mm)</Table.Th>
            <Table.Th>Max weight</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {presets.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td fw={700}>{p.name}</Table.Td>
              <Table.Td>
                {p.lengthMm} × {p.widthMm} × {p.heightMm}
              </Table.Td>
              <Table.Td>{p.maxWeightG / 1000} kg</Table.Td>
              <Table.Td>
                {lead && (
                  <Group gap="xs">
                    <Button size="xs" variant="light" onClick={() => setDraft({ id: p.id, name: p.name, lengthMm: p.lengthMm, widthMm: p.widthMm, heightMm: p.heightMm, maxWeightKg: p.maxWeightG / 1000 })}>
                      Edit
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove(p)}>
                      Delete
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {lead && (
        <Group align="end" mt="md">
          <TextInput label="Preset name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} w={220} />
          <NumberInput label="Length (mm)" value={draft.lengthMm} onChange={(v) => setDraft({ ...draft, lengthMm: v })} w={130} />
          <NumberInput label="Width (mm)" value={draft.widthMm} onChange={(v) => setDraft({ ...draft, widthMm: v })} w={130} />
          <NumberInput label="Height (mm)" value={draft.heightMm} onChange={(v) => setDraft({ ...draft, heightMm: v })} w={130} />
          <NumberInput label="Max weight (kg)" value={draft.maxWeightKg} decimalScale={2} onChange={(v) => setDraft({ ...draft, maxWeightKg: v })} w={150} />
          <Button onClick={save}>{draft.id ? 'Save preset' : 'Add preset'}</Button>
          {draft.id && (
            <Button variant="subtle" onClick={() => setDraft(EMPTY)}>
              Cancel
            </Button>
          )}
        </Group>
      )}
      {error && (
        <Alert color="red" mt="sm" role="alert">
          {error}
        </Alert>
      )}
    </Paper>
  )
}
