import { useState } from 'react'
import { Button, Text } from '@mantine/core'
import type { OrderDetail } from '../../../shared/orders'
import { station } from '../api'
import { ShiftLeadApproval } from './ShiftLeadApproval'
import { formatLocalTime } from '../../../shared/localTime'

/** A shift lead puts a ready order on hold, or releases a held one early (badge, PIN and a reason). */
export function HoldRelease({ order, onChanged }: { order: OrderDetail; onChanged: (order: OrderDetail) => void }) {
  const [opened, setOpened] = useState(false)
  const release = order.status === 'on_hold'
  if (order.status !== 'on_hold' && order.status !== 'ready') return null
  return (
    <>
      <Button size="lg" variant="outline" color={release ? 'teal' : 'orange'} onClick={() => setOpened(true)}>
        {release ? 'Release hold' : 'Put on hold'}
      </Button>
      <ShiftLeadApproval
        opened={opened}
        action={`${release ? 'release' : 'hold'} order ${order.orderNumber}`}
        reason="required"
        approveLabel={release ? 'Release' : 'Hold'}
        onApprove={async (approval, reason) => {
          const args = { orderId: order.id, approval, reason: reason ?? '' }
          onChanged(release ? await station.orders.release(args) : await station.orders.hold(args))
        }}
        onClose={() => setOpened(false)}
      >
        <Text>
          {release
            ? order.dispatchAfter
              ? `It would release by itself after ${formatLocalTime(order.dispatchAfter)}.`
              : 'It can be scanned as soon as it is released.'
            : 'A held order cannot be scanned until a shift lead releases it.'}
        </Text>
      </ShiftLeadApproval>
    </>
  )
}
