import { Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ImportProgress } from '../../../shared/orders'

/** Where an import is: the file on its way to the station, then the station reading and storing it. */
export type ImportStage = { stage: 'sending'; sent: number; size: number } | { stage: 'importing'; progress: ImportProgress | null }

const percent = (done: number, total: number) => (total > 0 ? Math.min(100, Math.floor((100 * done) / total)) : 100)

/** A progress bar with one line of words under it. */
export function ImportProgressBar({ stage }: { stage: ImportStage }) {
  const { t } = useTranslation('import')
  const value =
    stage.stage === 'sending'
      ? percent(stage.sent, stage.size)
      : stage.progress
        ? percent(stage.progress.bytesDone, stage.progress.bytesTotal)
        : 0
  const share = value / 100
  const words =
    stage.stage === 'sending'
      ? t('progress.sending', { share })
      : stage.progress
        ? stage.progress.failed
          ? t('progress.importingFailed', { count: stage.progress.ordersDone, share, failed: stage.progress.failed })
          : t('progress.importing', { count: stage.progress.ordersDone, share })
        : t('progress.started')
  return (
    <Stack gap={4}>
      <Progress aria-label={t('progress.label')} value={value} size="xl" animated striped={stage.stage === 'importing'} />
      <Text size="md" aria-live="polite">
        {words}
      </Text>
    </Stack>
  )
}
