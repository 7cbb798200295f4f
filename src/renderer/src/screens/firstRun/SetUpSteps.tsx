// The first-run guide's steps before anyone signs in: the station's name and
// id, the GS1 company prefix, and where orders come from (the OMS, or files).
// Each saves through a `firstRun:*` call, which the station answers only while
// it has no operators (src/shared/access.ts).
import { useState } from 'react'
import { Button, Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FirstRunState } from '../../../../shared/firstRun'
import { omsUrlProblem } from '../../../../shared/omsUrl'
import { StationIdText } from '../../../../shared/settingsFile'
import { station } from '../../api'
import type { Action } from '../../useAction'

export type StepProps = { state: FirstRunState; action: Action; onSaved: (next: FirstRunState) => void; onSkip: () => void }

function StepButtons({ busy, onSkip, skipLabel }: { busy: boolean; onSkip: () => void; skipLabel: string }) {
  const { t } = useTranslation('firstRun')
  return (
    <Group>
      <Button size="lg" type="submit" loading={busy}>
        {t('saveAndContinue')}
      </Button>
      <Button size="lg" variant="default" onClick={onSkip} disabled={busy}>
        {skipLabel}
      </Button>
    </Group>
  )
}

export function StationStep({ state, action, onSaved, onSkip }: StepProps) {
  const { t } = useTranslation('firstRun')
  const [name, setName] = useState(state.stationName ?? '')
  const [id, setId] = useState(state.stationId)
  const save = async () => {
    // The station's own rules, checked here first so the message is the plain sentence (the station checks again).
    const checked = StationIdText.safeParse(id)
    if (!checked.success) return action.fail(checked.error.issues[0]!.message)
    const next = await action.run(() => station.firstRun.saveStation({ stationId: id, stationName: name }))
    if (next) onSaved(next)
  }
  return (
    <form onSubmit={(e) => (e.preventDefault(), void save())}>
      <Stack>
        <Text size="lg">{t('station.intro')}</Text>
        <TextInput
          size="lg"
          label={t('station.name')}
          placeholder={t('station.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          size="lg"
          label={t('station.id')}
          description={t('station.idHint')}
          value={id}
          onChange={(e) => setId(e.currentTarget.value)}
          required
        />
        {state.stationId !== state.stationIdInUse && (
          <Text c="orange.8">{t('station.idPending', { now: state.stationIdInUse, next: state.stationId })}</Text>
        )}
        <StepButtons busy={action.busy} onSkip={onSkip} skipLabel={t('station.skip')} />
      </Stack>
    </form>
  )
}

export function Gs1Step({ state, action, onSaved, onSkip }: StepProps) {
  const { t } = useTranslation('firstRun')
  const [prefix, setPrefix] = useState(state.gs1?.companyPrefix ?? '')
  const [extension, setExtension] = useState<number>(state.gs1?.extensionDigit ?? 0)
  const save = async () => {
    // Checked here too, so a typo is named at once; the station checks it again (Gs1Settings).
    if (!/^\d{7,10}$/.test(prefix.trim())) return action.fail(t('gs1.prefixInvalid'))
    const next = await action.run(() => station.firstRun.saveGs1({ gs1: { companyPrefix: prefix.trim(), extensionDigit: extension } }))
    if (next) onSaved(next)
  }
  return (
    <form onSubmit={(e) => (e.preventDefault(), void save())}>
      <Stack>
        <Text size="lg">{t('gs1.intro')}</Text>
        <TextInput
          size="lg"
          label={t('gs1.prefix')}
          description={t('gs1.prefixHint')}
          inputMode="numeric"
          value={prefix}
          onChange={(e) => setPrefix(e.currentTarget.value)}
        />
        <NumberInput
          size="lg"
          label={t('gs1.extension')}
          description={t('gs1.extensionHint')}
          min={0}
          max={9}
          allowDecimal={false}
          value={extension}
          onChange={(v) => setExtension(typeof v === 'number' ? v : 0)}
          maw={640}
        />
        <StepButtons busy={action.busy} onSkip={onSkip} skipLabel={t('gs1.skip')} />
      </Stack>
    </form>
  )
}

export function OrdersStep({ state, action, onSaved, onSkip }: StepProps) {
  const { t } = useTranslation('firstRun')
  const [source, setSource] = useState<'oms' | 'files'>(state.omsUrl ? 'oms' : 'files')
  const [url, setUrl] = useState(state.omsUrl ?? '')
  const [token, setToken] = useState('')
  const save = async () => {
    if (source === 'files') return onSkip()
    const problem = url.trim() ? omsUrlProblem(url.trim()) : t('orders.addressMissing')
    if (problem) return action.fail(problem)
    const next = await action.run(() => station.firstRun.saveOms({ omsUrl: url, token: token.trim() || undefined }))
    if (next) onSaved(next)
  }
  return (
    <form onSubmit={(e) => (e.preventDefault(), void save())}>
      <Stack>
        <Text size="lg">{t('orders.question')}</Text>
        <SegmentedControl
          size="lg"
          value={source}
          onChange={(v) => setSource(v as 'oms' | 'files')}
          data={[
            { value: 'oms', label: t('orders.oms') },
            { value: 'files', label: t('orders.files') }
          ]}
        />
        {source === 'oms' ? (
          <>
            <TextInput
              size="lg"
              label={t('orders.address')}
              description={t('orders.addressHint')}
              placeholder={t('orders.addressPlaceholder')}
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              required
            />
            <TextInput
              size="lg"
              type="password"
              label={t('orders.token')}
              description={state.tokenStored ? t('orders.tokenStored') : t('orders.tokenSentOnly')}
              value={token}
              onChange={(e) => setToken(e.currentTarget.value)}
              autoComplete="off"
            />
          </>
        ) : (
          <Text c="dimmed">{t('orders.filesHint')}</Text>
        )}
        <StepButtons busy={action.busy} onSkip={onSkip} skipLabel={t('orders.skip')} />
      </Stack>
    </form>
  )
}
