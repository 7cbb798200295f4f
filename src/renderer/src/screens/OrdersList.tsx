import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { OrderStatus, OrderSummary } from '../../../shared/schemas'
import { station } from '../api'
import { StatusBadge, statusLabel } from '../components/StatusBadge'
import type { Navigate } from './routes'

const STATUSES: OrderStatus[] = ['on_hold', 'ready', 'in_progress', 'packed', 'shipped', 'cancelled']
const ROW_HEIGHT = 52

/**
 * The orders list: search by order number, OMS id, channel order id, parent
 * order id or a scanned IMEI; filter by status. Scanning an order number and
 * Enter opens the order when exactly one matches.
 */
export function OrdersList({ navigate }: { navigate: Navigate }) {
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState<OrderStatus | null>(null)
  const [orders, setOrders] = useState<OrderSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [empty, setEmpty] = useState(false)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      station.orders
        .list({ query: query || undefined, status: status ?? undefined, limit: 500 })
        .then((rows) => {
          if (!current) return
          setOrders(rows)
          setError(null)
          // An unfiltered list with no rows: the station has no orders at all.
          setEmpty(!query && !status && rows.length === 0)
        })
        .catch((e: Error) => current && setError(e.message))
    }, 120)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query, status, version])

  const open = (order: OrderSummary) => navigate({ screen: 'order', orderId: order.id })

  const onSearchEnter = async () => {
    const rows = await station.orders.list({ query: query || undefined, status: status ?? undefined, limit: 2 })
    if (rows.length === 1) open(rows[0])
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Orders</Title>
        <Button variant="light" onClick={() => navigate({ screen: 'import' })}>
          Import orders
        </Button>
      </Group>
      <Group align="end">
        <form
          style={{ flex: 1 }}
          onSubmit={(e) => {
            e.preventDefault()
            void onSearchEnter()
          }}
        >
          <TextInput
            label="Search"
            placeholder="Order number, channel order id, OMS id, parent order id or IMEI"
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            autoFocus
            size="lg"
          />
        </form>
        <Select
          label="Status"
          placeholder="All statuses"
          clearable
          size="lg"
          w={220}
          value={status}
          onChange={(v) => setStatus(v as OrderStatus | null)}
          data={STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
        />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {empty && (
        <Alert color="blue" title="No orders yet">
          <Group>
            <Text>Import an order file, or load the sample orders to try the station.</Text>
            <Button onClick={() => station.app.loadSampleData().then(() => setVersion((v) => v + 1), (e: Error) => setError(e.message))}>Load sample data</Button>
          </Group>
        </Alert>
      )}
      {orders && <OrdersTable orders={orders} onOpen={open} />}
    </Stack>
  )
}

function OrdersTable({ orders, onOpen }: { orders: OrderSummary[]; onOpen: (o: OrderSummary) => void }) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: orders.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 })
  const items = virtualizer.getVirtualItems()
  const padTop = items.length ? items[0].start : 0
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0

  return (
    <Paper withBorder>
      <div ref={scrollRef} style={{ height: 'calc(100vh - 290px)', minHeight: 300, overflow: 'auto' }}>
        <Table stickyHeader highlightOnHover verticalSpacing="sm" fz="md" aria-label="Orders">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Order</Table.Th>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Channel order id</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Scanned</Table.Th>
              <Table.Th>Created</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {padTop > 0 && (
              <tr>
                <td style={{ height: padTop }} colSpan={7} />
              </tr>
            )}
            {items.map((item) => {
              const o = orders[item.index]
              return (
                <Table.Tr key={o.id} style={{ height: ROW_HEIGHT, cursor: 'pointer' }} onClick={() => onOpen(o)}>
                  <Table.Td>
                    <Button variant="subtle" size="compact-md" fw={800} onClick={() => onOpen(o)}>
                      {o.orderNumber}
                    </Button>
                    {o.matchedSerial && (
                      <Text size="xs" c="dimmed" className="mono">
                        IMEI {o.matchedSerial}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{o.channel}</Table.Td>
                  <Table.Td className="mono">{o.channelOrderId ?? '—'}</Table.Td>
                  <Table.Td>{o.orderType === 'bulk' ? 'Bulk (B2B)' : 'Normal'}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={o.status} omsStatus={o.omsStatus} />
                  </Table.Td>
                  <Table.Td>
                    {o.scannedQuantity} / {o.orderedQuantity}
                  </Table.Td>
                  <Table.Td>{o.createdAt.slice(0, 16).replace('T', ' ')}</Table.Td>
                </Table.Tr>
              )
            })}
            {padBottom > 0 && (
              <tr>
                <td style={{ height: padBottom }} colSpan={7} />
              </tr>
            )}
          </Table.Tbody>
        </Table>
        {orders.length === 0 && (
          <Text p="lg" c="dimmed">
            No orders match.
          </Text>
        )}
      </div>
    </Paper>
  )
}
