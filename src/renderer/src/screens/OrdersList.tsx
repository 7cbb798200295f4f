import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import type { OrderSummary } from '../../../shared/orders'
import { station } from '../api'
import { AssignOperator } from '../components/AssignOperator'
import { errorMessage } from '../useAction'
import { useAsync } from '../useAsync'
import { OrderFiltersBar } from './orders/OrderFiltersBar'
import { OrdersHeader } from './orders/OrdersHeader'
import { OrdersTable } from './orders/OrdersTable'
import { orderQuery, useOrderList, type OrderFilters } from './orders/useOrderList'
import type { Navigate } from './routes'

/**
 * The orders list: search by order number, OMS id, channel order id, parent
 * order id or a scanned IMEI; filter by status and by assigned operator. The
 * orders the signed-in operator still has to pack come first. The first page
 * loads when the screen opens, the next ones as the operator scrolls (a search:
 * its best matches first). Scanning an order number and
 * Enter opens the order when exactly one matches. A shift lead ticks orders
 * and assigns operators to them (Assign operator).
 */
export function OrdersList({ navigate }: { navigate: Navigate }) {
  const { t } = useTranslation('orders')
  const [filters, setFilters] = useState<OrderFilters>({ query: '', status: null, assignedTo: '' })
  const [assigning, setAssigning] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const me = useAsync(() => station.operators.current(), [])
  const operators = useAsync(() => station.operators.list(), [])
  const list = useOrderList(filters)
  const { orders, selected, setSelected } = list
  const isShiftLead = me.value?.role === 'shift_lead'

  const open = (order: OrderSummary) => navigate({ screen: 'order', orderId: order.id })
  const onSearchEnter = async () => {
    const page = await station.orders.list(orderQuery(filters, 2))
    if (page.orders.length === 1 && !page.nextCursor) open(page.orders[0])
  }
  const loadSampleData = () => station.app.loadSampleData().then(list.reload, (e) => list.setError(errorMessage(e)))

  return (
    <Stack>
      <OrdersHeader
        assign={isShiftLead ? { selected: selected.size, onAssign: () => setAssigning(true) } : null}
        onImport={() => navigate({ screen: 'import' })}
      />
      <OrderFiltersBar
        filters={filters}
        onChange={setFilters}
        onSearchEnter={() => void onSearchEnter()}
        me={me.value ?? null}
        operators={operators.value ?? []}
      />
      {list.error && <Alert color="red">{list.error}</Alert>}
      {notice && (
        <Alert
          color="green"
          title={t('list.assigned')}
          withCloseButton
          onClose={() => setNotice(null)}
          styles={{ message: { fontSize: '1.15rem' } }}
        >
          {notice}
        </Alert>
      )}
      {list.empty && (
        <Alert color="blue" title={t('list.none')}>
          <Group>
            <Text>{t('list.noneHint')}</Text>
            <Button onClick={loadSampleData}>{t('signIn:firstRun.sample')}</Button>
          </Group>
        </Alert>
      )}
      {orders && (
        <OrdersTable
          orders={orders}
          onOpen={open}
          me={me.value ?? null}
          selection={isShiftLead ? { selected, setSelected } : null}
          more={list.more}
          onEndReached={list.loadMore}
          searching={filters.query.trim() !== ''}
        />
      )}
      <AssignOperator
        opened={assigning}
        orders={(orders ?? []).filter((o) => selected.has(o.id))}
        operators={operators.value ?? []}
        onClose={() => setAssigning(false)}
        onAssigned={(message) => {
          setNotice(message)
          setSelected(new Set())
          list.reload()
        }}
      />
    </Stack>
  )
}
