import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { OperatorRecord } from '../../../../shared/operators'
import { station } from '../../api'
import { HeadedTable } from '../../components/HeadedTable'
import type { AskChange } from './operatorForms'

type OperatorsTableProps = {
  operators: OperatorRecord[]
  onEdit: (operator: OperatorRecord) => void
  onSetPin: (operator: OperatorRecord) => void
  /** Unlock, deactivate and reactivate are changes a shift lead approves. */
  ask: AskChange
}

/** Every operator with their badge, role and state, and what a shift lead may do to each. */
export function OperatorsTable({ operators, onEdit, onSetPin, ask }: OperatorsTableProps) {
  const { t } = useTranslation('operators')
  const columns = [t('table.name'), t('table.badge'), t('table.role'), t('table.state'), null]
  return (
    <Paper withBorder>
      <HeadedTable fz="lg" verticalSpacing="md" aria-label={t('table.label')} columns={columns}>
        {operators.map((o) => (
          <Table.Tr key={o.id} style={{ opacity: o.active ? 1 : 0.6 }}>
            <Table.Td fw={700}>{o.name}</Table.Td>
            <Table.Td className="mono">{o.badgeCode}</Table.Td>
            <Table.Td>
              {/* As wide as its words: "Kierownik zmiany" is not cut short. */}
              <Badge size="lg" color={o.role === 'shift_lead' ? 'grape' : 'gray'} miw="max-content">
                {/* common:role.operator, common:role.shift_lead */}
                {t(`common:role.${o.role}`)}
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
  const { t } = useTranslation('operators')
  const name = o.name
  const unlock = () =>
    ask(t('change.unlock', { name }), async (approval) => {
      await station.operators.unlock({ operatorId: o.id, approval })
      return t('change.unlocked', { name })
    })
  const toggleActive = () =>
    ask(o.active ? t('change.deactivate', { name }) : t('change.reactivate', { name }), async (approval) => {
      await station.operators.update({ operatorId: o.id, active: !o.active, approval })
      return o.active ? t('change.deactivated', { name }) : t('change.reactivated', { name })
    })

  return (
    <Group gap="xs" justify="flex-end">
      <Button variant="light" onClick={() => onEdit(o)}>
        {t('table.edit')}
      </Button>
      {o.active && (
        <Button variant="light" color="grape" onClick={() => onSetPin(o)}>
          {t('table.setPin')}
        </Button>
      )}
      {(o.lockedUntil || o.failedPinAttempts > 0) && (
        <Button color="orange" onClick={unlock}>
          {t('table.unlock')}
        </Button>
      )}
      <Button variant="subtle" color={o.active ? 'red' : 'green'} onClick={toggleActive}>
        {o.active ? t('table.deactivate') : t('table.reactivate')}
      </Button>
    </Group>
  )
}

function OperatorState({ operator: o }: { operator: OperatorRecord }) {
  const { t } = useTranslation('operators')
  if (!o.active)
    return (
      <Badge size="lg" color="gray" variant="outline">
        {t('table.deactivated')}
      </Badge>
    )
  if (o.lockedUntil)
    return (
      <Badge size="lg" color="red">
        {t('table.lockedUntil', { at: o.lockedUntil })}
      </Badge>
    )
  return (
    <Group gap="xs">
      <Badge size="lg" color="green" variant="light">
        {t('table.active')}
      </Badge>
      {o.failedPinAttempts > 0 && (
        <Text c="orange.8" fw={700}>
          {t('table.wrongPins', { count: o.failedPinAttempts })}
        </Text>
      )}
    </Group>
  )
}
