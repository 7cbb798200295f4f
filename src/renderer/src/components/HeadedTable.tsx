import type { ReactNode } from 'react'
import { Table, type TableProps, type TableThProps } from '@mantine/core'

/** A column's heading: its title, null for an untitled column (the row's actions), or the title with the heading cell's own props. */
export type Column = string | null | ({ title: ReactNode } & Omit<TableThProps, 'title'>)

/** The station's list tables: one heading row with the columns' titles, then the rows given as children. */
export function HeadedTable({ columns, children, ...table }: TableProps & { columns: Column[] }) {
  return (
    <Table {...table}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column, i) => (
            <Heading key={i} column={column} />
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  )
}

function Heading({ column }: { column: Column }) {
  if (column === null || typeof column === 'string') return <Table.Th>{column}</Table.Th>
  const { title, ...th } = column
  return <Table.Th {...th}>{title}</Table.Th>
}
