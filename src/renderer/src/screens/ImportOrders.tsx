import { useEffect, useRef, useState } from 'react'
import { Alert, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ImportSummary } from '../../../shared/orders'
import { station } from '../api'
import { FailedImportsTable } from '../components/FailedImportsTable'
import { fetchFailedImports } from '../components/failedImportPages'
import { usePages } from '../components/usePages'
import { ImportProgressBar, type ImportStage } from '../components/ImportProgressBar'
import { uploadOrderFile } from '../components/orderFileUpload'
import { useAction } from '../useAction'
import type { Navigate } from './routes'

/** Import orders from a JSON or CSV file; failed records are listed with their reason and can be retried. */
export function ImportOrders({ navigate }: { navigate: Navigate }) {
  const { t } = useTranslation('import')
  const failed = usePages(fetchFailedImports)
  const [summary, setSummary] = useState<ImportSummary | null>(null)
  const [file, setFile] = useState<File | null>(null)
  const importing = useAction()
  const [stage, setStage] = useState<ImportStage | null>(null)
  const uploadId = useRef<string | null>(null)

  // The station reports each batch of an import; this screen follows its own upload.
  useEffect(
    () =>
      station.on('orders:importProgress', (progress) => {
        if (progress.uploadId === uploadId.current) setStage({ stage: 'importing', progress })
      }),
    []
  )

  const importWith = async (call: () => Promise<ImportSummary>) => {
    setSummary(null)
    setSummary((await importing.run(call)) ?? null)
    setStage(null)
    uploadId.current = null
    await failed.reload()
  }

  const importFile = (chosen: File) =>
    importWith(() =>
      uploadOrderFile(chosen, {
        started: (id) => {
          uploadId.current = id
          setStage({ stage: 'sending', sent: 0, size: chosen.size })
        },
        sent: (bytes) =>
          setStage(bytes < chosen.size ? { stage: 'sending', sent: bytes, size: chosen.size } : { stage: 'importing', progress: null })
      })
    )

  return (
    <Stack maw={1100}>
      <Title order={2}>{t('title')}</Title>
      <Paper withBorder p="md">
        <Stack>
          <FileInput
            label={t('file')}
            description={t('fileHint')}
            accept=".json,.csv,application/json,text/csv"
            value={file}
            onChange={setFile}
            clearable
            size="lg"
          />
          <Group>
            <Button
              size="lg"
              disabled={!file || importing.busy}
              loading={importing.busy && stage !== null}
              onClick={() => file && importFile(file)}
            >
              {t('import')}
            </Button>
            <Button size="lg" variant="light" disabled={importing.busy} onClick={() => importWith(() => station.app.loadSampleData())}>
              {t('sampleData')}
            </Button>
            <Button size="lg" variant="subtle" onClick={() => navigate({ screen: 'orders' })}>
              {t('goToOrders')}
            </Button>
          </Group>
          {stage && <ImportProgressBar stage={stage} />}
        </Stack>
      </Paper>
      {importing.error && (
        <Alert color="red" title={t('didNotFinish')}>
          {importing.error}
        </Alert>
      )}
      {summary && (
        <Alert color={summary.failed ? 'orange' : 'green'} title={t('finished')}>
          <Text>
            {summary.productsUpserted
              ? t('summaryProducts', {
                  imported: summary.imported,
                  unchanged: summary.unchanged,
                  failed: summary.failed,
                  products: summary.productsUpserted
                })
              : t('summary', { imported: summary.imported, unchanged: summary.unchanged, failed: summary.failed })}
          </Text>
        </Alert>
      )}
      <Title order={3}>{t('failed.title')}</Title>
      <FailedImportsTable
        list={failed.pages}
        size="md"
        onMore={() => void failed.more()}
        onRetry={(f) => importWith(() => station.orders.retryFailedImport({ id: f.id }))}
      />
    </Stack>
  )
}
