import { useEffect, useRef } from 'react'
import { Badge, Button, Checkbox, Paper, Table, Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Operator } from '../../../../shared/operators'
import type { OrderSummary } from '../../../../shared/orders'
import { HeadedTable, type Column } from '../../components/HeadedTable'
import { StatusBadge } from '../../components/StatusBadge'
import { formatLocalTime } from '../../../../shared/localTime'

const ROW_HEIGHT = 52
/** The next page is fetched when the rows drawn come this close to the last one loaded. */
const LOAD_AHEAD = 40

/** The ticked orders (a shift lead's, for Assign operator). */
export type Selection = { selected: Set<number>; setSelected: (next: Set<number>) => void }

type OrdersTableProps = {
  orders: OrderSummary[]
  onOpen: (o: OrderSummary) => void
  me: Operator | null
  selection: Selection | null
  /** The station has more orders to list: `onEndReached` fetches the next page. */
  more: boolean
  onEndReached: () => void
  /** The rows are a search's matches (best first), not the whole list. */
  searching: boolean
}

/**
 * The orders, virtualized (only the rows in view are drawn), loading the next page as the operator scrolls
 * near the end, with a tick box per row for a shift lead.
 */
export function OrdersTable({ orders, onOpen, me, selection, more, onEndReached, searching }: OrdersTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: orders.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10
  })
  const items = virtualizer.getVirtualItems()
  const padTop = items.length ? items[0].start : 0
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0
  const columns = columnsOf(orders, selection)
  const lastDrawn = items.length ? items[items.length - 1].index : -1
  useEffect(() => {
    if (more && lastDrawn >= orders.length - LOAD_AHEAD) onEndReached()
  }, [more, lastDrawn, orders.length, onEndReached])

  return (
    <Paper withBorder>
      <Text size="sm" c="dimmed" px="md" py={6} aria-label="Orders shown" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        {shownText(orders.length, more, searching)}
      </Text>
      <div ref={scrollRef} style={{ height: 'calc(100vh - 370px)', minHeight: 300, overflow: 'auto' }}>
        <HeadedTable stickyHeader highlightOnHover verticalSpacing="sm" fz="md" aria-label="Orders" columns={columns}>
          {padTop > 0 && <Spacer height={padTop} columns={columns.length} />}
          {items.map((item) => (
            <OrderRow key={orders[item.index].id} order={orders[item.index]} me={me} selection={selection} onOpen={onOpen} />
          ))}
          {padBottom > 0 && <Spacer height={padBottom} columns={columns.length} />}
        </HeadedTable>
        {orders.length === 0 && (
          <Text p="lg" c="dimmed">
            No orders match.
          </Text>
        )}
      </div>
    </Paper>
  )
}

/** How many rows are listed, and whether scrolling brings more. */
function shownText(n: number, more: boolean, searching: boolean) {
  const what = searching ? `${n} match${n === 1 ? '' : 'es'}` : `${n.toLocaleString('en')} order${n === 1 ? '' : 's'}`
  if (more) return `Showing ${what}${searching ? ', best first' : ''} — more load as you scroll`
  return searching ? `${what}, best first` : `Showing all ${what}`
}

/** Stands in for the rows scrolled out of view, so the scroll bar stays true. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr>
      <td style={{ height }} colSpan={columns} />
    </tr>
  )
}

const COLUMNS: Column[] = ['Order', 'Channel', 'Channel order id', 'Type', 'Status', 'Scanned', 'Packing', 'Created']

/** The headings; with a selection, a first column whose tick box selects every order. */
function columnsOf(orders: OrderSummary[], selection: Selection | null): Column[] {
  if (!selection) return COLUMNS
  return [{ title: <SelectAll orders={orders} selection={selection} />, w: 56 }, ...COLUMNS]
}

function SelectAll({ orders, selection }: { orders: OrderSummary[]; selection: Selection }) {
  const allSelected = orders.length > 0 && orders.every((o) => selection.selected.has(o.id))
  return (
    <Checkbox
      size="md"
      aria-label="Select all orders"
      checked={allSelected}
      indeterminate={!allSelected && selection.selected.size > 0}
      onChange={(e) => selection.setSelected(new Set(e.currentTarget.checked ? orders.map((o) => o.id) : []))}
    />
  )
}

function OrderRow({
  order: o,
  me,
  selection,
  onOpen
}: {
  order: OrderSummary
  me: Operator | null
  selection: Selection | null
  onOpen: (o: OrderSummary) => void
}) {
  const mine = me !== null && o.assignments.packing === me.name
  const toggle = (on: boolean) => {
    if (!selection) return
    const next = new Set(selection.selected)
    if (on) next.add(o.id)
    else next.delete(o.id)
    selection.setSelected(next)
  }
  const who = `Picking: ${o.assignments.picking ?? 'nobody'} · Packing: ${o.assignments.packing ?? 'nobody'} · Shipping: ${o.assignments.shipping ?? 'nobody'}`

  return (
    <Table.Tr
      style={{ height: ROW_HEIGHT, cursor: 'pointer' }}
      onClick={() => onOpen(o)}
      data-order={o.orderNumber}
      data-mine={mine || undefined}
    >
      {selection && (
        <Table.Td onClick={(e) => e.stopPropagation()}>
          <Checkbox
            size="md"
            aria-label={`Select ${o.orderNumber}`}
            checked={selection.selected.has(o.id)}
            onChange={(e) => toggle(e.currentTarget.checked)}
          />
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
      <Table.Td title={who}>
        {mine ? (
          <Badge size="lg" color="teal">
            You
          </Badge>
        ) : (
          (o.assignments.packing ?? <Text c="dimmed">—</Text>)
        )}
      </Table.Td>
      <Table.Td>{formatLocalTime(o.createdAt)}</Table.Td>
    </Table.Tr>
  )
}
