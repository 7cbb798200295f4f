import { Table } from '@mantine/core'
import type { OrderLine } from '../../../shared/orders'

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
    <Table verticalSpacing="sm" fz="md" aria-label="Lines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Line</Table.Th>
          <Table.Th>SKU</Table.Th>
          <Table.Th>Product</Table.Th>
          <Table.Th>Condition</Table.Th>
          <Table.Th ta="right">Ordered</Table.Th>
          <Table.Th ta="right">Scan Count</Table.Th>
          <Table.Th ta="right">Pending Count</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
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
      </Table.Tbody>
    </Table>
  )
}
