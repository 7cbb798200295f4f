// The guide's steps after the first shift lead signed in: orders from a file
// (the Import screen), printers and a test print (the Print settings screen;
// a packing slip of an order on the station), a test scan (the Scanners
// screen's Test scan), and the sample data on request. Every one reuses the
// screen IT would use later, with the same checks and approvals.
import { useState } from 'react'
import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
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
  const { t } = useTranslation('firstRun')
  const action = useAction()
  const [job, setJob] = useState<PrintJob | null>(null)
  const testPrint = async () => {
    setJob(null)
    const page = await action.run(() => station.orders.list({ limit: 1 }))
    if (!page) return
    const order = page.orders[0]
    if (!order) return action.fail(t('print.noOrder'))
    const printed = await action.run(() => station.labels.print({ kind: 'packing_slip', orderId: order.id }))
    if (printed) setJob(printed)
  }
  return (
    <Stack>
      <PrintSettingsScreen />
      <Group>
        <Button size="lg" variant="light" onClick={testPrint} loading={action.busy}>
          {t('print.button')}
        </Button>
        <Text c="dimmed">{t('print.hint')}</Text>
      </Group>
      {action.error && (
        <Alert color="red" title={t('print.title')}>
          {action.error}
        </Alert>
      )}
      {job && (
        <Alert color={job.status === 'printed' ? 'green' : 'red'} title={t('print.title')} aria-label={t('print.resultLabel')}>
          {job.status === 'printed'
            ? t('print.sent', { order: job.orderNumber, printer: job.printer })
            : t('print.notPrinted', {
                order: job.orderNumber,
                printer: job.printer,
                // print.status.queued, print.status.printing, print.status.failed
                problem: job.error ?? t(`print.status.${job.status}`)
              })}
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
  const { t } = useTranslation('firstRun')
  const action = useAction()
  const [summary, setSummary] = useState<ImportSummary | null>(null)
  const load = async () => {
    const done = await action.run(() => station.app.loadSampleData())
    if (done) setSummary(done)
  }
  return (
    <Stack>
      <Text size="lg">{t('sample.intro')}</Text>
      <Button size="lg" variant="light" onClick={load} loading={action.busy} w="fit-content" disabled={summary !== null}>
        {t('sample.load')}
      </Button>
      {action.error && <Alert color="red">{action.error}</Alert>}
      {summary && (
        <Alert color="green" title={t('sample.title')}>
          {t('sample.loaded', { count: summary.imported, unchanged: summary.unchanged })}
        </Alert>
      )}
    </Stack>
  )
}
