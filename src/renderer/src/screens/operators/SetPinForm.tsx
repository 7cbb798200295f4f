import { useState } from 'react'
import type { OperatorRecord } from '../../../../shared/operators'
import { station } from '../../api'
import { PinField } from '../../components/PinField'
import { OperatorDialog } from './OperatorDialog'
import type { FormProps } from './operatorForms'

/** Set PIN: a shift lead's (sign-in and approvals) or an operator's (sign-in where the station asks for one). */
export function SetPinForm({ operator, hidden, onCancel, onSave }: FormProps & { operator: OperatorRecord }) {
  const [pin, setPin] = useState('')
  return (
    <OperatorDialog
      title={`Set PIN: ${operator.name}`}
      hidden={hidden}
      onCancel={onCancel}
      onSubmit={() =>
        onSave(`set the PIN of ${operator.name}`, async (approval) => {
          await station.operators.setPin({ operatorId: operator.id, pin, approval })
          return `${operator.name} has a new PIN.`
        })
      }
    >
      <PinField
        label="New PIN"
        description={
          operator.role === 'shift_lead'
            ? 'For sign-in and approvals: 4 to 8 digits. It also clears a lock-out.'
            : 'For sign-in where the station asks operators for a PIN: 4 to 8 digits. It also clears a lock-out.'
        }
        size="lg"
        required
        data-autofocus
        value={pin}
        onChange={setPin}
      />
    </OperatorDialog>
  )
}
