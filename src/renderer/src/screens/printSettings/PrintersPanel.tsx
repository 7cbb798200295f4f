import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { LabelKind, type DiscoveredPrinter, type PrinterTarget, type PrintSettings } from '../../../../shared/labels'
import type { Words } from '../../../../shared/words'
import { answerText } from '../../useAction'

type Printers = PrintSettings['printers']

/** The printer for each kind of label, from the printers found (and their problems) or a network printer. */
export function PrintersPanel(props: {
  printers: Printers
  found: DiscoveredPrinter[]
  problems: string[]
  /** The problems as catalogue words, worded in the language on screen (else the English `problems`). */
  problemWords?: Words[]
  onChange: (printers: Printers) => void
}) {
  const { printers, found, onChange } = props
  const problems = props.problems.map((message, i) => answerText({ message, words: props.problemWords?.[i] }))
  const { t } = useTranslation('printing')
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {t('printers.title')}
      </Title>
      {problems.map((p) => (
        <Text key={p} size="sm" c="orange">
          {p}
        </Text>
      ))}
      <Stack>
        {LabelKind.options.map((kind) => (
          <PrinterChoice
            key={kind}
            kind={kind}
            value={printers[kind]}
            printers={found}
            onChange={(target) => onChange({ ...printers, [kind]: target })}
          />
        ))}
      </Stack>
    </Paper>
  )
}

/** A printer target as a Select value: the same printer gives the same key, whatever its settings. */
const key = (t: PrinterTarget) =>
  JSON.stringify(
    t.type === 'spooler' ? { type: t.type, queue: t.queue } : t.type === 'electron' ? { type: t.type, name: t.name } : { type: 'network' }
  )

const NETWORK_PRINTER: Extract<PrinterTarget, { type: 'network' }> = { type: 'network', host: '', port: 9100, language: 'zpl', dpi: 203 }

function printerOptions(t: TFunction<'printing'>, kind: LabelKind, value: PrinterTarget | null, printers: DiscoveredPrinter[]) {
  const options = [
    { value: 'none', label: t('printers.none') },
    ...printers.map((p) => ({ value: key(p.target), label: p.isDefault ? t('printers.isDefault', { printer: p.label }) : p.label })),
    ...(kind === 'packing_slip' ? [] : [{ value: key(NETWORK_PRINTER), label: t('printers.network') }])
  ]
  if (value && !options.some((o) => o.value === key(value))) {
    const missing =
      value.type === 'spooler'
        ? t('printers.notFound', { printer: value.queue })
        : value.type === 'electron'
          ? t('printers.notFound', { printer: value.name })
          : t('printers.networkMissing')
    options.push({ value: key(value), label: missing })
  }
  return options
}

type PrinterChoiceProps = {
  kind: LabelKind
  value: PrinterTarget | null
  printers: DiscoveredPrinter[]
  onChange: (t: PrinterTarget | null) => void
}

function PrinterChoice({ kind, value, printers, onChange }: PrinterChoiceProps) {
  const { t } = useTranslation('printing')
  // t('kind.box_label'), t('kind.shipping_label'), t('kind.packing_slip')
  const name = t(`kind.${kind}`)
  const pick = (v: string | null) => {
    if (!v || v === 'none') return onChange(null)
    const found = printers.find((p) => key(p.target) === v)?.target
    if (found) return onChange(found)
    if (JSON.parse(v).type === 'network') return onChange({ ...NETWORK_PRINTER, host: value?.type === 'network' ? value.host : '' })
  }
  return (
    <Group align="flex-end" wrap="wrap" aria-label={t('printers.group', { kind: name })}>
      <Select
        w={400}
        label={name}
        data={printerOptions(t, kind, value, printers)}
        value={value ? key(value) : 'none'}
        allowDeselect={false}
        onChange={pick}
      />
      {value && <PrinterDetails kind={kind} value={value} onChange={onChange} />}
    </Group>
  )
}

/** A network printer's address and port; a queue's language; a ZPL printer's resolution. */
function PrinterDetails({ kind, value, onChange }: { kind: LabelKind; value: PrinterTarget; onChange: (t: PrinterTarget) => void }) {
  const { t } = useTranslation('printing')
  return (
    <>
      {value.type === 'network' && (
        <>
          <TextInput
            size="sm"
            w={200}
            label={t('printers.address')}
            placeholder={t('printers.addressExample')}
            value={value.host}
            onChange={(e) => onChange({ ...value, host: e.currentTarget.value.trim() })}
          />
          <NumberInput
            size="sm"
            w={100}
            label={t('printers.port')}
            min={1}
            max={65535}
            value={value.port}
            onChange={(v) => onChange({ ...value, port: Number(v) || 9100 })}
          />
        </>
      )}
      {value.type === 'spooler' && kind !== 'packing_slip' && (
        <Select
          w={200}
          label={t('printers.language')}
          data={[
            { value: 'pdf', label: t('printers.pdf') },
            { value: 'zpl', label: t('printers.zplRaw') }
          ]}
          value={value.language}
          allowDeselect={false}
          onChange={(v) => v && onChange({ ...value, language: v as 'pdf' | 'zpl' })}
        />
      )}
      {value.type !== 'electron' && value.language === 'zpl' && (
        <Select
          w={120}
          label={t('printers.resolution')}
          data={['203', '300']}
          value={String(value.dpi)}
          allowDeselect={false}
          onChange={(v) => v && onChange({ ...value, dpi: Number(v) as 203 | 300 })}
        />
      )}
    </>
  )
}
