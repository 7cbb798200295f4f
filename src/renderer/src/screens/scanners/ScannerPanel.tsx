import type { ReactNode } from 'react'
import { Alert, Group, Paper, Stack, Switch, Title } from '@mantine/core'

type ScannerPanelProps = {
  title: string
  /** The switch that turns this kind of scanner on or off. */
  switchLabel: string
  enabled: boolean
  onEnabled: (enabled: boolean) => void
  /** Why the station could not list these devices, if it could not. */
  problem: string | null
  /** The scanner's settings: dimmed while it is off. */
  children: ReactNode
}

/** A scanner's panel on the Scanners screen: its title and on/off switch, a device-listing problem, then its settings. */
export function ScannerPanel({ title, switchLabel, enabled, onEnabled, problem, children }: ScannerPanelProps) {
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="md">
        <Title order={2}>{title}</Title>
        <Switch size="lg" label={switchLabel} checked={enabled} onChange={(e) => onEnabled(e.currentTarget.checked)} />
      </Group>
      {problem && (
        <Alert color="orange" mb="md">
          {problem}
        </Alert>
      )}
      <Stack gap="md" style={{ opacity: enabled ? 1 : 0.5 }}>
        {children}
      </Stack>
    </Paper>
  )
}
