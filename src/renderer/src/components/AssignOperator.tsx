import { useEffect, useState } from 'react'
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AssignmentRole } from '../../../shared/operators'
import type { Operator } from '../../../shared/operators'
import type { OrderSummary } from '../../../shared/orders'
import { station } from '../api'
import { answerText } from '../useAction'
import { DIALOG_STYLES } from './DialogFooter'
import { useApproval } from './useApproval'

const ROLES: AssignmentRole[] = ['picking', 'packing', 'shipping']
const UNCHANGED = 'unchanged'
const NOBODY = 'nobody'

/**
 * Assign Operator (SPEC §2): for the selected orders, the operator for
 * picking, packing and shipping — each left unchanged unless chosen — then
 * Assign, approved with a shift lead's badge and PIN, in one transaction for all of them.
 */
export function AssignOperator(props: {
  opened: boolean
  orders: OrderSummary[]
  operators: Operator[]
  onClose: () => void
  onAssigned: (message: string) => void
}) {
  const { opened, orders, operators } = props
  const { t } = useTranslation('packing')
  const [choice, setChoice] = useState<Record<AssignmentRole, string>>({ picking: UNCHANGED, packing: UNCHANGED, shipping: UNCHANGED })
  const approval = useApproval()

  useEffect(() => {
    if (!opened) return
    setChoice({ picking: UNCHANGED, packing: UNCHANGED, shipping: UNCHANGED })
  }, [opened])

  const chosen = ROLES.filter((role) => choice[role] !== UNCHANGED)
  const count = t('assign.orders', { count: orders.length })
  const roleLabels: Record<AssignmentRole, string> = {
    picking: t('assign.role.picking'),
    packing: t('assign.role.packing'),
    shipping: t('assign.role.shipping')
  }
  // A refusal (wrong PIN, an operator who left) stays in the approval dialog; this one keeps the choices.
  const assign = () =>
    approval.ask(t('assign.approve', { count: orders.length }), async (a) => {
      const request = Object.fromEntries(chosen.map((role) => [role, choice[role] === NOBODY ? null : Number(choice[role])]))
      const result = await station.assignments.assign({ orderIds: orders.map((o) => o.id), ...request, approval: a })
      props.onAssigned(answerText(result))
      props.onClose()
    })

  const options = [
    { value: UNCHANGED, label: t('assign.unchanged') },
    { value: NOBODY, label: t('assign.nobody') },
    ...operators.map((o) => ({ value: String(o.id), label: o.name }))
  ]
  const single = orders.length === 1 ? orders[0] : null
  const first = orders
    .slice(0, 6)
    .map((o) => o.orderNumber)
    .join(', ')
  const names = orders.length > 6 ? t('assign.namesMore', { names: first, more: orders.length - 6 }) : first

  return (
    <>
      {/* Steps aside (keeping the choices) while the shift lead approves. */}
      <Modal
        opened={opened && !approval.pending}
        onClose={props.onClose}
        title={t('assign.title')}
        size="lg"
        centered
        styles={DIALOG_STYLES}
      >
        <Stack>
          <Text size="lg">
            <b>{count}</b>: {names}
          </Text>
          {ROLES.map((role) => (
            <Select
              key={role}
              label={roleLabels[role]}
              size="lg"
              allowDeselect={false}
              data={options}
              value={choice[role]}
              description={
                single
                  ? single.assignments[role]
                    ? t('assign.now', { name: single.assignments[role] })
                    : t('assign.nowNobody')
                  : undefined
              }
              onChange={(v) => setChoice((c) => ({ ...c, [role]: v ?? UNCHANGED }))}
              comboboxProps={{ withinPortal: true }}
            />
          ))}
          <Group justify="flex-end" mt="sm">
            <Button size="lg" variant="default" onClick={props.onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button size="lg" onClick={assign} disabled={!chosen.length}>
              {t('assign.assign')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {approval.dialog}
    </>
  )
}
