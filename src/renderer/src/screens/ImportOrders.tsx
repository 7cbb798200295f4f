import { useState } from 'react'
import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { ImportSummary } from '../../../shared/schemas'
import { station } from '../api'
import { useAsync } from '../useAsync'
import type { Navigate } from './routes'

/** Import orders from a JSON or CSV file; failed records are listed with their reason and can be retried. */
export function ImportOrders({ navigate }: { navigate: Navigate }) {
  const failed = useAsync(() => station.orders.failedImports(), [])
  const [summary, setSummary] = useState<ImportSummary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [file, setFile] = useState<File | null>(null)

  const run = async (action: () => Promise<ImportSummary>) => {
    setError(null)
    try {
      setSummary(await action())
    } catch (e) {
      setSummary(null)
      setError((e as Error).message)
    }
    await failed.reload()
  }

  return (
    <Stack maw={1100}>
      <Title order={2}>Import orders</Title>
      <Paper withBorder p="md">
        <Stack>
          <FileInput label="Order file" description="JSON or CSV (UTF-8), one row per order line" accept=".json,.csv,application/json,text/csv" value={file} onChange={setFile} clearable size="lg" />
          <Group>
            <Button size="lg" disabled={!file} onClick={() => file && run(async () => station.orders.import({ fileName: file.name, content: await file.text() }))}>
              Import
            </Button>
            <Button size="lg" variant="light" onClick={() => run(() => station.app.loadSampleData())}>
              Load sample data
            </Button>
            <Button size="lg" variant="subtle" onClick={() => navigate({ screen: 'orders' })}>
              Go to orders
            </Button>
          </Group>
        </Stack>
      </Paper>
      {error && (
        <Alert color="red" title="Nothing was imported">
          {error}
        </Alert>
      )}
      {summary && (
        <Alert color={summary.failed ? 'orange' : 'green'} title="Import finished">
          <Text>
            {summary.imported} imported, {summary.unchanged} already here, {summary.failed} failed
            {summary.productsUpserted ? `, ${summary.productsUpserted} products updated` : ''}.
          </Text>
        </Alert>
      )}
      <Title order={3}>Failed imports</Title>
      {failed.value?.length === 0 && <Text c="dimmed">None.</Text>}
      {!!failed.value?.length && (
        <Table fz="md" aria-label="Failed imports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>OMS order id</Table.Th>
              <Table.Th>Source</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {failed.value.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td className="mono">{f.omsOrderId ?? '—'}</Table.Td>
                <Table.Td>{f.source}</Table.Td>
                <Table.Td>{f.reason}</Table.Td>
                <Table.Td>{f.attempts}</Table.Td>
                <Table.Td>
                  <Button variant="light" onClick={() => run(() => station.orders.retryFailedImport({ id: f.id }))}>
                    Retry
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
