import { Progress, Stack, Text } from '@mantine/core'
import type { ImportProgress } from '../../../shared/orders'

/** Where an import is: the file on its way to the station, then the station reading and storing it. */
export type ImportStage = { stage: 'sending'; sent: number; size: number } | { stage: 'importing'; progress: ImportProgress | null }

const fmt = (n: number) => n.toLocaleString()
const percent = (done: number, total: number) => (total > 0 ? Math.min(100, Math.floor((100 * done) / total)) : 100)

/** A progress bar with one line of words under it. */
export function ImportProgressBar({ stage }: { stage: ImportStage }) {
  const value =
    stage.stage === 'sending'
      ? percent(stage.sent, stage.size)
      : stage.progress
        ? percent(stage.progress.bytesDone, stage.progress.bytesTotal)
        : 0
  const words =
    stage.stage === 'sending'
      ? `Sending the file to the station… ${percent(stage.sent, stage.size)}%`
      : stage.progress
        ? `Importing… ${fmt(stage.progress.ordersDone)} orders done, ${value}% of the file read` +
          (stage.progress.failed ? `, ${fmt(stage.progress.failed)} failed` : '')
        : 'Importing…'
  return (
    <Stack gap={4}>
      <Progress aria-label="Import progress" value={value} size="xl" animated striped={stage.stage === 'importing'} />
      <Text size="md" aria-live="polite">
        {words}
      </Text>
    </Stack>
  )
}
