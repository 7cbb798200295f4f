import { SegmentedControl, Select } from '@mantine/core'
import type { HidMode } from '../../../../shared/scanners'
import { ScannerPanel } from './ScannerPanel'
import { controlProps, hidOptions, type HidForm, type ScannerSetup } from './scannerSetup'

const MODES = [
  { value: 'pos', label: 'HID POS barcode reports' },
  { value: 'keyboard', label: 'Keyboard reports' }
]

/** The HID scanner: on or off, the device, and whether it sends barcode or keyboard reports. */
export function HidScannerPanel({ setup, onChange }: { setup: ScannerSetup; onChange: (hid: HidForm) => void }) {
  const { devices, hid } = setup
  const options = hidOptions(setup)
  const control = controlProps(hid.enabled)
  const choose = (path: string | null) => {
    const kind = devices.hidDevices.find((d) => d.path === path)?.kind
    onChange({ ...hid, path, mode: kind === 'keyboard' ? 'keyboard' : 'pos' })
  }
  return (
    <ScannerPanel
      title="HID scanner"
      switchLabel="Use a HID scanner"
      enabled={hid.enabled}
      onEnabled={(enabled) => onChange({ ...hid, enabled })}
      problem={devices.hidProblem}
    >
      <Select
        {...control}
        label="Device"
        placeholder={options.length ? 'Choose the scanner' : 'No HID devices found'}
        data={options}
        value={hid.path}
        onChange={choose}
      />
      <SegmentedControl
        {...control}
        aria-label="HID reports"
        value={hid.mode}
        onChange={(v) => onChange({ ...hid, mode: v as HidMode })}
        data={MODES}
      />
    </ScannerPanel>
  )
}
