import { Button, Group, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RejectedCursor, RejectedEvent } from '../../../../shared/sync'
import { HeadedTable } from '../../components/HeadedTable'
import { ShowMore } from '../../components/ShowMore'
import { timeOf } from '../../components/SyncStatus'
import type { Pages } from '../../components/usePages'

type RejectedEventsProps = {
  /** Undefined while loading. */
  pages: Pages<RejectedEvent, RejectedCursor> | undefined
  /** Loads the next page (usePages). */
  onMore: () => void
  onResend: (event: RejectedEvent) => void
  onAcknowledge: (event: RejectedEvent) => void
}

/** The events the OMS refused, with why, a page at a time with "Show more": the shift lead's, who re-sends or acknowledges each. */
export function RejectedEventsTable({ pages, onMore, onResend, onAcknowledge }: RejectedEventsProps) {
  const { t } = useTranslation('sync')
  const rejected = pages?.rows
  if (rejected?.length === 0)
    return (
      <Text size="lg" c="dimmed">
        {t('rejected.none')}
      </Text>
    )
  if (!pages || !rejected) return null
  return (
    <>
      <HeadedTable
        fz="lg"
        aria-label={t('rejected.table')}
        verticalSpacing="sm"
        columns={[
          t('rejected.columns.event'),
          t('rejected.columns.order'),
          t('rejected.columns.why'),
          t('rejected.columns.rejected'),
          null
        ]}
      >
        {rejected.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td className="mono">{e.type}</Table.Td>
            <Table.Td>{e.orderNumber ?? '—'}</Table.Td>
            <Table.Td>{e.reason}</Table.Td>
            <Table.Td>{timeOf(e.rejectedAt)}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button variant="light" onClick={() => onResend(e)}>
                  {t('rejected.resend')}
                </Button>
                <Button variant="subtle" color="gray" onClick={() => onAcknowledge(e)}>
                  {t('rejected.acknowledge')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </HeadedTable>
      <ShowMore
        shown={rejected.length}
        open={pages.open}
        more={pages.next !== null}
        onMore={onMore}
        order={t('rejected.order')}
        size="lg"
      />
    </>
  )
}
