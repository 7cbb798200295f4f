import { useState } from 'react'
import { Alert, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ImportSummary } from '../../../shared/orders'
import { station } from '../api'
import { FailedImportsTable } from '../components/FailedImportsTable'
import { useAction } from '../useAction'
import { useAsync } from '../useAsync'
import type { Navigate } from './routes'

/** Import orders from a JSON or CSV file; failed records are listed with their reason and can be retried. */
export function ImportOrders({ navigate }: { navigate: Navigate }) {
  const failed = useAsync(() => station.orders.failedImports(), [])
  const [summary, setSummary] = useState<ImportSummary | null>(null)
  const [file, setFile] = useState<File | null>(null)
  const importing = useAction()

  const importWith = async (call: () => Promise<ImportSummary>) => {
    setSummary((await importing.run(call)) ?? null)
    await failed.reload()
  }

  return (
    <Stack maw={1100}>
      <Title order={2}>Import orders</Title>
      <Paper withBorder p="md">
        <Stack>
          <FileInput
            label="Order file"
            description="JSON or CSV (UTF-8), one row per order line"
            accept=".json,.csv,application/json,text/csv"
            value={file}
            onChange={setFile}
            clearable
            size="lg"
          />
          <Group>
            <Button
              size="lg"
              disabled={!file}
              onClick={() => file && importWith(async () => station.orders.import({ fileName: file.name, content: await file.text() }))}
            >
              Import
            </Button>
            <Button size="lg" variant="light" onClick={() => importWith(() => station.app.loadSampleData())}>
              Load sample data
            </Button>
            <Button size="lg" variant="subtle" onClick={() => navigate({ screen: 'orders' })}>
              Go to orders
            </Button>
          </Group>
        </Stack>
      </Paper>
      {importing.error && (
        <Alert color="red" title="Nothing was imported">
          {importing.error}
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
      <FailedImportsTable
        failed={failed.value}
        size="md"
        onRetry={(f) => importWith(() => station.orders.retryFailedImport({ id: f.id }))}
      />
    </Stack>
  )
}
