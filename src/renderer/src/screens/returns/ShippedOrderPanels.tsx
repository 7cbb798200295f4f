import { Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { OrderDetail } from '../../../../shared/orders'
import type { ReturnRecord } from '../../../../shared/shipping'
import { FLAG_LABEL, when } from './returnFlags'

/** What left in the order: carrier, tracking, and every unit with its box. */
export function ShippedUnits({ order }: { order: OrderDetail }) {
  const units = order.boxes.filter((b) => b.status !== 'voided').flatMap((b) => b.units.map((u) => ({ ...u, box: b.number })))
  return (
    <Paper withBorder p="md" mb="md">
      <Title order={4}>Shipped in this order</Title>
      <Text c="dimmed">
        {order.carrier} · {order.service}, tracking <span className="mono">{order.trackingNumber}</span>
        {order.shippedAt ? `, ${when(order.shippedAt)}` : ''}
      </Text>
      <Table fz="md" aria-label="Shipped units" mt="xs">
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td className="mono">{[u.serial, u.serial2].filter(Boolean).join(' / ') || 'non-serialized'}</Table.Td>
              <Table.Td>box {u.box}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

/** The returns already recorded for the order, flags included. */
export function EarlierReturns({ returns }: { returns: ReturnRecord[] }) {
  if (returns.length === 0) return null
  return (
    <Paper withBorder p="md">
      <Title order={4}>Returns recorded</Title>
      {returns.map((r) => (
        <Stack key={r.id} gap={0} mt="xs">
          <Text fw={700}>
            {when(r.receivedAt)} · {r.receivedBy}
          </Text>
          {r.units.map((u) => (
            <Text key={u.serial} className="mono" c={u.flag ? 'red.8' : undefined}>
              {u.serial}
              {u.flag ? ` — ${FLAG_LABEL[u.flag]}` : ''}
            </Text>
          ))}
          {r.note && <Text c="dimmed">{r.note}</Text>}
        </Stack>
      ))}
    </Paper>
  )
}
