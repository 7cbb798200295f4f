import { Alert, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { BAUD_RATES, type ScannerDevices, type SerialSuffix } from '../../../../shared/scanners'
import { OTHER, portOptions, type SerialForm } from './scannerSetup'

const SUFFIXES = [
  { value: 'cr', label: 'CR' },
  { value: 'lf', label: 'LF' },
  { value: 'crlf', label: 'CR LF' },
  { value: 'timeout', label: 'A pause (no suffix)' }
]

/** The serial scanner: on or off, its port (from the list or typed), baud rate, and what ends a scan. */
export function SerialScannerPanel({
  devices,
  serial,
  onChange
}: {
  devices: ScannerDevices
  serial: SerialForm
  onChange: (serial: SerialForm) => void
}) {
  const set = (changes: Partial<SerialForm>) => onChange({ ...serial, ...changes })
  const off = !serial.enabled
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="md">
        <Title order={2}>Serial scanner</Title>
        <Switch
          size="lg"
          label="Use a serial scanner"
          checked={serial.enabled}
          onChange={(e) => set({ enabled: e.currentTarget.checked })}
        />
      </Group>
      {devices.serialProblem && (
        <Alert color="orange" mb="md">
          {devices.serialProblem}
        </Alert>
      )}
      <Stack gap="md" style={{ opacity: serial.enabled ? 1 : 0.5 }}>
        <Select
          size="lg"
          label="Port"
          placeholder="Choose the scanner's port"
          data={portOptions(devices, serial)}
          value={serial.port || null}
          disabled={off}
          onChange={(v) => set({ port: v ?? '' })}
        />
        {serial.port === OTHER && (
          <TextInput
            size="lg"
            label="Port path"
            placeholder="COM5 or /dev/ttyS0"
            classNames={{ input: 'mono' }}
            value={serial.otherPath}
            disabled={off}
            onChange={(e) => set({ otherPath: e.currentTarget.value })}
          />
        )}
        <Group grow align="start">
          <Select
            size="lg"
            label="Baud rate"
            data={BAUD_RATES.map(String)}
            value={serial.baudRate}
            disabled={off}
            onChange={(v) => set({ baudRate: v ?? '9600' })}
            allowDeselect={false}
          />
          {serial.suffix === 'timeout' && (
            <NumberInput
              size="lg"
              label="Pause that ends a scan (ms)"
              min={10}
              max={2000}
              value={serial.timeoutMs}
              disabled={off}
              onChange={(v) => set({ timeoutMs: Number(v) || 50 })}
            />
          )}
        </Group>
        <div>
          <Text fw={600} size="lg" mb={4}>
            A scan ends with
          </Text>
          <SegmentedControl
            size="lg"
            aria-label="A scan ends with"
            disabled={off}
            value={serial.suffix}
            onChange={(v) => set({ suffix: v as SerialSuffix })}
            data={SUFFIXES}
          />
        </div>
      </Stack>
    </Paper>
  )
}
