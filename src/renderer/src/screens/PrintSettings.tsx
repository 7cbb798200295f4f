// Print settings (saved with a shift lead's badge and PIN): the printer for each kind of
// label from the discovered list or a network printer's address, the label
// size, the packing-slip paper, the GS1 numbers of the SSCC, and auto-print.
import { useEffect, useState } from 'react'
import { Alert, Button, Grid, Group, NumberInput, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { LABEL_KIND_NAMES, LabelKind, type DiscoveredPrinter, type PrinterTarget, type PrintSettings } from '../../../shared/channels/labels'
import { station } from '../api'
import { useApproval } from '../components/useApproval'
import { useAsync } from '../useAsync'

const SIZE_NAMES = { '4x6in': '4 × 6 in', '100x150mm': '100 × 150 mm', '4x2in': '4 × 2 in' } as const

export function PrintSettingsScreen() {
  const loaded = useAsync(() => station.printing.settings(), [])
  const found = useAsync(() => station.printing.printers(), [])
  const [draft, setDraft] = useState<PrintSettings | null>(null)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const approval = useApproval()
  useEffect(() => {
    if (loaded.value) setDraft(loaded.value)
  }, [loaded.value])
  if (loaded.error) return <Alert color="red">{loaded.error}</Alert>
  if (!draft) return null

  const save = () => {
    setMessage(null)
    approval.ask('change the print settings', async (a) => {
      setDraft(await station.printing.saveSettings({ ...draft, approval: a }))
      setMessage({ ok: true, text: 'Print settings saved.' })
    })
  }
  const gs1 = draft.gs1 ?? { companyPrefix: '', extensionDigit: 0 }

  return (
    <Stack maw={1100}>
      <Title order={2}>Print settings</Title>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} aria-label="Settings result">
          {message.text}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          Printers
        </Title>
        {found.value?.problems.map((p) => (
          <Text key={p} size="sm" c="orange">
            {p}
          </Text>
        ))}
        <Stack>
          {LabelKind.options.map((kind) => (
            <PrinterChoice
              key={kind}
              kind={kind}
              value={draft.printers[kind]}
              printers={found.value?.printers ?? []}
              onChange={(target) => setDraft({ ...draft, printers: { ...draft.printers, [kind]: target } })}
            />
          ))}
        </Stack>
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" h="100%">
            <Title order={3} mb="sm">
              Labels
            </Title>
            <Select label="Label size" data={Object.entries(SIZE_NAMES).map(([value, label]) => ({ value, label }))} value={draft.labelSize} allowDeselect={false} onChange={(v) => v && setDraft({ ...draft, labelSize: v as PrintSettings['labelSize'] })} />
            <Select mt="sm" label="Packing slip paper" data={['A4', 'Letter']} value={draft.slipPaper} allowDeselect={false} onChange={(v) => v && setDraft({ ...draft, slipPaper: v as PrintSettings['slipPaper'] })} />
            <Switch mt="md" size="md" label="Print the box label when a box is confirmed" checked={draft.autoPrint.boxLabel} onChange={(e) => setDraft({ ...draft, autoPrint: { ...draft.autoPrint, boxLabel: e.currentTarget.checked } })} />
            <Switch mt="sm" size="md" label="Print the shipping label when the order ships" checked={draft.autoPrint.shippingLabel} onChange={(e) => setDraft({ ...draft, autoPrint: { ...draft.autoPrint, shippingLabel: e.currentTarget.checked } })} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" h="100%">
            <Title order={3} mb="sm">
              SSCC (GS1)
            </Title>
            <TextInput label="GS1 company prefix" description="7 to 10 digits, from your GS1 membership" value={gs1.companyPrefix} onChange={(e) => setDraft({ ...draft, gs1: { ...gs1, companyPrefix: e.currentTarget.value.trim() } })} />
            <NumberInput mt="sm" label="Extension digit" min={0} max={9} value={gs1.extensionDigit} onChange={(v) => setDraft({ ...draft, gs1: { ...gs1, extensionDigit: Number(v) || 0 } })} />
            <Group grow mt="sm">
              <NumberInput label="First serial reference" description="this station's range" min={0} value={gs1.firstSerial ?? ''} onChange={(v) => setDraft({ ...draft, gs1: { ...gs1, firstSerial: v === '' ? undefined : Number(v) } })} />
              <NumberInput label="Last serial reference" description="blank: no limit" min={0} value={gs1.lastSerial ?? ''} onChange={(v) => setDraft({ ...draft, gs1: { ...gs1, lastSerial: v === '' ? undefined : Number(v) } })} />
            </Group>
          </Paper>
        </Grid.Col>
      </Grid>
      <Group>
        <Button size="lg" onClick={save}>
          Save print settings
        </Button>
      </Group>
      {approval.dialog}
    </Stack>
  )
}

const key = (t: PrinterTarget) => JSON.stringify(t.type === 'spooler' ? { type: t.type, queue: t.queue } : t.type === 'electron' ? { type: t.type, name: t.name } : { type: 'network' })

function PrinterChoice({ kind, value, printers, onChange }: { kind: LabelKind; value: PrinterTarget | null; printers: DiscoveredPrinter[]; onChange: (t: PrinterTarget | null) => void }) {
  const options = [
    { value: 'none', label: 'No printer (preview only)' },
    ...printers.map((p) => ({ value: key(p.target), label: `${p.label}${p.isDefault ? ' · default' : ''}` })),
    ...(kind === 'packing_slip' ? [] : [{ value: key({ type: 'network', host: '', port: 9100, language: 'zpl', dpi: 203 }), label: 'Network label printer (ZPL, port 9100)' }])
  ]
  if (value && !options.some((o) => o.value === key(value))) options.push({ value: key(value), label: value.type === 'spooler' ? `${value.queue} (not found now)` : value.type === 'electron' ? `${value.name} (not found now)` : 'Network' })
  const pick = (v: string | null) => {
    if (!v || v === 'none') return onChange(null)
    const found = printers.find((p) => key(p.target) === v)?.target
    if (found) return onChange(found)
    if (JSON.parse(v).type === 'network') return onChange({ type: 'network', host: value?.type === 'network' ? value.host : '', port: 9100, language: 'zpl', dpi: 203 })
  }
  return (
    <Group align="flex-end" wrap="wrap" aria-label={`${LABEL_KIND_NAMES[kind]} printer`}>
      <Select w={340} label={LABEL_KIND_NAMES[kind]} data={options} value={value ? key(value) : 'none'} allowDeselect={false} onChange={pick} />
      {value?.type === 'network' && (
        <>
          <TextInput size="sm" w={200} label="Printer address" placeholder="192.168.1.50" value={value.host} onChange={(e) => onChange({ ...value, host: e.currentTarget.value.trim() })} />
          <NumberInput size="sm" w={100} label="Port" min={1} max={65535} value={value.port} onChange={(v) => onChange({ ...value, port: Number(v) || 9100 })} />
        </>
      )}
      {value?.type === 'spooler' && kind !== 'packing_slip' && (
        <Select w={200} label="Language" data={[{ value: 'pdf', label: 'PDF' }, { value: 'zpl', label: 'ZPL (raw queue)' }]} value={value.language} allowDeselect={false} onChange={(v) => v && onChange({ ...value, language: v as 'pdf' | 'zpl' })} />
      )}
      {value && value.type !== 'electron' && value.language === 'zpl' && (
        <Select w={120} label="Resolution" data={['203', '300']} value={String(value.dpi)} allowDeselect={false} onChange={(v) => v && onChange({ ...value, dpi: Number(v) as 203 | 300 })} />
      )}
    </Group>
  )
}
