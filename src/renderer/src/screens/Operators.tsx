import { useState } from 'react'
import { Alert, Button, Group, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { station } from '../api'
import { useApproval } from '../components/useApproval'
import { useAction } from '../useAction'
import { useAsync } from '../useAsync'
import { OperatorForm } from './operators/OperatorForm'
import type { AskChange, Form } from './operators/operatorForms'
import { OperatorsTable } from './operators/OperatorsTable'
import { SetPinForm } from './operators/SetPinForm'

/**
 * Operators (shift lead only): add, edit name / badge / role, deactivate or
 * reactivate, set a PIN (a shift lead's, or an operator's for stations that
 * ask operators for one at sign-in), unlock someone locked out by wrong PINs.
 * Every change is approved with a shift lead's badge and PIN.
 */
export function OperatorsScreen({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation('operators')
  const operators = useAsync(() => station.operators.all(), [])
  const [form, setForm] = useState<Form | null>(null)
  const saved = useAction()
  const approval = useApproval()

  const ask: AskChange = (action, change) => {
    saved.clear()
    approval.ask(
      action,
      async (a) => {
        const message = await change(a)
        setForm(null)
        saved.succeed(message)
        await operators.reload()
        onChanged()
      },
      // A refusal may still have changed something worth showing (a wrong-PIN count, a lock-out).
      { onClose: () => void operators.reload() }
    )
  }
  const close = () => setForm(null)

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
        <Button
          size="lg"
          onClick={() => {
            saved.clear()
            setForm({ kind: 'add' })
          }}
        >
          {t('add')}
        </Button>
      </Group>
      {operators.error && <Alert color="red">{operators.error}</Alert>}
      {saved.notice && (
        <Alert color="green" title={t('saved')} styles={{ message: { fontSize: '1.15rem' } }}>
          {saved.notice}
        </Alert>
      )}
      <OperatorsTable
        operators={operators.value ?? []}
        onEdit={(operator) => setForm({ kind: 'edit', operator })}
        onSetPin={(operator) => setForm({ kind: 'pin', operator })}
        ask={ask}
      />

      {/* The form steps aside (keeping what was typed) while the shift lead approves. */}
      {form && form.kind !== 'pin' && (
        <OperatorForm editing={form.kind === 'edit' ? form.operator : null} hidden={approval.pending} onCancel={close} onSave={ask} />
      )}
      {form?.kind === 'pin' && <SetPinForm operator={form.operator} hidden={approval.pending} onCancel={close} onSave={ask} />}
      {approval.dialog}
    </Stack>
  )
}
