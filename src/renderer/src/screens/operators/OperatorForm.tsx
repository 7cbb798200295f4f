import { useState } from 'react'
import { SegmentedControl, Stack, Text, TextInput, type TextInputProps } from '@mantine/core'
import type { OperatorRecord } from '../../../../shared/operators'
import { station } from '../../api'
import { PinField } from '../../components/PinField'
import { LanguageSelect } from '../../components/LanguageSelect'
import type { Language } from '../../../../shared/i18n/languages'
import { OperatorDialog } from './OperatorDialog'
import { ROLE_LABEL, type FormProps, type Role } from './operatorForms'

/**
 * Add an operator, or edit one's name, badge and role. A new shift lead gets a PIN here; a new
 * operator may (stations that ask operators for a PIN at sign-in).
 */
export function OperatorForm({ editing, hidden, onCancel, onSave }: FormProps & { editing: OperatorRecord | null }) {
  const [name, setName] = useState(editing?.name ?? '')
  const [badgeCode, setBadgeCode] = useState(editing?.badgeCode ?? '')
  const [role, setRole] = useState<Role>(editing?.role ?? 'operator')
  const [pin, setPin] = useState('')
  const [language, setLanguage] = useState<Language | null>(editing?.language ?? null)
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
        const updated = await station.operators.update({ operatorId: editing.id, name, badgeCode, role, language, ...pinArg, approval })
        return `${updated.name} saved.`
      })
    }
  }

  return (
    <OperatorDialog title={editing ? `Edit ${editing.name}` : 'Add operator'} hidden={hidden} onCancel={onCancel} onSubmit={save}>
      <IdentityField label="Name" maxLength={80} value={name} onChange={setName} data-autofocus />
      <IdentityField
        label="Badge code"
        description="Scan the badge or type its code"
        maxLength={64}
        value={badgeCode}
        onChange={setBadgeCode}
      />
      <RoleChoice role={role} onChange={setRole} />
      {editing && <LanguageSelect stationDefault value={language} onChange={setLanguage} />}
      {(needsPin || optionalPin) && (
        <PinField
          description={
            needsPin
              ? 'A shift lead signs in and approves exceptions with a PIN: 4 to 8 digits'
              : 'Optional: for sign-in where the station asks operators for a PIN. 4 to 8 digits'
          }
          size="lg"
          required={needsPin}
          value={pin}
          onChange={setPin}
        />
      )}
    </OperatorDialog>
  )
}

/** Name and badge code: what tells operators apart, so neither may be left empty. */
function IdentityField({ onChange, ...props }: Omit<TextInputProps, 'onChange'> & { onChange: (value: string) => void }) {
  return <TextInput size="lg" required {...props} onChange={(e) => onChange(e.currentTarget.value)} />
}

function RoleChoice({ role, onChange }: { role: Role; onChange: (role: Role) => void }) {
  return (
    <Stack gap={4}>
      <Text fw={600} size="lg">
        Role
      </Text>
      <SegmentedControl
        size="lg"
        aria-label="Role"
        value={role}
        onChange={(v) => onChange(v as Role)}
        data={[
          { value: 'operator', label: 'Operator' },
          { value: 'shift_lead', label: 'Shift lead' }
        ]}
      />
    </Stack>
  )
}
