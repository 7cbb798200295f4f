import { Group, Paper, TagsInput, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ScannerSettings } from '../../../../shared/scanners'

type Keyboard = ScannerSettings['keyboard']

/** The keyboard wedge: the prefixes and suffixes stripped from every typed scan. */
export function KeyboardWedgePanel({ keyboard, onChange }: { keyboard: Keyboard; onChange: (keyboard: Keyboard) => void }) {
  const { t } = useTranslation('scanners')
  return (
    <Paper withBorder p="lg">
      <Title order={2} mb="xs">
        {t('keyboard.title')}
      </Title>
      <Text size="lg" mb="md">
        {t('keyboard.intro')}
      </Text>
      <Group grow align="start">
        <TagsInput
          size="lg"
          label={t('keyboard.prefixes')}
          placeholder={t('keyboard.placeholder')}
          value={keyboard.prefixes}
          onChange={(prefixes) => onChange({ ...keyboard, prefixes })}
        />
        <TagsInput
          size="lg"
          label={t('keyboard.suffixes')}
          placeholder={t('keyboard.placeholder')}
          value={keyboard.suffixes}
          onChange={(suffixes) => onChange({ ...keyboard, suffixes })}
        />
      </Group>
    </Paper>
  )
}
