import { Group, NumberInput, SegmentedControl, Select, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { BAUD_RATES, type ScannerDevices, type SerialSuffix } from '../../../../shared/scanners'
import { answerText } from '../../useAction'
import { ScannerPanel } from './ScannerPanel'
import { controlProps, OTHER, portOptions, type SerialForm } from './scannerSetup'

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
  const { t } = useTranslation('scanners')
  const set = (changes: Partial<SerialForm>) => onChange({ ...serial, ...changes })
  const control = controlProps(serial.enabled)
  return (
    <ScannerPanel
      title={t('serial.title')}
      switchLabel={t('serial.use')}
      enabled={serial.enabled}
      onEnabled={(enabled) => set({ enabled })}
      problem={devices.serialProblem && answerText({ message: devices.serialProblem, words: devices.serialProblemWords ?? undefined })}
    >
      <Select
        {...control}
        label={t('serial.port')}
        placeholder={t('serial.portPlaceholder')}
        data={portOptions(devices, serial)}
        value={serial.port || null}
        onChange={(v) => set({ port: v ?? '' })}
      />
      {serial.port === OTHER && (
        <TextInput
          {...control}
          label={t('serial.portPath')}
          placeholder={t('serial.portPathPlaceholder')}
          classNames={{ input: 'mono' }}
          value={serial.otherPath}
          onChange={(e) => set({ otherPath: e.currentTarget.value })}
        />
      )}
      <Group grow align="start">
        <Select
          {...control}
          label={t('serial.baudRate')}
          data={BAUD_RATES.map(String)}
          value={serial.baudRate}
          onChange={(v) => set({ baudRate: v ?? '9600' })}
          allowDeselect={false}
        />
        {serial.suffix === 'timeout' && (
          <NumberInput
            {...control}
            label={t('serial.pause')}
            min={10}
            max={2000}
            value={serial.timeoutMs}
            onChange={(v) => set({ timeoutMs: Number(v) || 50 })}
          />
        )}
      </Group>
      <div>
        <Text fw={600} size="lg" mb={4}>
          {t('serial.endsWith')}
        </Text>
        <SegmentedControl
          {...control}
          aria-label={t('serial.endsWith')}
          value={serial.suffix}
          onChange={(v) => set({ suffix: v as SerialSuffix })}
          data={[
            { value: 'cr', label: t('serial.suffix.cr') },
            { value: 'lf', label: t('serial.suffix.lf') },
            { value: 'crlf', label: t('serial.suffix.crlf') },
            { value: 'timeout', label: t('serial.suffix.timeout') }
          ]}
        />
      </div>
    </ScannerPanel>
  )
}
