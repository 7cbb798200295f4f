import { useCallback, useEffect, useState } from 'react'
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ClaimAnswer } from '../../../../shared/claims'
import type { OrderDetail } from '../../../../shared/orders'
import { station } from '../../api'
import type { Navigate } from '../../screens/routes'
import { errorMessage } from '../../useAction'
import { useApproval } from '../useApproval'

/**
 * Opening an order for scanning claims it for this station (SPEC §7). Mounted
 * once on each scan screen: when another station packs the order (or the OMS
 * does not answer and the order waits), a dialog that cannot be dismissed says
 * so by the station's name and local time, and the scan field stays out of
 * reach; back to the order, try again, or — a shift lead's badge and PIN —
 * take it over. An order the OMS accepted as packed at another station says
 * where and when, with no takeover. A claim granted offline shows a notice.
 */
export function OrderClaimGate({ order, navigate }: { order: OrderDetail; navigate: Navigate }) {
  const { t } = useTranslation('claims')
  const approval = useApproval()
  const [answer, setAnswer] = useState<ClaimAnswer | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const orderId = order.id

  const claim = useCallback(() => {
    setProblem(null)
    station.claims.open({ orderId }).then(setAnswer, (e) => setProblem(errorMessage(e)))
  }, [orderId])
  useEffect(claim, [claim])

  const holder = answer?.holder
  const stationName = holder ? (holder.stationName ?? holder.stationId) : ''
  const refused =
    answer?.outcome === 'held_elsewhere' || answer?.outcome === 'wait_for_oms' || answer?.outcome === 'already_packed' || problem !== null
  const takeOver = () =>
    approval.ask(t('takeOver.action', { order: order.orderNumber, station: stationName }), async (a) =>
      setAnswer(await station.claims.takeOver({ orderId, approval: a }))
    )

  return (
    <>
      {answer?.outcome === 'offline' && (
        <Alert color="yellow" title={t('offline.title')}>
          {t('offline.body')}
        </Alert>
      )}
      {answer?.takenFrom && (
        <Alert color="grape" title={t('takenOver.title')}>
          {t('takenOver.body', { station: answer.takenFrom.stationName ?? answer.takenFrom.stationId })}
        </Alert>
      )}
      <Modal
        opened={refused && !approval.pending}
        onClose={() => {}}
        withCloseButton={false}
        closeOnClickOutside={false}
        closeOnEscape={false}
        size="lg"
        title={
          answer?.outcome === 'held_elsewhere'
            ? t('elsewhere.title')
            : answer?.outcome === 'already_packed'
              ? t('packed.title')
              : t('wait.title')
        }
      >
        <Stack>
          {answer?.outcome === 'held_elsewhere' && holder && (
            <>
              <Text size="xl" fw={700} data-testid="claim-holder">
                {t('elsewhere.body', { order: order.orderNumber, station: stationName, since: new Date(holder.since) })}
              </Text>
              <Text c="dimmed">{t('elsewhere.hint')}</Text>
            </>
          )}
          {answer?.outcome === 'already_packed' && holder && (
            <>
              <Text size="xl" fw={700} data-testid="claim-holder">
                {t('packed.body', { order: order.orderNumber, station: stationName, at: new Date(holder.since) })}
              </Text>
              <Text c="dimmed">{t('packed.hint')}</Text>
            </>
          )}
          {answer?.outcome === 'wait_for_oms' && <Text size="lg">{t('wait.body', { order: order.orderNumber })}</Text>}
          {problem && <Alert color="red">{problem}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" size="md" onClick={() => navigate({ screen: 'order', orderId })}>
              {t('back')}
            </Button>
            <Button variant="light" size="md" onClick={claim}>
              {t('retry')}
            </Button>
            {answer?.outcome === 'held_elsewhere' && (
              <Button color="grape" size="md" onClick={takeOver}>
                {t('takeOver.button')}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
      {approval.dialog}
    </>
  )
}
