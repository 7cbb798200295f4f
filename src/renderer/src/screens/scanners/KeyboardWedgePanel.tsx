import { Group, Paper, TagsInput, Text, Title } from '@mantine/core'
import type { ScannerSettings } from '../../../../shared/scanners'

type Keyboard = ScannerSettings['keyboard']

/** The keyboard wedge: the prefixes and suffixes stripped from every typed scan. */
export function KeyboardWedgePanel({ keyboard, onChange }: { keyboard: Keyboard; onChange: (keyboard: Keyboard) => void }) {
  return (
    <Paper withBorder p="lg">
      <Title order={2} mb="xs">
        Keyboard wedge
      </Title>
      <Text size="lg" mb="md">
        Most USB scanners type like a keyboard into the focused scan field. Prefixes and suffixes set here are stripped from every scan.
      </Text>
      <Group grow align="start">
        <TagsInput
          size="lg"
          label="Prefixes to strip"
          placeholder="Type and press Enter"
          value={keyboard.prefixes}
          onChange={(prefixes) => onChange({ ...keyboard, prefixes })}
        />
        <TagsInput
          size="lg"
          label="Suffixes to strip"
          placeholder="Type and press Enter"
          value={keyboard.suffixes}
          onChange={(suffixes) => onChange({ ...keyboard, suffixes })}
        />
      </Group>
    </Paper>
  )
}
