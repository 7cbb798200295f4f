import { Button, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FailedImport, FailedImportCursor } from '../../../shared/orders'
import { answerText } from '../useAction'
import { HeadedTable } from './HeadedTable'
import { ShowMore } from './ShowMore'
import type { Pages } from './usePages'

type FailedImportsTableProps = {
  /** Undefined while loading: nothing is shown yet. */
  list: Pages<FailedImport, FailedImportCursor> | undefined
  onRetry: (failed: FailedImport) => void
  /** Loads the next page (usePages). */
  onMore: () => void
  /** `lg` on the Sync screen, `md` next to the import form. */
  size: 'md' | 'lg'
  /** How the Source column names a source (default: as stored, e.g. the file name). */
  sourceName?: (source: string) => string
}

/**
 * The order records that failed to import, each with its reason (in the screen's language when it came with words)
 * and a Retry, a page at a time with "Show more"; "None." when there are none.
 */
export function FailedImportsTable({ list, onRetry, onMore, size, sourceName = (source) => source }: FailedImportsTableProps) {
  const { t } = useTranslation('import')
  const textSize = size === 'lg' ? 'lg' : undefined
  if (list?.rows.length === 0)
    return (
      <Text size={textSize} c="dimmed">
        {t('failed.none')}
      </Text>
    )
  if (!list) return null
  const { rows: failed, open, next } = list
  return (
    <Stack gap="xs">
      <HeadedTable
        fz={size}
        aria-label={t('failed.table')}
        verticalSpacing={size === 'lg' ? 'sm' : undefined}
        columns={[
          t('failed.columns.omsOrderId'),
          t('failed.columns.source'),
          t('failed.columns.reason'),
          t('failed.columns.attempts'),
          null
        ]}
      >
        {failed.map((f) => (
          <Table.Tr key={f.id}>
            <Table.Td className="mono">{f.omsOrderId ?? '—'}</Table.Td>
            <Table.Td>{sourceName(f.source)}</Table.Td>
            <Table.Td>{answerText({ message: f.reason, words: f.reasonWords ?? undefined })}</Table.Td>
            <Table.Td>{f.attempts}</Table.Td>
            <Table.Td>
              <Button variant="light" onClick={() => onRetry(f)}>
                {t('common:actions.retry')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </HeadedTable>
      <ShowMore shown={failed.length} open={open} more={next !== null} onMore={onMore} order={t('failed.order')} size={size} />
    </Stack>
  )
}
