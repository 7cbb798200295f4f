import { SegmentedControl, Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { HidMode } from '../../../../shared/scanners'
import { answerText } from '../../useAction'
import { ScannerPanel } from './ScannerPanel'
import { controlProps, hidOptions, type HidForm, type ScannerSetup } from './scannerSetup'

/** The HID scanner: on or off, the device, and whether it sends barcode or keyboard reports. */
export function HidScannerPanel({ setup, onChange }: { setup: ScannerSetup; onChange: (hid: HidForm) => void }) {
  const { t } = useTranslation('scanners')
  const { devices, hid } = setup
  const options = hidOptions(setup)
  const control = controlProps(hid.enabled)
  const choose = (path: string | null) => {
    const kind = devices.hidDevices.find((d) => d.path === path)?.kind
    onChange({ ...hid, path, mode: kind === 'keyboard' ? 'keyboard' : 'pos' })
  }
  return (
    <ScannerPanel
      title={t('hid.title')}
      switchLabel={t('hid.use')}
      enabled={hid.enabled}
      onEnabled={(enabled) => onChange({ ...hid, enabled })}
      problem={devices.hidProblem && answerText({ message: devices.hidProblem, words: devices.hidProblemWords ?? undefined })}
    >
      <Select
        {...control}
        label={t('hid.device')}
        placeholder={options.length ? t('hid.choose') : t('hid.noDevices')}
        data={options}
        value={hid.path}
        onChange={choose}
      />
      <SegmentedControl
        {...control}
        aria-label={t('hid.reports')}
        value={hid.mode}
        onChange={(v) => onChange({ ...hid, mode: v as HidMode })}
        data={[
          { value: 'pos', label: t('hid.mode.pos') },
          { value: 'keyboard', label: t('hid.mode.keyboard') }
        ]}
      />
    </ScannerPanel>
  )
}
