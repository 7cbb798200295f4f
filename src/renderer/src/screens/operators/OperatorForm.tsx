import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SegmentedControl, Stack, Text, TextInput, type TextInputProps } from '@mantine/core'
import type { OperatorRecord } from '../../../../shared/operators'
import { station } from '../../api'
import { PinField } from '../../components/PinField'
import { LanguageSelect } from '../../components/LanguageSelect'
import type { Language } from '../../../../shared/i18n/languages'
import { OperatorDialog } from './OperatorDialog'
import type { FormProps, Role } from './operatorForms'

/**
 * Add an operator, or edit one's name, badge and role. A new shift lead gets a PIN here; a new
 * operator may (stations that ask operators for a PIN at sign-in).
 */
export function OperatorForm({ editing, hidden, onCancel, onSave }: FormProps & { editing: OperatorRecord | null }) {
  const { t } = useTranslation('operators')
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
      onSave(t('change.add', { name: name.trim() }), async (approval) => {
        const created = await station.operators.create({ name, badgeCode, role, ...pinArg, approval })
        // change.added.operator, change.added.shift_lead
        return t(`change.added.${created.role}`, { name: created.name, badge: created.badgeCode })
      })
    } else {
      onSave(t('change.edit', { name: editing.name }), async (approval) => {
        const updated = await station.operators.update({ operatorId: editing.id, name, badgeCode, role, language, ...pinArg, approval })
        return t('change.edited', { name: updated.name })
      })
    }
  }

  return (
    <OperatorDialog
      title={editing ? t('form.editTitle', { name: editing.name }) : t('form.addTitle')}
      hidden={hidden}
      onCancel={onCancel}
      onSubmit={save}
    >
      <IdentityField label={t('form.name')} maxLength={80} value={name} onChange={setName} data-autofocus />
      <IdentityField label={t('form.badge')} description={t('form.badgeHint')} maxLength={64} value={badgeCode} onChange={setBadgeCode} />
      <RoleChoice role={role} onChange={setRole} />
      {editing && <LanguageSelect stationDefault value={language} onChange={setLanguage} />}
      {(needsPin || optionalPin) && (
        <PinField
          description={needsPin ? t('form.leadPinHint') : t('form.operatorPinHint')}
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
  const { t } = useTranslation('operators')
  return (
    <Stack gap={4}>
      <Text fw={600} size="lg">
        {t('form.role')}
      </Text>
      <SegmentedControl
        size="lg"
        aria-label={t('form.role')}
        value={role}
        onChange={(v) => onChange(v as Role)}
        data={[
          { value: 'operator', label: t('common:role.operator') },
          { value: 'shift_lead', label: t('common:role.shift_lead') }
        ]}
      />
    </Stack>
  )
}
