import { Group, NumberInput, Paper, Select, Switch, TextInput, Title } from '@mantine/core'
import type { PrintSettings } from '../../../../shared/labels'

const SIZE_NAMES = { '4x6in': '4 × 6 in', '100x150mm': '100 × 150 mm', '4x2in': '4 × 2 in' } as const

type PanelProps = { draft: PrintSettings; onChange: (draft: PrintSettings) => void }

/** The label size, the packing slip's paper, and what prints by itself. */
export function LabelOptionsPanel({ draft, onChange }: PanelProps) {
  const autoPrint = (changes: Partial<PrintSettings['autoPrint']>) => onChange({ ...draft, autoPrint: { ...draft.autoPrint, ...changes } })
  return (
    <Paper withBorder p="md" h="100%">
      <Title order={3} mb="sm">
        Labels
      </Title>
      <Select
        label="Label size"
        data={Object.entries(SIZE_NAMES).map(([value, label]) => ({ value, label }))}
        value={draft.labelSize}
        allowDeselect={false}
        onChange={(v) => v && onChange({ ...draft, labelSize: v as PrintSettings['labelSize'] })}
      />
      <Select
        mt="sm"
        label="Packing slip paper"
        data={['A4', 'Letter']}
        value={draft.slipPaper}
        allowDeselect={false}
        onChange={(v) => v && onChange({ ...draft, slipPaper: v as PrintSettings['slipPaper'] })}
      />
      <Switch
        mt="md"
        size="md"
        label="Print the box label when a box is confirmed"
        checked={draft.autoPrint.boxLabel}
        onChange={(e) => autoPrint({ boxLabel: e.currentTarget.checked })}
      />
      <Switch
        mt="sm"
        size="md"
        label="Print the shipping label when the order ships"
        checked={draft.autoPrint.shippingLabel}
        onChange={(e) => autoPrint({ shippingLabel: e.currentTarget.checked })}
      />
    </Paper>
  )
}

/** The GS1 numbers the SSCC of each box is made of: company prefix, extension digit, this station's serial range. */
export function SsccPanel({ draft, onChange }: PanelProps) {
  const gs1 = draft.gs1 ?? { companyPrefix: '', extensionDigit: 0 }
  const set = (changes: Partial<NonNullable<PrintSettings['gs1']>>) => onChange({ ...draft, gs1: { ...gs1, ...changes } })
  return (
    <Paper withBorder p="md" h="100%">
      <Title order={3} mb="sm">
        SSCC (GS1)
      </Title>
      <TextInput
        label="GS1 company prefix"
        description="7 to 10 digits, from your GS1 membership"
        value={gs1.companyPrefix}
        onChange={(e) => set({ companyPrefix: e.currentTarget.value.trim() })}
      />
      <NumberInput
        mt="sm"
        label="Extension digit"
        min={0}
        max={9}
        value={gs1.extensionDigit}
        onChange={(v) => set({ extensionDigit: Number(v) || 0 })}
      />
      <Group grow mt="sm">
        <NumberInput
          label="First serial reference"
          description="this station's range"
          min={0}
          value={gs1.firstSerial ?? ''}
          onChange={(v) => set({ firstSerial: v === '' ? undefined : Number(v) })}
        />
        <NumberInput
          label="Last serial reference"
          description="blank: no limit"
          min={0}
          value={gs1.lastSerial ?? ''}
          onChange={(v) => set({ lastSerial: v === '' ? undefined : Number(v) })}
        />
      </Group>
    </Paper>
  )
}
