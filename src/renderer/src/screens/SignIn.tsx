import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Card, Center, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core'
import type { Operator } from '../../../shared/operators'
import { station, StationError } from '../api'
import { DIALOG_STYLES } from '../components/DialogFooter'
import { EnterField } from '../components/EnterField'
import { isPin, PinField } from '../components/PinField'
import { errorMessage, useAction } from '../useAction'
import { useAsync } from '../useAsync'
import { FirstRunGuide } from './firstRun/FirstRunGuide'

/**
 * Sign in by scanning a badge (typed + Enter) or choosing a name, then the PIN
 * when the station asks for it (SPEC §2): a shift lead always gives their PIN;
 * an operator does when the station's "Operators sign in with a PIN too" is on.
 */
export function SignIn({ onSignedIn }: { onSignedIn: (operator: Operator) => void }) {
  const { t } = useTranslation('signIn')
  const operators = useAsync(() => station.operators.list(), [])
  // The first-run guide (screens/firstRun/), offered on an empty station: it ends signed in as the new shift lead.
  const [guide, setGuide] = useState(false)
  if (guide)
    return (
      <Center mih="100vh" p="xl">
        <Card withBorder shadow="sm" p="xl" w={1160}>
          <FirstRunGuide onFinished={onSignedIn} onCancel={() => setGuide(false)} />
        </Card>
      </Center>
    )
  return (
    <Center mih="100vh" p="xl">
      <Card withBorder shadow="sm" p="xl" w={720}>
        <Stack>
          <Title order={1}>{t('common:appName')}</Title>
          {operators.value?.length === 0 ? (
            <FirstRun onDone={operators.reload} onGuide={() => setGuide(true)} />
          ) : (
            <SignInPanel operators={operators.value ?? []} onSignedIn={onSignedIn} />
          )}
        </Stack>
      </Card>
    </Center>
  )
}

/**
 * Switch operator: the next operator signs in over the current one, without
 * going through Sign out (the station keeps one signed-in operator).
 */
export function SwitchOperator({
  opened,
  current,
  onClose,
  onSignedIn
}: {
  opened: boolean
  current: Operator
  onClose: () => void
  onSignedIn: (operator: Operator) => void
}) {
  const { t } = useTranslation('signIn')
  const operators = useAsync(() => (opened ? station.operators.list() : Promise.resolve([])), [opened])
  return (
    <Modal opened={opened} onClose={onClose} title={t('switch.title')} size="xl" centered styles={DIALOG_STYLES}>
      <Stack>
        <Text size="lg">{t('switch.intro', { name: current.name })}</Text>
        <SignInPanel
          operators={(operators.value ?? []).filter((o) => o.id !== current.id)}
          onSignedIn={(operator) => {
            onSignedIn(operator)
            onClose()
          }}
        />
      </Stack>
    </Modal>
  )
}

type Who = { operatorId: number } | { badgeCode: string }

/**
 * The Badge field (a badge scan is typed fast and ends with Enter) and one button per name.
 * The station says who needs a PIN (its `pin_required` refusal), so the panel asks for one only then.
 */
function SignInPanel({ operators, onSignedIn }: { operators: Operator[]; onSignedIn: (operator: Operator) => void }) {
  const { t } = useTranslation('signIn')
  const [badge, setBadge] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [pinStep, setPinStep] = useState<{ who: Who; prompt: string } | null>(null)

  const signIn = async (who: Who) => {
    setError(null)
    try {
      onSignedIn(await station.operators.signIn(who))
    } catch (e) {
      setBadge('')
      if (e instanceof StationError && e.code === 'pin_required') setPinStep({ who, prompt: errorMessage(e) })
      else setError(errorMessage(e))
    }
  }

  if (pinStep) {
    return (
      <PinStep
        {...pinStep}
        onSignedIn={onSignedIn}
        onBack={(message) => {
          setPinStep(null)
          setError(message ?? null)
        }}
      />
    )
  }

  return (
    <Stack>
      <EnterField
        label={t('badge')}
        description={t('scanBadge')}
        value={badge}
        onChange={setBadge}
        onEnter={() => {
          if (badge.trim()) void signIn({ badgeCode: badge.trim() })
        }}
        autoFocus
        data-autofocus
        size="xl"
      />
      {error && (
        <Alert color="red" title={t('notSignedIn')} styles={{ message: { fontSize: '1.15rem' } }}>
          {error}
        </Alert>
      )}
      <Text fw={700} size="lg">
        {t('chooseName')}
      </Text>
      <Group>
        {operators.map((o) => (
          <Button
            key={o.id}
            size="xl"
            variant="light"
            color={o.role === 'shift_lead' ? 'grape' : 'blue'}
            onClick={() => signIn({ operatorId: o.id })}
          >
            {o.name}
          </Button>
        ))}
      </Group>
    </Stack>
  )
}

/**
 * The PIN for a sign-in the station asked one for. A wrong PIN shows the tries left and empties
 * the field for the next try; Back (or an operator who is gone) returns to the badge and names.
 */
function PinStep(props: { who: Who; prompt: string; onSignedIn: (operator: Operator) => void; onBack: (message?: string) => void }) {
  const { who, prompt, onSignedIn, onBack } = props
  const { t } = useTranslation('signIn')
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const pinRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    pinRef.current?.focus()
  }, [])

  const submit = async () => {
    if (busy) return
    // Digits only, and not stripped: a badge scanned here by mistake must not be sent as a PIN (and counted wrong).
    if (!isPin(pin)) {
      setPin('')
      setError(t('pinDigits'))
      return pinRef.current?.focus()
    }
    setBusy(true)
    setError(null)
    try {
      onSignedIn(await station.operators.signIn({ ...who, pin }))
    } catch (e) {
      if (e instanceof StationError && e.code === 'unknown_operator') return onBack(errorMessage(e))
      setError(errorMessage(e))
      setPin('')
      setTimeout(() => pinRef.current?.focus(), 0)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <Stack>
        <Text size="xl" fw={700} aria-label={t('pinNeeded')}>
          {prompt}
        </Text>
        <PinField ref={pinRef} description={t('fourToEight')} size="xl" data-autofocus digitsOnly={false} value={pin} onChange={setPin} />
        {error && (
          <Alert color="red" title={t('notSignedIn')} styles={{ message: { fontSize: '1.15rem' } }}>
            {error}
          </Alert>
        )}
        <Group>
          <Button size="xl" type="submit" loading={busy}>
            {t('signIn')}
          </Button>
          <Button size="xl" variant="default" onClick={() => onBack()} disabled={busy}>
            {t('common:actions.back')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** An empty station: load the demo set, or create the first shift lead. */
function FirstRun({ onDone, onGuide }: { onDone: () => void; onGuide: () => void }) {
  const { t } = useTranslation('signIn')
  const [name, setName] = useState('')
  const [badgeCode, setBadgeCode] = useState('')
  const [pin, setPin] = useState('')
  const action = useAction()
  // Orders may be here already (imported from the command line): say which of the two is missing.
  const [orderCount, setOrderCount] = useState<number | null>(null)
  useEffect(() => {
    station.app.info().then(
      (info) => setOrderCount(info.orderCount),
      () => setOrderCount(null)
    )
  }, [])

  // Both calls answer with something (the import summary, the new operator): undefined is a refusal.
  const setUp = async (call: () => Promise<unknown>) => {
    if ((await action.run(call)) !== undefined) onDone()
  }

  return (
    <Stack>
      <Text size="lg">{orderCount ? t('firstRun.noOperators', { count: orderCount }) : t('firstRun.empty')}</Text>
      <Button size="lg" onClick={onGuide}>
        {t('firstRun.guide')}
      </Button>
      <Text c="dimmed">{t('firstRun.guideHint')}</Text>
      <Button size="lg" variant="light" onClick={() => setUp(() => station.app.loadSampleData())}>
        {t('firstRun.sample')}
      </Button>
      <Text c="dimmed">{t('firstRun.sampleHint')}</Text>
      <Title order={3} mt="md">
        {t('firstRun.createTitle')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void setUp(() => station.operators.create({ name, badgeCode, role: 'shift_lead', pin }))
        }}
      >
        <Stack>
          <TextInput label={t('firstRun.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <TextInput label={t('firstRun.badgeCode')} value={badgeCode} onChange={(e) => setBadgeCode(e.currentTarget.value)} required />
          <PinField description={t('fourToEight')} value={pin} onChange={setPin} required />
          <Button type="submit">{t('firstRun.create')}</Button>
        </Stack>
      </form>
      {action.error && <Alert color="red">{action.error}</Alert>}
    </Stack>
  )
}
