import { useEffect, useState } from 'react'
import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { Trans, useTranslation } from 'react-i18next'
import type { TestedScan } from '../../../../shared/scanners'
import type { CodeRead } from '../../../../shared/scanning'
import { station } from '../../api'
import { EnterField } from '../../components/EnterField'
import { deviceText } from '../../components/ScannerStatus'
import { useScanStream } from '../../deviceScans'

/**
 * The last scan the station saw on this screen. The screen takes device scans for its Test scan
 * area from the moment it opens: shown, never applied to an order.
 */
export function useLastScan() {
  const [last, setLast] = useState<TestedScan | null>(null)
  useEffect(() => {
    station.scanners.lastScan().then(setLast, () => {})
  }, [])
  useScanStream(async () => setLast(await station.scanners.lastScan()))
  const test = async (raw: string) => setLast(await station.scanners.testScan({ raw }))
  return { last, test }
}

/** Test scan: a field for a keyboard-wedge scanner, and the last scan raw, decoded, stripped and read. */
export function TestScanArea({ last, onTest }: { last: TestedScan | null; onTest: (raw: string) => Promise<void> }) {
  const { t } = useTranslation('scanners')
  const [input, setInput] = useState('')
  return (
    <Paper withBorder p="lg" aria-label={t('test.title')}>
      <Title order={2} mb="xs">
        {t('test.title')}
      </Title>
      <Text size="lg" mb="md">
        {t('test.intro')}
      </Text>
      <EnterField
        size="lg"
        className="serial-input"
        label={t('test.field')}
        value={input}
        onChange={setInput}
        onEnter={async () => {
          const raw = input
          setInput('')
          if (raw) await onTest(raw)
        }}
        spellCheck={false}
      />
      {last ? (
        <LastScan last={last} />
      ) : (
        <Text c="dimmed" size="lg" mt="md">
          {t('test.none')}
        </Text>
      )}
    </Paper>
  )
}

function LastScan({ last }: { last: TestedScan }) {
  const { t } = useTranslation('scanners')
  const sources = { keyboard: t('test.source.keyboard'), serial: t('test.source.serial'), hid: t('test.source.hid') }
  const from = { device: deviceText(last), source: sources[last.source], symbology: last.symbology, at: new Date(last.at) }
  return (
    <Stack gap={4} mt="md" aria-label={t('test.last')}>
      <Text size="lg">
        <Trans t={t} i18nKey={last.symbology ? 'test.fromSymbology' : 'test.from'} values={from} components={{ b: <b /> }} />
      </Text>
      <ScanText title={t('test.raw')} label={t('test.raw')} text={last.raw} />
      <ScanText title={t('test.decoded')} label={t('test.decoded')} text={last.data} />
      {last.cleaned !== last.data && <ScanText title={t('test.stripped')} label={t('test.strippedLabel')} text={last.cleaned} />}
      <CodeReading read={last.read} />
    </Stack>
  )
}

/** What the scan parser read from the code: its serials by name, the GTIN and every other part, or why it refuses it. */
function CodeReading({ read }: { read: CodeRead }) {
  const { t } = useTranslation('scanners')
  const formats: Record<CodeRead['format'], string> = {
    plain: t('test.format.plain'),
    list: t('test.format.list'),
    labelled: t('test.format.labelled'),
    gs1: t('test.format.gs1')
  }
  const serials = read.serials.map((s, i) => ({
    name: s.name ?? (read.serials.length > 1 ? t('test.serialN', { n: i + 1 }) : t('test.serial')),
    value: s.value
  }))
  const readAs = { format: formats[read.format], symbology: read.symbology ? ` (${read.symbology})` : '' }
  return (
    <Stack gap={4} aria-label={t('test.readAsLabel')}>
      <Text size="lg" fw={700}>
        {read.oneDevice ? t('test.readAsOneDevice', readAs) : t('test.readAs', readAs)}
      </Text>
      {read.problem ? (
        <Alert color="red" aria-label={t('test.refused')}>
          {read.problem}
        </Alert>
      ) : (
        <Table fz="lg" withRowBorders={false} aria-label={t('test.parts')}>
          <Table.Tbody>
            {serials.map((s, i) => (
              <PartRow key={`s${i}`} name={s.name} value={s.value} serial />
            ))}
            {read.extras.map((e, i) => (
              <PartRow key={`e${i}`} name={e.name} value={e.value} gtin={e.name === 'GTIN' && e.value === read.gtin} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}

function PartRow({ name, value, serial, gtin }: { name: string; value: string; serial?: boolean; gtin?: boolean }) {
  const { t } = useTranslation('scanners')
  const use = serial ? t('test.use.serial') : gtin ? t('test.use.gtin') : t('test.use.kept')
  return (
    <Table.Tr data-part={serial ? 'serial' : 'extra'}>
      <Table.Th style={{ width: '1%', whiteSpace: 'nowrap' }}>
        {name}
        <Text size="sm" c="dimmed" fw={400}>
          {use}
        </Text>
      </Table.Th>
      <Table.Td className="mono" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Table.Td>
    </Table.Tr>
  )
}

/** One form of the scanned text under its title; `label` names it for screen readers (and tests). */
function ScanText({ title, label, text }: { title: string; label: string; text: string }) {
  return (
    <>
      <Text size="lg" fw={700}>
        {title}
      </Text>
      <Text fz="xl" className="mono" aria-label={label} style={{ wordBreak: 'break-all' }}>
        {text}
      </Text>
    </>
  )
}
