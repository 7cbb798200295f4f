import { useState } from 'react'
import { Button, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { OrderDetail } from '../../../shared/orders'
import { station } from '../api'
import { ShiftLeadApproval } from './ShiftLeadApproval'

/** A shift lead puts a ready order on hold, or releases a held one early (badge, PIN and a reason). */
export function HoldRelease({ order, onChanged }: { order: OrderDetail; onChanged: (order: OrderDetail) => void }) {
  const { t } = useTranslation('packing')
  const [opened, setOpened] = useState(false)
  const release = order.status === 'on_hold'
  if (order.status !== 'on_hold' && order.status !== 'ready') return null
  return (
    <>
      <Button size="lg" variant="outline" color={release ? 'teal' : 'orange'} onClick={() => setOpened(true)}>
        {release ? t('hold.release') : t('hold.put')}
      </Button>
      <ShiftLeadApproval
        opened={opened}
        action={
          release ? t('hold.approveRelease', { orderNumber: order.orderNumber }) : t('hold.approveHold', { orderNumber: order.orderNumber })
        }
        reason="required"
        approveLabel={release ? t('hold.releaseButton') : t('hold.holdButton')}
        onApprove={async (approval, reason) => {
          const args = { orderId: order.id, approval, reason: reason ?? '' }
          onChanged(release ? await station.orders.release(args) : await station.orders.hold(args))
        }}
        onClose={() => setOpened(false)}
      >
        <Text>
          {release
            ? order.dispatchAfter
              ? t('hold.releasesAfter', { at: order.dispatchAfter })
              : t('hold.releaseHint')
            : t('hold.holdHint')}
        </Text>
      </ShiftLeadApproval>
    </>
  )
}
