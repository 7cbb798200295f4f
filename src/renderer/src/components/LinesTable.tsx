import { memo, useMemo } from 'react'
import { Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { OrderLine } from '../../../shared/orders'
import { formatNumber } from '../../../shared/numberFormat'
import { HeadedTable, type Column } from './HeadedTable'

/** Quantities are right-aligned, so their digits line up. */
const numeric = (title: string): Column => ({ title, ta: 'right' })

const COLUMNS = (t: TFunction) => [
  t('lines.line'),
  t('lines.sku'),
  t('lines.product'),
  t('lines.condition'),
  numeric(t('lines.ordered')),
  numeric(t('scan:panel.scanCount')),
  numeric(t('scan:panel.pendingCount'))
]

const POINTER = { cursor: 'pointer' } as const

/**
 * Ordered vs scanned per line; the active line (if any) is highlighted. A scan changes one line: only its row is
 * drawn again (a line the station's answer did not touch keeps its object, and `onPick` should keep its identity);
 * the heading row is not, and the table is not drawn at all while its props stay the same.
 */
export const LinesTable = memo(function LinesTable({
  lines,
  activeLineId,
  onPick
}: {
  lines: OrderLine[]
  activeLineId?: number | null
  onPick?: (line: OrderLine) => void
}) {
  const { t } = useTranslation('orders')
  const columns = useMemo(() => COLUMNS(t), [t])
  return (
    <HeadedTable verticalSpacing="sm" fz="md" aria-label={t('lines.title')} columns={columns} stableColumns>
      {lines.map((l) => (
        <LineRow key={l.id} line={l} active={l.id === activeLineId} onPick={onPick} />
      ))}
    </HeadedTable>
  )
})

const LineRow = memo(function LineRow({
  line: l,
  active,
  onPick
}: {
  line: OrderLine
  active: boolean
  onPick?: (line: OrderLine) => void
}) {
  const { t, i18n } = useTranslation('orders')
  // The language's number format, as the Scan Count and Pending Count beside the table ("2,000" / "2000").
  const n = (value: number) => formatNumber(value, i18n.language)
  return (
    <Table.Tr
      data-active={active}
      data-complete={l.pendingCount === 0}
      onClick={onPick ? () => onPick(l) : undefined}
      style={onPick ? POINTER : undefined}
    >
      <Table.Td>{l.lineId}</Table.Td>
      <Table.Td className="mono">{l.sku}</Table.Td>
      <Table.Td>
        {l.productName}
        {!l.serialized && ` ${t('lines.nonSerialized')}`}
      </Table.Td>
      <Table.Td>{l.condition === 'new' ? t('lines.new') : t('lines.used')}</Table.Td>
      <Table.Td ta="right">{n(l.quantity)}</Table.Td>
      <Table.Td ta="right" fw={700}>
        {n(l.scanCount)}
      </Table.Td>
      <Table.Td ta="right" fw={700}>
        {n(l.pendingCount)}
      </Table.Td>
    </Table.Tr>
  )
})
