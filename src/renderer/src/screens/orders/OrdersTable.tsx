import { useEffect, useRef } from 'react'
import { Badge, Button, Checkbox, Paper, Table, Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { Operator } from '../../../../shared/operators'
import type { OrderSummary } from '../../../../shared/orders'
import { HeadedTable, type Column } from '../../components/HeadedTable'
import { StatusBadge } from '../../components/StatusBadge'

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
  const { t } = useTranslation('orders')
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
  const columns = columnsOf(orders, selection, t)
  const lastDrawn = items.length ? items[items.length - 1].index : -1
  useEffect(() => {
    if (more && lastDrawn >= orders.length - LOAD_AHEAD) onEndReached()
  }, [more, lastDrawn, orders.length, onEndReached])

  return (
    <Paper withBorder>
      <Text
        size="sm"
        c="dimmed"
        px="md"
        py={6}
        aria-label={t('table.shown')}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        {shownText(t, orders.length, more, searching)}
      </Text>
      <div ref={scrollRef} style={{ height: 'calc(100vh - 370px)', minHeight: 300, overflow: 'auto' }}>
        <HeadedTable stickyHeader highlightOnHover verticalSpacing="sm" fz="md" aria-label={t('list.title')} columns={columns}>
          {padTop > 0 && <Spacer height={padTop} columns={columns.length} />}
          {items.map((item) => (
            <OrderRow key={orders[item.index].id} order={orders[item.index]} me={me} selection={selection} onOpen={onOpen} />
          ))}
          {padBottom > 0 && <Spacer height={padBottom} columns={columns.length} />}
        </HeadedTable>
        {orders.length === 0 && (
          <Text p="lg" c="dimmed">
            {t('table.noMatch')}
          </Text>
        )}
      </div>
    </Paper>
  )
}

/** How many rows are listed, and whether scrolling brings more. */
function shownText(t: TFunction, count: number, more: boolean, searching: boolean) {
  if (searching) return more ? t('table.matchesMore', { count }) : t('table.matches', { count })
  return more ? t('table.ordersMore', { count }) : t('table.ordersAll', { count })
}

/** Stands in for the rows scrolled out of view, so the scroll bar stays true. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr>
      <td style={{ height }} colSpan={columns} />
    </tr>
  )
}

const COLUMNS = (t: TFunction): Column[] => [
  t('table.order'),
  t('table.channel'),
  t('table.channelOrderId'),
  t('table.type'),
  t('table.status'),
  t('table.scanned'),
  t('table.packing'),
  t('table.created')
]

/** The headings; with a selection, a first column whose tick box selects every order. */
function columnsOf(orders: OrderSummary[], selection: Selection | null, t: TFunction): Column[] {
  if (!selection) return COLUMNS(t)
  return [{ title: <SelectAll orders={orders} selection={selection} />, w: 56 }, ...COLUMNS(t)]
}

function SelectAll({ orders, selection }: { orders: OrderSummary[]; selection: Selection }) {
  const { t } = useTranslation('orders')
  const allSelected = orders.length > 0 && orders.every((o) => selection.selected.has(o.id))
  return (
    <Checkbox
      size="md"
      aria-label={t('table.selectAll')}
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
  const { t } = useTranslation('orders')
  const mine = me !== null && o.assignments.packing === me.name
  const toggle = (on: boolean) => {
    if (!selection) return
    const next = new Set(selection.selected)
    if (on) next.add(o.id)
    else next.delete(o.id)
    selection.setSelected(next)
  }
  const nobody = t('table.nobody')
  const who = t('table.who', {
    picking: o.assignments.picking ?? nobody,
    packing: o.assignments.packing ?? nobody,
    shipping: o.assignments.shipping ?? nobody
  })

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
            aria-label={t('table.select', { orderNumber: o.orderNumber })}
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
            {t('table.matchedImei', { serial: o.matchedSerial })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{o.channel}</Table.Td>
      <Table.Td className="mono">{o.channelOrderId ?? '—'}</Table.Td>
      <Table.Td>{o.orderType === 'bulk' ? t('type.bulk') : t('type.normal')}</Table.Td>
      <Table.Td>
        <StatusBadge status={o.status} omsStatus={o.omsStatus} />
      </Table.Td>
      <Table.Td>{t('table.scannedOf', { scanned: o.scannedQuantity, ordered: o.orderedQuantity })}</Table.Td>
      <Table.Td title={who}>
        {mine ? (
          <Badge size="lg" color="teal">
            {t('table.you')}
          </Badge>
        ) : (
          (o.assignments.packing ?? <Text c="dimmed">—</Text>)
        )}
      </Table.Td>
      <Table.Td>{t('common:dateTime', { at: o.createdAt })}</Table.Td>
    </Table.Tr>
  )
}
