import { useState } from 'react'
import { useTranslation } from 'react-i18next'
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
  const { t } = useTranslation('returns')
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
      <Title order={2}>{t('find.title')}</Title>
      <Text size="lg">{t('find.intro')}</Text>
      <EnterField
        label={t('find.query')}
        size="xl"
        value={query}
        onChange={setQuery}
        onEnter={() => void search(query)}
        autoFocus
        spellCheck={false}
      />
      {searching.error && (
        <Alert color="red" title={t('find.searchFailed')} role="alert">
          {searching.error}
        </Alert>
      )}
      {found && found.orders.length === 0 && (
        <Alert color="orange" title={t('find.noneTitle')} role="alert">
          <Text size="lg">{t('find.none', { query: found.query })}</Text>
        </Alert>
      )}
      {found && found.orders.length > 1 && <ShippedOrders orders={found.orders} navigate={navigate} />}
    </Stack>
  )
}

function ShippedOrders({ orders, navigate }: { orders: OrderSummary[]; navigate: Navigate }) {
  const { t } = useTranslation('returns')
  return (
    <HeadedTable
      fz="lg"
      highlightOnHover
      aria-label={t('find.table')}
      columns={[t('find.order'), t('find.channel'), t('find.channelOrderId'), null]}
    >
      {orders.map((o) => (
        <Table.Tr key={o.id}>
          <Table.Td fw={700}>{o.orderNumber}</Table.Td>
          <Table.Td>{o.channel}</Table.Td>
          <Table.Td className="mono">{o.channelOrderId}</Table.Td>
          <Table.Td>
            <Button onClick={() => navigate({ screen: 'returns', orderId: o.id })}>{t('find.scanReturn')}</Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </HeadedTable>
  )
}
