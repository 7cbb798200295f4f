import { Group, NumberInput, SegmentedControl, Select, Text, TextInput } from '@mantine/core'
import { BAUD_RATES, type ScannerDevices, type SerialSuffix } from '../../../../shared/scanners'
import { ScannerPanel } from './ScannerPanel'
import { controlProps, OTHER, portOptions, type SerialForm } from './scannerSetup'

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
  const control = controlProps(serial.enabled)
  return (
    <ScannerPanel
      title="Serial scanner"
      switchLabel="Use a serial scanner"
      enabled={serial.enabled}
      onEnabled={(enabled) => set({ enabled })}
      problem={devices.serialProblem}
    >
      <Select
        {...control}
        label="Port"
        placeholder="Choose the scanner's port"
        data={portOptions(devices, serial)}
        value={serial.port || null}
        onChange={(v) => set({ port: v ?? '' })}
      />
      {serial.port === OTHER && (
        <TextInput
          {...control}
          label="Port path"
          placeholder="COM5 or /dev/ttyS0"
          classNames={{ input: 'mono' }}
          value={serial.otherPath}
          onChange={(e) => set({ otherPath: e.currentTarget.value })}
        />
      )}
      <Group grow align="start">
        <Select
          {...control}
          label="Baud rate"
          data={BAUD_RATES.map(String)}
          value={serial.baudRate}
          onChange={(v) => set({ baudRate: v ?? '9600' })}
          allowDeselect={false}
        />
        {serial.suffix === 'timeout' && (
          <NumberInput
            {...control}
            label="Pause that ends a scan (ms)"
            min={10}
            max={2000}
            value={serial.timeoutMs}
            onChange={(v) => set({ timeoutMs: Number(v) || 50 })}
          />
        )}
      </Group>
      <div>
        <Text fw={600} size="lg" mb={4}>
          A scan ends with
        </Text>
        <SegmentedControl
          {...control}
          aria-label="A scan ends with"
          value={serial.suffix}
          onChange={(v) => set({ suffix: v as SerialSuffix })}
          data={SUFFIXES}
        />
      </div>
    </ScannerPanel>
  )
}
