import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, List, Radio, Stack, Text } from '@mantine/core'
import { applyOrderDelta } from '../../../shared/orderDelta'
import { station } from '../api'
import { LinesAndBoxes } from '../components/LinesAndBoxes'
import { OrderScreen } from '../components/OrderHeader'
import { ShiftLeadApproval } from '../components/ShiftLeadApproval'
import { sentencesText, useAction } from '../useAction'
import { NoSsccNotice } from '../components/NoSsccNotice'
import { UnpackPanel } from '../components/UnpackPanel'
import { useAsync } from '../useAsync'
import type { Navigate } from './routes'

/**
 * Packing Confirmation (SPEC §6): ordered vs scanned per line, the boxes, and
 * Confirm when complete. A bulk `partial` order may ship short with a shift
 * lead's approval (the rest stays open in the OMS or is closed); a
 * `block_complete` order never ships short. When the OMS's answer before
 * confirming says the order was cancelled, the screen shows it cancelled
 * (Confirm off) and offers the unpacking right here.
 */
export function PackingConfirmationScreen({ orderId, navigate }: { orderId: number; navigate: Navigate }) {
  const { value, error, setValue } = useAsync(() => station.packing.confirmation({ orderId }), [orderId])
  const confirming = useAction()
  const { t } = useTranslation('packing')
  const [shortOpen, setShortOpen] = useState(false)
  const [remainder, setRemainder] = useState<'open' | 'closed'>('open')
  if (error) return <Alert color="red">{error}</Alert>
  if (!value) return null
  const { order, canConfirm, blockers, shortShipment } = value
  const scanScreen = order.lines.some((l) => l.condition === 'used') ? 'usedScan' : 'distributionScan'

  const reload = async () => setValue(await station.packing.confirmation({ orderId }))
  const confirm = async () => {
    await confirming.run(() => station.packing.confirm({ orderId }), { done: t('confirm.packed', { orderNumber: order.orderNumber }) })
    // Packed, or refused: a refusal may have changed the order too (the OMS cancelled it meanwhile).
    await reload()
  }
  const message = confirming.notice ?? confirming.error
  // Only the OMS cancels an order (SPEC §1): the station never does by itself.
  const cancelled = order.status === 'cancelled'
  const stillPacked = order.boxes.reduce((n, b) => n + b.units.length, 0) + order.looseUnits.length

  return (
    <OrderScreen
      order={order}
      screen={t('scan:layout.packingConfirmation')}
      back={{ label: t('scan:layout.order'), go: () => navigate({ screen: 'order', orderId }) }}
      actions={
        (order.status === 'ready' || order.status === 'in_progress') && (
          <Button variant="light" size="lg" onClick={() => navigate({ screen: scanScreen, orderId })}>
            {t('confirm.backToScanning')}
          </Button>
        )
      }
    >
      <LinesAndBoxes
        order={order}
        aside={
          <Stack>
            <NoSsccNotice />
            {cancelled && (
              <Alert color="red" variant="filled" title={t('confirm.cancelledTitle')}>
                <Text size="lg">
                  {t('confirm.cancelled', { orderNumber: order.orderNumber })}
                  {stillPacked > 0 ? ` ${t('confirm.unpackBelow')}` : ''}
                </Text>
              </Alert>
            )}
            {blockers.length > 0 && !cancelled && order.status !== 'packed' && order.status !== 'shipped' && (
              <Alert color="orange" title={t('confirm.notReady')}>
                <List>
                  {sentencesText(value.blockerWords, blockers).map((b) => (
                    <List.Item key={b}>{b}</List.Item>
                  ))}
                </List>
                {!shortShipment.allowed && shortShipment.why && order.orderType === 'bulk' && (
                  <Text mt="xs" fw={700}>
                    {sentencesText(shortShipment.whyWords, [shortShipment.why]).join(' ')}
                  </Text>
                )}
              </Alert>
            )}
            {message !== null && !(cancelled && confirming.error !== null) && (
              <Alert color={confirming.notice !== null ? 'green' : 'red'} role="alert">
                {message}
              </Alert>
            )}
            <Button size="xl" color="green" disabled={!canConfirm} onClick={confirm} autoFocus={canConfirm}>
              {t('confirm.confirm')}
            </Button>
            {order.status === 'packed' && (
              <Button size="xl" color="teal" onClick={() => navigate({ screen: 'ship', orderId })}>
                {t('confirm.ship')}
              </Button>
            )}
            {shortShipment.allowed && (
              <Button size="lg" color="orange" variant="outline" onClick={() => setShortOpen(true)}>
                {t('confirm.shipShort')}
              </Button>
            )}
          </Stack>
        }
      />
      {cancelled && (
        <UnpackPanel order={order} onChanged={(change) => setValue((v) => v && { ...v, order: applyOrderDelta(v.order, change) })} />
      )}
      <ShiftLeadApproval
        opened={shortOpen}
        action={t('confirm.approveShort', { orderNumber: order.orderNumber })}
        approveLabel={t('confirm.confirmShort')}
        onApprove={async (approval) => {
          await station.packing.confirm({ orderId, short: { approval, remainder } })
          await reload()
          confirming.succeed(
            remainder === 'open'
              ? t('confirm.packedShortOpen', { orderNumber: order.orderNumber })
              : t('confirm.packedShortClosed', { orderNumber: order.orderNumber })
          )
        }}
        onClose={() => setShortOpen(false)}
      >
        <Stack gap="xs">
          <List size="lg" aria-label={t('confirm.packedOfOrdered')}>
            {order.lines.map((l) => (
              <List.Item key={l.id}>
                {l.productName}: <b>{t('confirm.countOf', { count: l.scanCount, ordered: l.quantity })}</b>
              </List.Item>
            ))}
          </List>
          <Radio.Group label={t('confirm.rest')} size="lg" value={remainder} onChange={(v) => setRemainder(v as 'open' | 'closed')}>
            <Stack gap="xs" mt={4}>
              <Radio size="md" value="open" label={t('confirm.restOpen')} />
              <Radio size="md" value="closed" label={t('confirm.restClosed')} />
            </Stack>
          </Radio.Group>
        </Stack>
      </ShiftLeadApproval>
    </OrderScreen>
  )
}
