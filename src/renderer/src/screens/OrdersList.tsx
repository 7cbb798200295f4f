import { useEffect, useRef, useState } from 'react'
import { Alert, Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Operator, OrderStatus, OrderSummary } from '../../../shared/schemas'
import { station } from '../api'
import { AssignOperator } from '../components/AssignOperator'
import { StatusBadge, statusLabel } from '../components/StatusBadge'
import { useAsync } from '../useAsync'
import type { Navigate } from './routes'

const STATUSES: OrderStatus[] = ['on_hold', 'ready', 'in_progress', 'packed', 'shipped', 'cancelled']
const ROW_HEIGHT = 52

/**
 * The orders list: search by order number, OMS id, channel order id, parent
 * order id or a scanned IMEI; filter by status and by assigned operator. The
 * orders the signed-in operator packs come first. Scanning an order number and
 * Enter opens the order when exactly one matches. A shift lead ticks orders
 * and assigns operators to them (Assign operator).
 */
export function OrdersList({ navigate }: { navigate: Navigate }) {
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState<OrderStatus | null>(null)
  /** '' any operator, 'me', or an operator id. */
  const [assignedTo, setAssignedTo] = useState('')
  const [selected, setSelected] = useState<Set<number>>(new Set())
  const [assigning, setAssigning] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const me = useAsync(() => station.operators.current(), [])
  const operators = useAsync(() => station.operators.list(), [])
  const isShiftLead = me.value?.role === 'shift_lead'
  const assignedFilter = assignedTo === '' ? undefined : assignedTo === 'me' ? ('me' as const) : Number(assignedTo)
  const [orders, setOrders] = useState<OrderSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [empty, setEmpty] = useState(false)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      station.orders
        .list({ query: query || undefined, status: status ?? undefined, assignedTo: assignedFilter, limit: 500 })
        .then((rows) => {
          if (!current) return
          setOrders(rows)
          setError(null)
          // An unfiltered list with no rows: the station has no orders at all.
          setEmpty(!query && !status && !assignedFilter && rows.length === 0)
          // Orders no longer listed cannot stay selected.
          setSelected((sel) => new Set(rows.filter((r) => sel.has(r.id)).map((r) => r.id)))
        })
        .catch((e: Error) => current && setError(e.message))
    }, 120)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query, status, assignedTo, version])

  const open = (order: OrderSummary) => navigate({ screen: 'order', orderId: order.id })

  const onSearchEnter = async () => {
    const rows = await station.orders.list({ query: query || undefined, status: status ?? undefined, assignedTo: assignedFilter, limit: 2 })
    if (rows.length === 1) open(rows[0])
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Orders</Title>
        <Group>
          {isShiftLead && (
            <Button size="lg" disabled={selected.size === 0} onClick={() => setAssigning(true)}>
              Assign operator{selected.size ? ` (${selected.size})` : ''}
            </Button>
          )}
          <Button variant="light" onClick={() => navigate({ screen: 'import' })}>
            Import orders
          </Button>
        </Group>
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
        <Select
          label="Assigned to"
          size="lg"
          w={260}
          allowDeselect={false}
          value={assignedTo}
          onChange={(v) => setAssignedTo(v ?? '')}
          data={[
            { value: '', label: 'Any operator' },
            { value: 'me', label: `Me${me.value ? ` (${me.value.name})` : ''}` },
            ...(operators.value ?? []).map((o) => ({ value: String(o.id), label: o.name }))
          ]}
        />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {notice && (
        <Alert color="green" title="Operators assigned" withCloseButton onClose={() => setNotice(null)} styles={{ message: { fontSize: '1.15rem' } }}>
          {notice}
        </Alert>
      )}
      {empty && (
        <Alert color="blue" title="No orders yet">
          <Group>
            <Text>Import an order file, or load the sample orders to try the station.</Text>
            <Button onClick={() => station.app.loadSampleData().then(() => setVersion((v) => v + 1), (e: Error) => setError(e.message))}>Load sample data</Button>
          </Group>
        </Alert>
      )}
      {orders && <OrdersTable orders={orders} onOpen={open} me={me.value ?? null} selection={isShiftLead ? { selected, setSelected } : null} />}
      <AssignOperator
        opened={assigning}
        orders={(orders ?? []).filter((o) => selected.has(o.id))}
        operators={operators.value ?? []}
        onClose={() => setAssigning(false)}
        onAssigned={(message) => {
          setNotice(message)
          setSelected(new Set())
          setVersion((v) => v + 1)
        }}
      />
    </Stack>
  )
}

type Selection = { selected: Set<number>; setSelected: (next: Set<number>) => void }

function OrdersTable({ orders, onOpen, me, selection }: { orders: OrderSummary[]; onOpen: (o: OrderSummary) => void; me: Operator | null; selection: Selection | null }) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: orders.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 })
  const items = virtualizer.getVirtualItems()
  const padTop = items.length ? items[0].start : 0
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0
  const columns = selection ? 9 : 8
  const toggle = (id: number, on: boolean) => {
    if (!selection) return
    const next = new Set(selection.selected)
    if (on) next.add(id)
    else next.delete(id)
    selection.setSelected(next)
  }
  const allSelected = selection !== null && orders.length > 0 && orders.every((o) => selection.selected.has(o.id))

  return (
    <Paper withBorder>
      <div ref={scrollRef} style={{ height: 'calc(100vh - 290px)', minHeight: 300, overflow: 'auto' }}>
        <Table stickyHeader highlightOnHover verticalSpacing="sm" fz="md" aria-label="Orders">
          <Table.Thead>
            <Table.Tr>
              {selection && (
                <Table.Th w={56}>
                  <Checkbox
                    size="md"
                    aria-label="Select all orders"
                    checked={allSelected}
                    indeterminate={!allSelected && selection.selected.size > 0}
                    onChange={(e) => selection.setSelected(new Set(e.currentTarget.checked ? orders.map((o) => o.id) : []))}
                  />
                </Table.Th>
              )}
              <Table.Th>Order</Table.Th>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Channel order id</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Scanned</Table.Th>
              <Table.Th>Packing</Table.Th>
              <Table.Th>Created</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {padTop > 0 && (
              <tr>
                <td style={{ height: padTop }} colSpan={columns} />
              </tr>
            )}
            {items.map((item) => {
              const o = orders[item.index]
              const mine = me !== null && o.assignments.packing === me.name
              return (
                <Table.Tr key={o.id} style={{ height: ROW_HEIGHT, cursor: 'pointer' }} onClick={() => onOpen(o)} data-order={o.orderNumber} data-mine={mine || undefined}>
                  {selection && (
                    <Table.Td onClick={(e) => e.stopPropagation()}>
                      <Checkbox size="md" aria-label={`Select ${o.orderNumber}`} checked={selection.selected.has(o.id)} onChange={(e) => toggle(o.id, e.currentTarget.checked)} />
                    </Table.Td>
                  )}
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
                  <Table.Td title={`Picking: ${o.assignments.picking ?? 'nobody'} · Packing: ${o.assignments.packing ?? 'nobody'} · Shipping: ${o.assignments.shipping ?? 'nobody'}`}>
                    {mine ? (
                      <Badge size="lg" color="teal">
                        You
                      </Badge>
                    ) : (
                      (o.assignments.packing ?? <Text c="dimmed">—</Text>)
                    )}
                  </Table.Td>
                  <Table.Td>{o.createdAt.slice(0, 16).replace('T', ' ')}</Table.Td>
                </Table.Tr>
              )
            })}
            {padBottom > 0 && (
              <tr>
                <td style={{ height: padBottom }} colSpan={columns} />
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
