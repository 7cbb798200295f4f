// The guide's one step that cannot be skipped: the station's first shift lead
// (name, badge, PIN). Creating them ends the first run — the station now has
// an operator, and its firstRun:* calls are refused from here on — and signs
// them in with the PIN just given, for the guide's remaining steps.
import { useState } from 'react'
import { Button, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Operator } from '../../../../shared/operators'
import { station } from '../../api'
import { isPin, PinField } from '../../components/PinField'
import type { Action } from '../../useAction'

export function ShiftLeadStep({ action, onSignedIn }: { action: Action; onSignedIn: (lead: Operator) => void }) {
  const { t } = useTranslation('firstRun')
  const [name, setName] = useState('')
  const [badgeCode, setBadgeCode] = useState('')
  const [pin, setPin] = useState('')
  const create = async () => {
    if (!isPin(pin)) return action.fail(t('common:approval.pinDigits'))
    const lead = await action.run(async () => {
      await station.operators.create({ name, badgeCode, role: 'shift_lead', pin })
      return station.operators.signIn({ badgeCode: badgeCode.trim(), pin })
    })
    if (lead) onSignedIn(lead)
  }
  return (
    <form onSubmit={(e) => (e.preventDefault(), void create())}>
      <Stack>
        <Text size="lg">{t('shiftLead.intro')}</Text>
        <TextInput size="lg" label={t('shiftLead.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        <TextInput
          size="lg"
          label={t('shiftLead.badge')}
          description={t('shiftLead.badgeHint')}
          value={badgeCode}
          onChange={(e) => setBadgeCode(e.currentTarget.value)}
          required
        />
        <PinField size="lg" description={t('shiftLead.pinHint')} value={pin} onChange={setPin} required />
        <Button size="lg" type="submit" loading={action.busy} w="fit-content">
          {t('shiftLead.create')}
        </Button>
      </Stack>
    </form>
  )
}
