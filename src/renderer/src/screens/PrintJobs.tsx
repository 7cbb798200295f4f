// The print-job log: every label sent (or not) with its printer, status and
// error; Retry sends a failed job again to the printer now chosen for it.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import type { PrintJob } from '../../../shared/labels'
import { station } from '../api'
import { HeadedTable } from '../components/HeadedTable'
import { answerText, useAction } from '../useAction'
import { useAsync } from '../useAsync'
import type { Navigate } from './routes'

const STATUS_COLOR: Record<PrintJob['status'], string> = { queued: 'gray', printing: 'blue', printed: 'green', failed: 'red' }

export function PrintJobsScreen({ navigate }: { navigate: Navigate }) {
  const { t } = useTranslation('printing')
  const { value: jobs, error, reload } = useAsync(() => station.labels.jobs({ limit: 200 }), [])
  const [busy, setBusy] = useState<string | null>(null)
  const retrying = useAction()
  useEffect(() => station.on('printing:job', () => void reload()), [reload])

  const retry = async (job: PrintJob) => {
    setBusy(job.id)
    await retrying.run(() => station.labels.retry({ jobId: job.id }))
    setBusy(null)
    void reload()
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('jobs.title')}</Title>
        <Button size="md" variant="light" onClick={() => navigate({ screen: 'printSettings' })}>
          {t('jobs.settings')}
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {retrying.error && (
        <Alert color="red" title={t('jobs.notSent')}>
          {retrying.error}
        </Alert>
      )}
      {jobs && jobs.length === 0 && <Text c="dimmed">{t('jobs.none')}</Text>}
      {jobs && jobs.length > 0 && (
        <HeadedTable
          striped
          fz="md"
          aria-label={t('jobs.table')}
          columns={[t('jobs.when'), t('jobs.label'), t('jobs.order'), t('jobs.printer'), t('jobs.status'), t('jobs.tries'), null]}
        >
          {jobs.map((job) => (
            <Table.Tr key={job.id} data-job-status={job.status}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('common:dateTimeSeconds', { at: new Date(job.updatedAt) })}</Table.Td>
              <Table.Td>
                {/* t('kind.box_label'), t('kind.shipping_label'), t('kind.packing_slip') */}
                {job.boxNumber !== null ? t('jobs.ofBox', { kind: t(`kind.${job.kind}`), box: job.boxNumber }) : t(`kind.${job.kind}`)}
              </Table.Td>
              <Table.Td>
                <Button variant="subtle" size="compact-md" onClick={() => navigate({ screen: 'order', orderId: job.orderId })}>
                  {job.orderNumber}
                </Button>
              </Table.Td>
              <Table.Td>{job.printer}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[job.status]} size="lg">
                  {/* t('status.queued'), t('status.printing'), t('status.printed'), t('status.failed') */}
                  {t(`status.${job.status}`)}
                </Badge>
                {job.error && (
                  <Text size="sm" c="red" maw={420}>
                    {answerText({ message: job.error, words: job.errorWords })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t('jobs.triesCount', { count: job.attempts })}</Table.Td>
              <Table.Td>
                <Button
                  size="sm"
                  variant={job.status === 'failed' ? 'filled' : 'light'}
                  color={job.status === 'failed' ? 'orange' : undefined}
                  loading={busy === job.id}
                  disabled={job.status === 'printing'}
                  onClick={() => retry(job)}
                >
                  {job.status === 'failed' ? t('common:actions.retry') : t('jobs.reprint')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </HeadedTable>
      )}
    </Stack>
  )
}
