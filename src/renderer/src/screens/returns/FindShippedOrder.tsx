import { useState } from 'react'
import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core'
import type { OrderSummary } from '../../../../shared/orders'
import { station } from '../../api'
import { EnterField } from '../../components/EnterField'
import { HeadedTable } from '../../components/HeadedTable'
import { useScanStream } from '../../deviceScans'
import { useAction } from '../../useAction'
import type { Navigate } from '../routes'

/** Returns, first step: the shipped order, by order number, channel order id or any IMEI of the parcel. */
export function FindShippedOrder({ navigate }: { navigate: Navigate }) {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<{ query: string; orders: OrderSummary[] } | null>(null)
  const searching = useAction()

  const search = async (text: string) => {
    if (!text.trim()) return
    const page = await searching.run(() => station.orders.list({ query: text.trim(), status: 'shipped', limit: 50 }))
    if (!page) return
    const { orders } = page
    if (orders.length === 1) return navigate({ screen: 'returns', orderId: orders[0].id })
    setFound({ query: text.trim(), orders })
  }
  useScanStream((scan) => {
    setQuery(scan.data)
    return search(scan.data)
  })

  return (
    <Stack maw={1100}>
      <Title order={2}>Returns</Title>
      <Text size="lg">Scan or type the order number, the channel order id, or the IMEI of any unit in the returned parcel.</Text>
      <EnterField
        label="Order or IMEI"
        size="xl"
        value={query}
        onChange={setQuery}
        onEnter={() => void search(query)}
        autoFocus
        spellCheck={false}
      />
      {searching.error && (
        <Alert color="red" title="Search failed" role="alert">
          {searching.error}
        </Alert>
      )}
      {found && found.orders.length === 0 && (
        <Alert color="orange" title="No shipped order found" role="alert">
          <Text size="lg">No shipped order matches {found.query}. A return is scanned against the order it shipped in.</Text>
        </Alert>
      )}
      {found && found.orders.length > 1 && <ShippedOrders orders={found.orders} navigate={navigate} />}
    </Stack>
  )
}

function ShippedOrders({ orders, navigate }: { orders: OrderSummary[]; navigate: Navigate }) {
  return (
    <HeadedTable fz="lg" highlightOnHover aria-label="Shipped orders" columns={['Order', 'Channel', 'Channel order id', null]}>
      {orders.map((o) => (
        <Table.Tr key={o.id}>
          <Table.Td fw={700}>{o.orderNumber}</Table.Td>
          <Table.Td>{o.channel}</Table.Td>
          <Table.Td className="mono">{o.channelOrderId}</Table.Td>
          <Table.Td>
            <Button onClick={() => navigate({ screen: 'returns', orderId: o.id })}>Scan return</Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </HeadedTable>
  )
}
