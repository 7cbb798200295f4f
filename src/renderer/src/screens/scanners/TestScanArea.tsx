import { useEffect, useState } from 'react'
import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { TestedScan } from '../../../../shared/scanners'
import type { CodeRead } from '../../../../shared/scanning'
import { station } from '../../api'
import { EnterField } from '../../components/EnterField'
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
  const [input, setInput] = useState('')
  return (
    <Paper withBorder p="lg" aria-label="Test scan">
      <Title order={2} mb="xs">
        Test scan
      </Title>
      <Text size="lg" mb="md">
        Scan a barcode with any scanner. A keyboard-wedge scanner types into this field.
      </Text>
      <EnterField
        size="lg"
        className="serial-input"
        label="Keyboard-wedge test"
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
          No scan yet.
        </Text>
      )}
    </Paper>
  )
}

function LastScan({ last }: { last: TestedScan }) {
  return (
    <Stack gap={4} mt="md" aria-label="Last scan">
      <Text size="lg">
        <b>From</b> {last.device} ({last.source}){last.symbology ? ` · symbology ${last.symbology}` : ''} ·{' '}
        {new Date(last.at).toLocaleTimeString()}
      </Text>
      <ScanText title="Raw" label="Raw" text={last.raw} />
      <ScanText title="Decoded" label="Decoded" text={last.data} />
      {last.cleaned !== last.data && <ScanText title="After prefix/suffix stripping" label="After stripping" text={last.cleaned} />}
      <CodeReading read={last.read} />
    </Stack>
  )
}

const FORMATS: Record<CodeRead['format'], string> = {
  plain: 'a plain code',
  list: 'a code of several serials',
  labelled: 'a labelled box code',
  gs1: 'a GS1 element string'
}

/** What the scan parser read from the code: its serials by name, the GTIN and every other part, or why it refuses it. */
function CodeReading({ read }: { read: CodeRead }) {
  const serials = read.serials.map((s, i) => ({ name: s.name ?? (read.serials.length > 1 ? `Serial ${i + 1}` : 'Serial'), value: s.value }))
  return (
    <Stack gap={4} aria-label="Read as">
      <Text size="lg" fw={700}>
        Read as {FORMATS[read.format]}
        {read.symbology ? ` (${read.symbology})` : ''}
        {read.oneDevice ? ': one device, two IMEIs' : ''}
      </Text>
      {read.problem ? (
        <Alert color="red" aria-label="Code refused">
          {read.problem}
        </Alert>
      ) : (
        <Table fz="lg" withRowBorders={false} aria-label="Code parts">
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
  const use = serial ? 'checked as the serial' : gtin ? 'checked, kept with the unit' : 'kept with the unit'
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
