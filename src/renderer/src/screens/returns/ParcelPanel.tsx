import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { ReturnCheck } from '../../../../shared/shipping'
import { HeadedTable } from '../../components/HeadedTable'
import { FLAG_LABEL } from './returnFlags'

const FLAG_COLOR = { already_returned: 'grape', not_in_order: 'orange', unknown_serial: 'red' } as const

/** This parcel: the units scanned so far, each with its check, and a way to take one out. */
export function ParcelPanel({ parcel, onRemove }: { parcel: ReturnCheck[]; onRemove: (serial: string) => void }) {
  const flagged = parcel.filter((u) => u.flag !== null).length
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3}>This parcel</Title>
        <Text size="lg" fw={700}>
          {parcel.length} unit{parcel.length === 1 ? '' : 's'}
          {flagged > 0 ? `, ${flagged} flagged` : ''}
        </Text>
      </Group>
      {parcel.length === 0 ? (
        <Text c="dimmed" size="lg">
          Nothing scanned yet.
        </Text>
      ) : (
        <ParcelTable parcel={parcel} onRemove={onRemove} />
      )}
    </Paper>
  )
}

function ParcelTable({ parcel, onRemove }: { parcel: ReturnCheck[]; onRemove: (serial: string) => void }) {
  return (
    <HeadedTable fz="lg" aria-label="Returned units" columns={['Serial', 'Result', null]}>
      {parcel.map((u) => (
        <Table.Tr key={u.serial} data-flag={u.flag ?? 'ok'}>
          <Table.Td className="mono">{u.serial}</Table.Td>
          <Table.Td>
            <UnitCheck unit={u} />
          </Table.Td>
          <Table.Td>
            <Button variant="subtle" color="gray" onClick={() => onRemove(u.serial)} aria-label={`Take ${u.serial} out of the parcel`}>
              Remove
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </HeadedTable>
  )
}

function UnitCheck({ unit: u }: { unit: ReturnCheck }) {
  if (!u.flag)
    return (
      <Badge color="green" size="lg" variant="filled">
        Shipped in this order
      </Badge>
    )
  return (
    <Stack gap={2}>
      <Badge color={FLAG_COLOR[u.flag]} size="lg" variant="filled">
        {FLAG_LABEL[u.flag]}
      </Badge>
      <Text size="md">{u.message}</Text>
    </Stack>
  )
}
