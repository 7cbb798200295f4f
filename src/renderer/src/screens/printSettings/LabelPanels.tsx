import { useTranslation } from 'react-i18next'
import { Group, NumberInput, Paper, Select, Switch, TextInput, Title } from '@mantine/core'
import type { PrintSettings } from '../../../../shared/labels'

type PanelProps = { draft: PrintSettings; onChange: (draft: PrintSettings) => void }

/** The label size, the packing slip's paper, and what prints by itself. */
export function LabelOptionsPanel({ draft, onChange }: PanelProps) {
  const { t } = useTranslation('printing')
  const autoPrint = (changes: Partial<PrintSettings['autoPrint']>) => onChange({ ...draft, autoPrint: { ...draft.autoPrint, ...changes } })
  const sizes: { value: PrintSettings['labelSize']; label: string }[] = [
    { value: '4x6in', label: t('settings.size.4x6in') },
    { value: '100x150mm', label: t('settings.size.100x150mm') },
    { value: '4x2in', label: t('settings.size.4x2in') }
  ]
  const papers: { value: PrintSettings['slipPaper']; label: string }[] = [
    { value: 'A4', label: t('settings.paper.A4') },
    { value: 'Letter', label: t('settings.paper.Letter') }
  ]
  return (
    <Paper withBorder p="md" h="100%">
      <Title order={3} mb="sm">
        {t('settings.labels')}
      </Title>
      <Select
        label={t('settings.labelSize')}
        data={sizes}
        value={draft.labelSize}
        allowDeselect={false}
        onChange={(v) => v && onChange({ ...draft, labelSize: v as PrintSettings['labelSize'] })}
      />
      <Select
        mt="sm"
        label={t('settings.slipPaper')}
        data={papers}
        value={draft.slipPaper}
        allowDeselect={false}
        onChange={(v) => v && onChange({ ...draft, slipPaper: v as PrintSettings['slipPaper'] })}
      />
      <Switch
        mt="md"
        size="md"
        label={t('settings.autoBoxLabel')}
        checked={draft.autoPrint.boxLabel}
        onChange={(e) => autoPrint({ boxLabel: e.currentTarget.checked })}
      />
      <Switch
        mt="sm"
        size="md"
        label={t('settings.autoShippingLabel')}
        checked={draft.autoPrint.shippingLabel}
        onChange={(e) => autoPrint({ shippingLabel: e.currentTarget.checked })}
      />
    </Paper>
  )
}

/** The GS1 numbers the SSCC of each box is made of: company prefix, extension digit, this station's serial range. */
export function SsccPanel({ draft, onChange }: PanelProps) {
  const { t } = useTranslation('printing')
  const gs1 = draft.gs1 ?? { companyPrefix: '', extensionDigit: 0 }
  const set = (changes: Partial<NonNullable<PrintSettings['gs1']>>) => onChange({ ...draft, gs1: { ...gs1, ...changes } })
  return (
    <Paper withBorder p="md" h="100%">
      <Title order={3} mb="sm">
        {t('settings.sscc')}
      </Title>
      <TextInput
        label={t('settings.companyPrefix')}
        description={t('settings.companyPrefixHint')}
        value={gs1.companyPrefix}
        onChange={(e) => set({ companyPrefix: e.currentTarget.value.trim() })}
      />
      <NumberInput
        mt="sm"
        label={t('settings.extensionDigit')}
        min={0}
        max={9}
        value={gs1.extensionDigit}
        onChange={(v) => set({ extensionDigit: Number(v) || 0 })}
      />
      <Group grow mt="sm" align="flex-end">
        <NumberInput
          label={t('settings.firstSerial')}
          description={t('settings.firstSerialHint')}
          min={0}
          value={gs1.firstSerial ?? ''}
          onChange={(v) => set({ firstSerial: v === '' ? undefined : Number(v) })}
        />
        <NumberInput
          label={t('settings.lastSerial')}
          description={t('settings.lastSerialHint')}
          min={0}
          value={gs1.lastSerial ?? ''}
          onChange={(v) => set({ lastSerial: v === '' ? undefined : Number(v) })}
        />
      </Group>
    </Paper>
  )
}
