import { Table } from '@mantine/core'
import type { OrderLine } from '../../../shared/orders'
import { HeadedTable, type Column } from './HeadedTable'

/** Quantities are right-aligned, so their digits line up. */
const numeric = (title: string): Column => ({ title, ta: 'right' })

const COLUMNS = ['Line', 'SKU', 'Product', 'Condition', numeric('Ordered'), numeric('Scan Count'), numeric('Pending Count')]

/** Ordered vs scanned per line; the active line (if any) is highlighted. */
export function LinesTable({
  lines,
  activeLineId,
  onPick
}: {
  lines: OrderLine[]
  activeLineId?: number | null
  onPick?: (line: OrderLine) => void
}) {
  return (
    <HeadedTable verticalSpacing="sm" fz="md" aria-label="Lines" columns={COLUMNS}>
      {lines.map((l) => (
        <Table.Tr
          key={l.id}
          data-active={l.id === activeLineId}
          data-complete={l.pendingCount === 0}
          onClick={onPick ? () => onPick(l) : undefined}
          style={onPick ? { cursor: 'pointer' } : undefined}
        >
          <Table.Td>{l.lineId}</Table.Td>
          <Table.Td className="mono">{l.sku}</Table.Td>
          <Table.Td>
            {l.productName}
            {!l.serialized && ' (non-serialized)'}
          </Table.Td>
          <Table.Td>{l.condition}</Table.Td>
          <Table.Td ta="right">{l.quantity}</Table.Td>
          <Table.Td ta="right" fw={700}>
            {l.scanCount}
          </Table.Td>
          <Table.Td ta="right" fw={700}>
            {l.pendingCount}
          </Table.Td>
        </Table.Tr>
      ))}
    </HeadedTable>
  )
}
