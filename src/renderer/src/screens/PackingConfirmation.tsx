import { useState } from 'react'
import { Alert, Button, List, Stack } from '@mantine/core'
import { station } from '../api'
import { LinesAndBoxes } from '../components/LinesAndBoxes'
import { OrderHeader } from '../components/OrderHeader'
import { useAsync } from '../useAsync'
import type { Navigate } from './routes'

/** Packing Confirmation (SPEC §6): ordered vs scanned per line, the boxes, and Confirm when complete. */
export function PackingConfirmationScreen({ orderId, navigate }: { orderId: number; navigate: Navigate }) {
  const { value, error, setValue } = useAsync(() => station.packing.confirmation({ orderId }), [orderId])
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  if (error) return <Alert color="red">{error}</Alert>
  if (!value) return null
  const { order, canConfirm, blockers } = value

  const confirm = async () => {
    try {
      await station.packing.confirm({ orderId })
      setValue(await station.packing.confirmation({ orderId }))
      setMessage({ ok: true, text: `Order ${order.orderNumber} is packed.` })
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message })
    }
  }

  return (
    <Stack>
      <OrderHeader
        order={order}
        title={`Packing Confirmation · ${order.orderNumber}`}
        back={{ label: 'Order', go: () => navigate({ screen: 'order', orderId }) }}
        actions={
          (order.status === 'ready' || order.status === 'in_progress') && (
            <Button variant="light" size="lg" onClick={() => navigate({ screen: 'usedScan', orderId })}>
              Back to scanning
            </Button>
          )
        }
      />
      <LinesAndBoxes
        order={order}
        aside={
          <Stack>
            {blockers.length > 0 && order.status !== 'packed' && (
              <Alert color="orange" title="Not ready to confirm">
                <List>
                  {blockers.map((b) => (
                    <List.Item key={b}>{b}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {message && (
              <Alert color={message.ok ? 'green' : 'red'} role="alert">
                {message.text}
              </Alert>
            )}
            <Button size="xl" color="green" disabled={!canConfirm} onClick={confirm} autoFocus={canConfirm}>
              Confirm
            </Button>
          </Stack>
        }
      />
    </Stack>
  )
}
