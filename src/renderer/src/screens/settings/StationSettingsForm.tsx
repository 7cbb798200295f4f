import { Button, Group, Paper, SegmentedControl, Slider, Stack, Switch, Text } from '@mantine/core'
import type { StationSettings } from '../../../../shared/settings'
import { playFeedback, setFeedbackVolume } from '../../feedback/sounds'

type StationSettingsFormProps = {
  settings: StationSettings
  /** Only a shift lead changes them: for anyone else the fields are read-only. */
  lead: boolean
  onChange: (settings: StationSettings) => void
  onSave: () => void
}

/** Serials typed by hand, the scan sound's volume, and whether operators sign in with a PIN. */
export function StationSettingsForm({ settings, lead, onChange, onSave }: StationSettingsFormProps) {
  const set = (changes: Partial<StationSettings>) => onChange({ ...settings, ...changes })
  return (
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
            onChange={(v) => set({ handEntryPolicy: v as StationSettings['handEntryPolicy'] })}
            data={[
              { value: 'allowed', label: 'Allowed' },
              { value: 'approval', label: "With a shift lead's PIN" },
              { value: 'refused', label: 'Refused' }
            ]}
          />
        </div>
        <ScanSoundVolume volume={settings.feedbackVolume} lead={lead} onChange={(feedbackVolume) => set({ feedbackVolume })} />
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
            onChange={(e) => set({ operatorSignInPin: e.currentTarget.checked })}
          />
        </div>
        <Group>
          <Button size="lg" disabled={!lead} onClick={onSave}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

/** The volume slider, and Test sound to hear it (before it is saved). */
function ScanSoundVolume({ volume, lead, onChange }: { volume: number; lead: boolean; onChange: (volume: number) => void }) {
  return (
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
          value={volume}
          onChange={onChange}
          label={(v) => `${Math.round(v * 100)}%`}
        />
        <Button
          variant="light"
          onClick={() => {
            setFeedbackVolume(volume)
            playFeedback('ok')
          }}
        >
          Test sound
        </Button>
      </Group>
    </div>
  )
}
