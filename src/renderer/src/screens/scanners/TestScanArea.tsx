import { useEffect, useState } from 'react'
import { Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import type { TestedScan } from '../../../../shared/scanners'
import { station } from '../../api'
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

/** Test scan: a field for a keyboard-wedge scanner, and the last scan raw, decoded and stripped. */
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
      <form
        onSubmit={async (e) => {
          e.preventDefault()
          const raw = input
          setInput('')
          if (raw) await onTest(raw)
        }}
      >
        <TextInput
          size="lg"
          className="serial-input"
          label="Keyboard-wedge test"
          value={input}
          onChange={(e) => setInput(e.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </form>
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
      <Text size="lg" fw={700}>
        Raw
      </Text>
      <Text fz="xl" className="mono" aria-label="Raw" style={{ wordBreak: 'break-all' }}>
        {last.raw}
      </Text>
      <Text size="lg" fw={700}>
        Decoded
      </Text>
      <Text fz="xl" className="mono" aria-label="Decoded" style={{ wordBreak: 'break-all' }}>
        {last.data}
      </Text>
      {last.cleaned !== last.data && (
        <>
          <Text size="lg" fw={700}>
            After prefix/suffix stripping
          </Text>
          <Text fz="xl" className="mono" aria-label="After stripping" style={{ wordBreak: 'break-all' }}>
            {last.cleaned}
          </Text>
        </>
      )}
    </Stack>
  )
}
