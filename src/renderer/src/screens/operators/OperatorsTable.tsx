import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core'
import type { OperatorRecord } from '../../../../shared/operators'
import { station } from '../../api'
import { HeadedTable } from '../../components/HeadedTable'
import { ROLE_LABEL, type AskChange } from './operatorForms'
import { formatLocalTime } from '../../../../shared/localTime'

const time = (iso: string) => formatLocalTime(iso, { timeOnly: true })

type OperatorsTableProps = {
  operators: OperatorRecord[]
  onEdit: (operator: OperatorRecord) => void
  onSetPin: (operator: OperatorRecord) => void
  /** Unlock, deactivate and reactivate are changes a shift lead approves. */
  ask: AskChange
}

/** Every operator with their badge, role and state, and what a shift lead may do to each. */
export function OperatorsTable({ operators, onEdit, onSetPin, ask }: OperatorsTableProps) {
  return (
    <Paper withBorder>
      <HeadedTable fz="lg" verticalSpacing="md" aria-label="Operators" columns={['Name', 'Badge', 'Role', 'State', null]}>
        {operators.map((o) => (
          <Table.Tr key={o.id} style={{ opacity: o.active ? 1 : 0.6 }}>
            <Table.Td fw={700}>{o.name}</Table.Td>
            <Table.Td className="mono">{o.badgeCode}</Table.Td>
            <Table.Td>
              <Badge size="lg" color={o.role === 'shift_lead' ? 'grape' : 'gray'}>
                {ROLE_LABEL[o.role]}
              </Badge>
            </Table.Td>
            <Table.Td>
              <OperatorState operator={o} />
            </Table.Td>
            <Table.Td>
              <OperatorActions operator={o} onEdit={onEdit} onSetPin={onSetPin} ask={ask} />
            </Table.Td>
          </Table.Tr>
        ))}
      </HeadedTable>
    </Paper>
  )
}

function OperatorActions({ operator: o, onEdit, onSetPin, ask }: Omit<OperatorsTableProps, 'operators'> & { operator: OperatorRecord }) {
  const unlock = () =>
    ask(`unlock ${o.name}`, async (approval) => {
      await station.operators.unlock({ operatorId: o.id, approval })
      return `${o.name} is unlocked.`
    })
  const toggleActive = () =>
    ask(`${o.active ? 'deactivate' : 'reactivate'} ${o.name}`, async (approval) => {
      await station.operators.update({ operatorId: o.id, active: !o.active, approval })
      return o.active ? `${o.name} is deactivated: no sign-in, no assignments; their history stays.` : `${o.name} is active again.`
    })

  return (
    <Group gap="xs" justify="flex-end">
      <Button variant="light" onClick={() => onEdit(o)}>
        Edit
      </Button>
      {o.active && (
        <Button variant="light" color="grape" onClick={() => onSetPin(o)}>
          Set PIN
        </Button>
      )}
      {(o.lockedUntil || o.failedPinAttempts > 0) && (
        <Button color="orange" onClick={unlock}>
          Unlock
        </Button>
      )}
      <Button variant="subtle" color={o.active ? 'red' : 'green'} onClick={toggleActive}>
        {o.active ? 'Deactivate' : 'Reactivate'}
      </Button>
    </Group>
  )
}

function OperatorState({ operator: o }: { operator: OperatorRecord }) {
  if (!o.active)
    return (
      <Badge size="lg" color="gray" variant="outline">
        Deactivated
      </Badge>
    )
  if (o.lockedUntil)
    return (
      <Badge size="lg" color="red">
        Locked until {time(o.lockedUntil)}
      </Badge>
    )
  return (
    <Group gap="xs">
      <Badge size="lg" color="green" variant="light">
        Active
      </Badge>
      {o.failedPinAttempts > 0 && (
        <Text c="orange.8" fw={700}>
          {o.failedPinAttempts} wrong PIN{o.failedPinAttempts === 1 ? '' : 's'}
        </Text>
      )}
    </Group>
  )
}
