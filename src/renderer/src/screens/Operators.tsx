import { useState } from 'react'
import { Alert, Badge, Button, Group, Modal, Paper, PasswordInput, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import type { OperatorRecord } from '../../../shared/channels/operators'
import type { Approval, Operator } from '../../../shared/schemas'
import { station } from '../api'
import { useApproval } from '../components/useApproval'
import { useAsync } from '../useAsync'

type Role = Operator['role']
/** The call that makes a change once a shift lead approved it; it answers with what to tell. */
type Change = (approval: Approval) => Promise<string>
type Form = { kind: 'add' } | { kind: 'edit'; operator: OperatorRecord } | { kind: 'pin'; operator: OperatorRecord }

const ROLE_LABEL: Record<Role, string> = { operator: 'Operator', shift_lead: 'Shift lead' }
const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

/**
 * Operators (shift lead only): add, edit name / badge / role, deactivate or
 * reactivate, set a PIN (a shift lead's, or an operator's for stations that
 * ask operators for one at sign-in), unlock someone locked out by wrong PINs.
 * Every change is approved with a shift lead's badge and PIN.
 */
export function OperatorsScreen({ onChanged }: { onChanged: () => void }) {
  const operators = useAsync(() => station.operators.all(), [])
  const [form, setForm] = useState<Form | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const approval = useApproval()

  const ask = (action: string, change: Change) => {
    setDone(null)
    approval.ask(
      action,
      async (a) => {
        const message = await change(a)
        setForm(null)
        setDone(message)
        await operators.reload()
        onChanged()
      },
      // A refusal may still have changed something worth showing (a wrong-PIN count, a lock-out).
      { onClose: () => void operators.reload() }
    )
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Operators</Title>
        <Button
          size="lg"
          onClick={() => {
            setDone(null)
            setForm({ kind: 'add' })
          }}
        >
          Add operator
        </Button>
      </Group>
      {operators.error && <Alert color="red">{operators.error}</Alert>}
      {done && (
        <Alert color="green" title="Saved" styles={{ message: { fontSize: '1.15rem' } }}>
          {done}
        </Alert>
      )}
      <Paper withBorder>
        <Table fz="lg" verticalSpacing="md" aria-label="Operators">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Badge</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {operators.value?.map((o) => (
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
                  <Group gap="xs" justify="flex-end">
                    <Button variant="light" onClick={() => setForm({ kind: 'edit', operator: o })}>
                      Edit
                    </Button>
                    {o.active && (
                      <Button variant="light" color="grape" onClick={() => setForm({ kind: 'pin', operator: o })}>
                        Set PIN
                      </Button>
                    )}
                    {(o.lockedUntil || o.failedPinAttempts > 0) && (
                      <Button
                        color="orange"
                        onClick={() => ask(`unlock ${o.name}`, async (approval) => (await station.operators.unlock({ operatorId: o.id, approval }), `${o.name} is unlocked.`))}
                      >
                        Unlock
                      </Button>
                    )}
                    <Button
                      variant="subtle"
                      color={o.active ? 'red' : 'green'}
                      onClick={() =>
                        ask(`${o.active ? 'deactivate' : 'reactivate'} ${o.name}`, async (approval) => {
                          await station.operators.update({ operatorId: o.id, active: !o.active, approval })
                          return o.active ? `${o.name} is deactivated: no sign-in, no assignments; their history stays.` : `${o.name} is active again.`
                        })
                      }
                    >
                      {o.active ? 'Deactivate' : 'Reactivate'}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      {/* The form steps aside (keeping what was typed) while the shift lead approves. */}
      {form && form.kind !== 'pin' && <OperatorForm form={form} hidden={approval.pending} onCancel={() => setForm(null)} onSave={ask} />}
      {form?.kind === 'pin' && <PinForm operator={form.operator} hidden={approval.pending} onCancel={() => setForm(null)} onSave={ask} />}
      {approval.dialog}
    </Stack>
  )
}

function OperatorState({ operator: o }: { operator: OperatorRecord }) {
  if (!o.active) return <Badge size="lg" color="gray" variant="outline">Deactivated</Badge>
  if (o.lockedUntil) return <Badge size="lg" color="red">Locked until {time(o.lockedUntil)}</Badge>
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

type FormProps = { hidden: boolean; onCancel: () => void; onSave: (action: string, change: Change) => void }

/**
 * Add an operator, or edit one's name, badge and role. A new shift lead gets a PIN here; a new
 * operator may (stations that ask operators for a PIN at sign-in).
 */
function OperatorForm({ form, hidden, onCancel, onSave }: FormProps & { form: Exclude<Form, { kind: 'pin' }> }) {
  const editing = form.kind === 'edit' ? form.operator : null
  const [name, setName] = useState(editing?.name ?? '')
  const [badgeCode, setBadgeCode] = useState(editing?.badgeCode ?? '')
  const [role, setRole] = useState<Role>(editing?.role ?? 'operator')
  const [pin, setPin] = useState('')
  const needsPin = role === 'shift_lead' && !editing?.hasPin
  // An operator's PIN is optional when adding them; after that, Set PIN changes it.
  const optionalPin = role === 'operator' && !editing

  const save = () => {
    const pinArg = needsPin || (optionalPin && pin) ? { pin } : {}
    if (!editing) {
      onSave(`add operator ${name.trim()}`, async (approval) => {
        const created = await station.operators.create({ name, badgeCode, role, ...pinArg, approval })
        return `${created.name} (badge ${created.badgeCode}) added as ${ROLE_LABEL[created.role].toLowerCase()}.`
      })
    } else {
      onSave(`change operator ${editing.name}`, async (approval) => {
        const updated = await station.operators.update({ operatorId: editing.id, name, badgeCode, role, ...pinArg, approval })
        return `${updated.name} saved.`
      })
    }
  }

  return (
    <Modal opened={!hidden} keepMounted onClose={onCancel} title={editing ? `Edit ${editing.name}` : 'Add operator'} size="lg" centered styles={{ title: { fontSize: '1.6rem', fontWeight: 800 } }}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <Stack>
          <TextInput label="Name" size="lg" required maxLength={80} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
          <TextInput label="Badge code" description="Scan the badge or type its code" size="lg" required maxLength={64} value={badgeCode} onChange={(e) => setBadgeCode(e.currentTarget.value)} />
          <Stack gap={4}>
            <Text fw={600} size="lg">
              Role
            </Text>
            <SegmentedControl
              size="lg"
              aria-label="Role"
              value={role}
              onChange={(v) => setRole(v as Role)}
              data={[
                { value: 'operator', label: 'Operator' },
                { value: 'shift_lead', label: 'Shift lead' }
              ]}
            />
          </Stack>
          {(needsPin || optionalPin) && (
            <PasswordInput
              label="PIN"
              description={
                needsPin
                  ? 'A shift lead signs in and approves exceptions with a PIN: 4 to 8 digits'
                  : 'Optional: for sign-in where the station asks operators for a PIN. 4 to 8 digits'
              }
              size="lg"
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              required={needsPin}
              value={pin}
              onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, ''))}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button size="lg" variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button size="lg" type="submit">
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function PinForm({ operator, hidden, onCancel, onSave }: FormProps & { operator: OperatorRecord }) {
  const [pin, setPin] = useState('')
  return (
    <Modal opened={!hidden} keepMounted onClose={onCancel} title={`Set PIN: ${operator.name}`} size="lg" centered styles={{ title: { fontSize: '1.6rem', fontWeight: 800 } }}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          onSave(`set the PIN of ${operator.name}`, async (approval) => {
            await station.operators.setPin({ operatorId: operator.id, pin, approval })
            return `${operator.name} has a new PIN.`
          })
        }}
      >
        <Stack>
          <PasswordInput
            label="New PIN"
            description={
              operator.role === 'shift_lead'
                ? 'For sign-in and approvals: 4 to 8 digits. It also clears a lock-out.'
                : 'For sign-in where the station asks operators for a PIN: 4 to 8 digits. It also clears a lock-out.'
            }
            size="lg"
            inputMode="numeric"
            maxLength={8}
            required
            data-autofocus
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, ''))}
          />
          <Group justify="flex-end" mt="sm">
            <Button size="lg" variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button size="lg" type="submit">
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
