// Serial conflicts (SPEC §7, issue 13): the serials the OMS refused because
// another station has them live, each with where it is and what to do. A
// shift lead unpacks the unit here (reopen, remove and acknowledge, one
// approval) or re-sends once the other station has released it. The list
// follows the station: it reloads when orders or the sync change.
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { SerialConflict } from '../../../../shared/ledger'
import { station } from '../../api'
import { HeadedTable } from '../../components/HeadedTable'
import { useApproval } from '../../components/useApproval'
import { answerText, useAction } from '../../useAction'
import { useAsync } from '../../useAsync'

type Props = {
  isShiftLead: boolean
  /** After a conflict was unpacked or re-sent: the screen's other lists (the rejected events) changed too. */
  onChange?: () => Promise<void> | void
}

/** The panel, for a shift lead (the core refuses the list to anyone else). */
export function SerialConflicts({ isShiftLead, onChange }: Props) {
  if (!isShiftLead) return null
  return <ConflictsPanel onChange={onChange} />
}

function ConflictsPanel({ onChange }: Pick<Props, 'onChange'>) {
  const { t } = useTranslation('ledger')
  const conflicts = useAsync(() => station.ledger.conflicts(), [])
  const outcome = useAction()
  const approval = useApproval()
  const { reload } = conflicts

  useEffect(() => {
    const offOrders = station.on('orders:changed', () => void reload())
    const offSync = station.on('sync:status', () => void reload())
    return () => {
      offOrders()
      offSync()
    }
  }, [reload])

  const unpack = (c: SerialConflict) => {
    outcome.clear()
    approval.ask(t('conflicts.approve.unpack', { serial: c.serial, order: c.orderNumber ?? '' }), async (a) => {
      const answer = await station.ledger.unpackConflict({ eventId: c.eventId, serial: c.serial, approval: a })
      outcome.succeed(answerText(answer), t('conflicts.done.unpackTitle'))
      await Promise.all([reload(), onChange?.()])
    })
  }
  const resend = (c: SerialConflict) => {
    outcome.clear()
    approval.ask(t('conflicts.approve.resend', { serial: c.serial }), async (a) => {
      await station.sync.resendRejected({ ids: [c.eventId], approval: a })
      outcome.succeed(t('conflicts.done.resend'), t('conflicts.done.resendTitle'))
      await Promise.all([reload(), onChange?.()])
    })
  }
  const message = outcome.notice ?? outcome.error

  return (
    <Stack gap="sm">
      <Title order={3}>{t('conflicts.title')}</Title>
      {message !== null && (
        <Alert color={outcome.error === null ? 'green' : 'red'} title={outcome.title} role="alert" withCloseButton onClose={outcome.clear}>
          <Text size="lg">{message}</Text>
        </Alert>
      )}
      {conflicts.error !== null && (
        <Text size="lg" c="red">
          {t('conflicts.loadFailed', { message: conflicts.error })}
        </Text>
      )}
      {conflicts.value?.length === 0 && (
        <Text size="lg" c="dimmed">
          {t('conflicts.none')}
        </Text>
      )}
      {conflicts.value !== undefined && conflicts.value.length > 0 && (
        <>
          <Text size="lg">{t('conflicts.intro')}</Text>
          <HeadedTable
            fz="lg"
            aria-label={t('conflicts.table')}
            verticalSpacing="sm"
            columns={[
              t('conflicts.columns.serial'),
              t('conflicts.columns.here'),
              t('conflicts.columns.elsewhere'),
              t('conflicts.columns.todo'),
              null
            ]}
          >
            {conflicts.value.map((c) => (
              <ConflictRow key={`${c.eventId}:${c.serial}`} conflict={c} onUnpack={unpack} onResend={resend} />
            ))}
          </HeadedTable>
        </>
      )}
      {approval.dialog}
    </Stack>
  )
}

type RowProps = { conflict: SerialConflict; onUnpack: (c: SerialConflict) => void; onResend: (c: SerialConflict) => void }

function ConflictRow({ conflict: c, onUnpack, onResend }: RowProps) {
  const { t } = useTranslation('ledger')
  const other = c.elsewhere
  const otherStation = other ? (other.stationName ?? other.stationId) : ''
  const here =
    c.boxNumber === null
      ? t('conflicts.hereNoBox', { order: c.orderNumber ?? '' })
      : t('conflicts.here', { order: c.orderNumber ?? '', box: c.boxNumber })
  const elsewhere = !other
    ? t('conflicts.elsewhereUnknown')
    : other.live
      ? t('conflicts.elsewhereLive', { station: otherStation, order: other.orderNumber })
      : t('conflicts.elsewhereReleased', { station: otherStation, order: other.orderNumber })
  const todo =
    c.action === 'resend'
      ? t('conflicts.todo.resend', { station: otherStation })
      : other
        ? t('conflicts.todo.unpackOrAsk', { station: otherStation, order: other.orderNumber })
        : t('conflicts.todo.unpackOrAskUnknown')
  const resendFirst = c.action === 'resend'
  return (
    <Table.Tr>
      <Table.Td className="mono">{c.serial}</Table.Td>
      <Table.Td>{here}</Table.Td>
      <Table.Td>{elsewhere}</Table.Td>
      <Table.Td>
        <Text size="lg">{todo}</Text>
        <Text size="sm" c="dimmed">
          {t('conflicts.omsSaid', { reason: c.reason })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button variant={resendFirst ? 'subtle' : 'filled'} color={resendFirst ? 'gray' : undefined} onClick={() => onUnpack(c)}>
            {t('conflicts.actions.unpack')}
          </Button>
          <Button variant={resendFirst ? 'filled' : 'light'} onClick={() => onResend(c)}>
            {t('conflicts.actions.resend')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}
