// The guide's steps after the first shift lead signed in: orders from a file
// (the Import screen), printers and a test print (the Print settings screen;
// a packing slip of an order on the station), a test scan (the Scanners
// screen's Test scan), and the sample data on request. Every one reuses the
// screen IT would use later, with the same checks and approvals.
import { useState } from 'react'
import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import type { PrintJob } from '../../../../shared/labels'
import type { ImportSummary } from '../../../../shared/orders'
import { station } from '../../api'
import { useAction } from '../../useAction'
import { ImportOrders } from '../ImportOrders'
import { PrintSettingsScreen } from '../PrintSettings'
import { TestScanArea, useLastScan } from '../scanners/TestScanArea'

export function ImportStep({ onNext }: { onNext: () => void }) {
  return <ImportOrders navigate={onNext} />
}

/** Printers, then a packing slip of the first order here, sent to the packing-slip printer the way any label prints. */
export function PrintStep() {
  const action = useAction()
  const [job, setJob] = useState<PrintJob | null>(null)
  const testPrint = async () => {
    setJob(null)
    const page = await action.run(() => station.orders.list({ limit: 1 }))
    if (!page) return
    const order = page.orders[0]
    if (!order) return action.fail('A test print needs an order on the station: import orders (or load the sample data) first.')
    const printed = await action.run(() => station.labels.print({ kind: 'packing_slip', orderId: order.id }))
    if (printed) setJob(printed)
  }
  return (
    <Stack>
      <PrintSettingsScreen />
      <Group>
        <Button size="lg" variant="light" onClick={testPrint} loading={action.busy}>
          Test print: a packing slip
        </Button>
        <Text c="dimmed">Prints the packing slip of an order on the station on the packing-slip printer.</Text>
      </Group>
      {action.error && (
        <Alert color="red" title="Test print">
          {action.error}
        </Alert>
      )}
      {job && (
        <Alert color={job.status === 'printed' ? 'green' : 'red'} title="Test print" aria-label="Test print result">
          {job.status === 'printed'
            ? `Packing slip of order ${job.orderNumber} sent to ${job.printer}.`
            : `Packing slip of order ${job.orderNumber} on ${job.printer}: ${job.error ?? job.status}`}
        </Alert>
      )}
    </Stack>
  )
}

export function ScanStep() {
  const { last, test } = useLastScan()
  return <TestScanArea last={last} onTest={test} />
}

export function SampleStep() {
  const action = useAction()
  const [summary, setSummary] = useState<ImportSummary | null>(null)
  const load = async () => {
    const done = await action.run(() => station.app.loadSampleData())
    if (done) setSummary(done)
  }
  return (
    <Stack>
      <Text size="lg">
        Fifteen demo orders from several channels, to try the station before real orders arrive (the demo operators are not added: this
        station has its own).
      </Text>
      <Button size="lg" variant="light" onClick={load} loading={action.busy} w="fit-content" disabled={summary !== null}>
        Load sample data
      </Button>
      {action.error && <Alert color="red">{action.error}</Alert>}
      {summary && (
        <Alert color="green" title="Sample data">
          {summary.imported} orders imported, {summary.unchanged} already here.
        </Alert>
      )}
    </Stack>
  )
}
