import { memo, type ReactNode } from 'react'
import { Table, type TableProps, type TableThProps } from '@mantine/core'

/** A column's heading: its title, null for an untitled column (the row's actions), or the title with the heading cell's own props. */
export type Column = string | null | ({ title: ReactNode } & Omit<TableThProps, 'title'>)

/**
 * The station's list tables: one heading row with the columns' titles, then the rows given as children.
 * `stableColumns`: the caller keeps `columns` one array for as long as the titles stay, so the heading row is
 * drawn again only when that array changes, not with every row (the scan screens' lines table, issue 10).
 */
export function HeadedTable({ columns, stableColumns, children, ...table }: TableProps & { columns: Column[]; stableColumns?: boolean }) {
  return (
    <Table {...table}>
      {stableColumns ? <StableHeadingRow columns={columns} /> : <HeadingRow columns={columns} />}
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  )
}

function HeadingRow({ columns }: { columns: Column[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column, i) => (
          <Heading key={i} column={column} />
        ))}
      </Table.Tr>
    </Table.Thead>
  )
}

const StableHeadingRow = memo(HeadingRow)

function Heading({ column }: { column: Column }) {
  if (column === null || typeof column === 'string') return <Table.Th>{column}</Table.Th>
  const { title, ...th } = column
  return <Table.Th {...th}>{title}</Table.Th>
}
