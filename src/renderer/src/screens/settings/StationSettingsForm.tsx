import { Button, Group, Paper, SegmentedControl, Slider, Stack, Switch, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LanguageSelect } from '../../components/LanguageSelect'
import type { StationSettingsView as StationSettings } from '../../../../shared/settings'
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
  const { t } = useTranslation('settings')
  return (
    <Paper withBorder p="md">
      <Stack>
        <div>
          <Text fw={700} size="lg">
            {t('station.handEntry')}
          </Text>
          <Text c="dimmed">{t('station.handEntryHint')}</Text>
          <SegmentedControl
            mt="xs"
            size="md"
            aria-label={t('station.handEntry')}
            disabled={!lead}
            value={settings.handEntryPolicy}
            onChange={(v) => set({ handEntryPolicy: v as StationSettings['handEntryPolicy'] })}
            data={[
              { value: 'allowed', label: t('station.allowed') },
              { value: 'approval', label: t('station.withPin') },
              { value: 'refused', label: t('station.refused') }
            ]}
          />
        </div>
        <ScanSoundVolume volume={settings.feedbackVolume} lead={lead} onChange={(feedbackVolume) => set({ feedbackVolume })} />
        <div>
          <Text fw={700} size="lg">
            {t('station.language')}
          </Text>
          <Text c="dimmed">{t('station.languageHint')}</Text>
          <LanguageSelect value={settings.language} disabled={!lead} onChange={(language) => language && set({ language })} />
        </div>
        <div>
          <Text fw={700} size="lg">
            {t('station.signIn')}
          </Text>
          <Switch
            mt="xs"
            size="lg"
            disabled={!lead}
            label={t('station.operatorPin')}
            description={t('station.operatorPinHint')}
            checked={settings.operatorSignInPin}
            onChange={(e) => set({ operatorSignInPin: e.currentTarget.checked })}
          />
        </div>
        <Group>
          <Button size="lg" disabled={!lead} onClick={onSave}>
            {t('station.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

/** The volume slider, and Test sound to hear it (before it is saved). */
function ScanSoundVolume({ volume, lead, onChange }: { volume: number; lead: boolean; onChange: (volume: number) => void }) {
  const { t } = useTranslation('settings')
  return (
    <div>
      <Text fw={700} size="lg">
        {t('station.volume')}
      </Text>
      <Group>
        <Slider
          w={360}
          aria-label={t('station.volume')}
          disabled={!lead}
          min={0}
          max={1}
          step={0.05}
          value={volume}
          onChange={onChange}
          label={(v) => t('station.percent', { value: v })}
        />
        <Button
          variant="light"
          onClick={() => {
            setFeedbackVolume(volume)
            playFeedback('ok')
          }}
        >
          {t('station.testSound')}
        </Button>
      </Group>
    </div>
  )
}
