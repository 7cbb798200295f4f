import { useState } from 'react'
import { Alert, Badge, Button, Stack, Table, Text, Title } from '@mantine/core'
import type { HistoryKind, SerialHistory } from '../../../shared/shipping'
import { station } from '../api'
import { HeadedTable } from '../components/HeadedTable'
import { ScanField } from '../components/ScanField'
import { useScanStream } from '../deviceScans'
import { useAction } from '../useAction'
import type { Navigate } from './routes'
import { formatLocalTime } from '../../../shared/localTime'

const KIND: Record<HistoryKind, { label: string; color: string }> = {
  scanned: { label: 'Scanned', color: 'blue' },
  boxed: { label: 'In box', color: 'cyan' },
  box_confirmed: { label: 'Box confirmed', color: 'cyan' },
  removed: { label: 'Removed', color: 'orange' },
  packed: { label: 'Packed', color: 'green' },
  cancelled: { label: 'Cancelled', color: 'red' },
  shipped: { label: 'Shipped', color: 'teal' },
  returned: { label: 'Returned', color: 'grape' }
}

/** IMEI history: scan or type any IMEI (either of a dual-IMEI device) or serial, and read its whole story at this station. */
export function SerialHistoryScreen({ navigate }: { navigate: Navigate }) {
  const [history, setHistory] = useState<SerialHistory | null>(null)
  const searching = useAction()

  const search = async (input: string) => {
    setHistory((await searching.run(() => station.history.serial({ input }))) ?? null)
  }
  useScanStream((scan) => search(scan.data))

  return (
    <Stack>
      <Title order={2}>IMEI history</Title>
      <ScanField label="IMEI or serial" onScan={(entry) => void search(entry.value)} />
      {searching.error && (
        <Alert color="red" title="Not searched" role="alert">
          <Text size="lg">{searching.error}</Text>
        </Alert>
      )}
      {history && history.entries.length === 0 && (
        <Alert color="orange" title="Never seen here" role="alert">
          <Text size="lg">
            <span className="mono">{history.serial}</span> was never scanned, shipped or returned at this station.
          </Text>
        </Alert>
      )}
      {history && history.entries.length > 0 && (
        <>
          <Text size="xl" fw={700}>
            <span className="mono">{history.serials.join(' / ')}</span>: {history.entries.length} event
            {history.entries.length === 1 ? '' : 's'}, oldest first
          </Text>
          <HeadedTable
            fz="lg"
            striped
            aria-label="IMEI history"
            verticalSpacing="sm"
            columns={['When', 'What', 'Order', 'Box', 'Who', 'Details']}
          >
            {history.entries.map((e, i) => (
              <Table.Tr key={i} data-kind={e.kind}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatLocalTime(e.at, { seconds: true })}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={KIND[e.kind].color} size="lg" variant="filled" style={{ minWidth: 'max-content' }}>
                    {KIND[e.kind].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {e.orderId !== null && (
                    <Button variant="subtle" size="md" px={4} onClick={() => navigate({ screen: 'order', orderId: e.orderId! })}>
                      {e.orderNumber}
                    </Button>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {e.boxNumber !== null ? `${e.boxNumber}${e.boxStatus === 'voided' ? ' (voided)' : ''}` : ''}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.operator ?? ''}</Table.Td>
                <Table.Td>
                  <Text size="lg" c={e.flag ? 'red.8' : undefined} fw={e.flag ? 700 : undefined}>
                    {e.detail}
                  </Text>
                  {e.trackingUrl && (
                    <Text size="sm" c="dimmed" className="mono" style={{ wordBreak: 'break-all' }}>
                      {e.trackingUrl}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </HeadedTable>
        </>
      )}
    </Stack>
  )
}
