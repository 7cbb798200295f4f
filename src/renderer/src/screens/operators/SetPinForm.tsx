import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OperatorRecord } from '../../../../shared/operators'
import { station } from '../../api'
import { PinField } from '../../components/PinField'
import { OperatorDialog } from './OperatorDialog'
import type { FormProps } from './operatorForms'

/** Set PIN: a shift lead's (sign-in and approvals) or an operator's (sign-in where the station asks for one). */
export function SetPinForm({ operator, hidden, onCancel, onSave }: FormProps & { operator: OperatorRecord }) {
  const { t } = useTranslation('operators')
  const [pin, setPin] = useState('')
  const name = operator.name
  return (
    <OperatorDialog
      title={t('pin.title', { name })}
      hidden={hidden}
      onCancel={onCancel}
      onSubmit={() =>
        onSave(t('change.setPin', { name }), async (approval) => {
          await station.operators.setPin({ operatorId: operator.id, pin, approval })
          return t('change.pinSet', { name })
        })
      }
    >
      <PinField
        label={t('pin.label')}
        description={operator.role === 'shift_lead' ? t('pin.leadHint') : t('pin.operatorHint')}
        size="lg"
        required
        data-autofocus
        value={pin}
        onChange={setPin}
      />
    </OperatorDialog>
  )
}
