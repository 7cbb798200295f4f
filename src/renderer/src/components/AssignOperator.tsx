import { useEffect, useState } from 'react'
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core'
import type { AssignmentRole } from '../../../shared/operators'
import type { Operator } from '../../../shared/operators'
import type { OrderSummary } from '../../../shared/orders'
import { station } from '../api'
import { DIALOG_STYLES } from './DialogFooter'
import { useApproval } from './useApproval'

const ROLES: { role: AssignmentRole; label: string }[] = [
  { role: 'picking', label: 'Picking' },
  { role: 'packing', label: 'Packing' },
  { role: 'shipping', label: 'Shipping' }
]
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
  const [choice, setChoice] = useState<Record<AssignmentRole, string>>({ picking: UNCHANGED, packing: UNCHANGED, shipping: UNCHANGED })
  const approval = useApproval()

  useEffect(() => {
    if (!opened) return
    setChoice({ picking: UNCHANGED, packing: UNCHANGED, shipping: UNCHANGED })
  }, [opened])

  const chosen = ROLES.filter(({ role }) => choice[role] !== UNCHANGED)
  const count = `${orders.length} order${orders.length === 1 ? '' : 's'}`
  // A refusal (wrong PIN, an operator who left) stays in the approval dialog; this one keeps the choices.
  const assign = () =>
    approval.ask(`assign operators to ${count}`, async (a) => {
      const request = Object.fromEntries(chosen.map(({ role }) => [role, choice[role] === NOBODY ? null : Number(choice[role])]))
      const result = await station.assignments.assign({ orderIds: orders.map((o) => o.id), ...request, approval: a })
      props.onAssigned(result.message)
      props.onClose()
    })

  const options = [
    { value: UNCHANGED, label: 'Leave unchanged' },
    { value: NOBODY, label: 'Nobody' },
    ...operators.map((o) => ({ value: String(o.id), label: o.name }))
  ]
  const single = orders.length === 1 ? orders[0] : null
  const names =
    orders
      .slice(0, 6)
      .map((o) => o.orderNumber)
      .join(', ') + (orders.length > 6 ? ` and ${orders.length - 6} more` : '')

  return (
    <>
      {/* Steps aside (keeping the choices) while the shift lead approves. */}
      <Modal opened={opened && !approval.pending} onClose={props.onClose} title="Assign operator" size="lg" centered styles={DIALOG_STYLES}>
        <Stack>
          <Text size="lg">
            <b>{count}</b>: {names}
          </Text>
          {ROLES.map(({ role, label }) => (
            <Select
              key={role}
              label={label}
              size="lg"
              allowDeselect={false}
              data={options}
              value={choice[role]}
              description={single ? `Now: ${single.assignments[role] ?? 'nobody'}` : undefined}
              onChange={(v) => setChoice((c) => ({ ...c, [role]: v ?? UNCHANGED }))}
              comboboxProps={{ withinPortal: true }}
            />
          ))}
          <Group justify="flex-end" mt="sm">
            <Button size="lg" variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button size="lg" onClick={assign} disabled={!chosen.length}>
              Assign
            </Button>
          </Group>
        </Stack>
      </Modal>
      {approval.dialog}
    </>
  )
}
