import { Alert, Group, Paper, SegmentedControl, Select, Stack, Switch, Title } from '@mantine/core'
import type { HidMode } from '../../../../shared/scanners'
import { hidOptions, type HidForm, type ScannerSetup } from './scannerSetup'

const MODES = [
  { value: 'pos', label: 'HID POS barcode reports' },
  { value: 'keyboard', label: 'Keyboard reports' }
]

/** The HID scanner: on or off, the device, and whether it sends barcode or keyboard reports. */
export function HidScannerPanel({ setup, onChange }: { setup: ScannerSetup; onChange: (hid: HidForm) => void }) {
  const { devices, hid } = setup
  const options = hidOptions(setup)
  const choose = (path: string | null) => {
    const kind = devices.hidDevices.find((d) => d.path === path)?.kind
    onChange({ ...hid, path, mode: kind === 'keyboard' ? 'keyboard' : 'pos' })
  }
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="md">
        <Title order={2}>HID scanner</Title>
        <Switch
          size="lg"
          label="Use a HID scanner"
          checked={hid.enabled}
          onChange={(e) => onChange({ ...hid, enabled: e.currentTarget.checked })}
        />
      </Group>
      {devices.hidProblem && (
        <Alert color="orange" mb="md">
          {devices.hidProblem}
        </Alert>
      )}
      <Stack gap="md" style={{ opacity: hid.enabled ? 1 : 0.5 }}>
        <Select
          size="lg"
          label="Device"
          placeholder={options.length ? 'Choose the scanner' : 'No HID devices found'}
          data={options}
          value={hid.path}
          disabled={!hid.enabled}
          onChange={choose}
        />
        <SegmentedControl
          size="lg"
          aria-label="HID reports"
          disabled={!hid.enabled}
          value={hid.mode}
          onChange={(v) => onChange({ ...hid, mode: v as HidMode })}
          data={MODES}
        />
      </Stack>
    </Paper>
  )
}
