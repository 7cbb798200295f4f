// The first-run guide (issue 12): on a station with no operators, IT goes
// through the set-up step by step — station name and id, GS1 company prefix,
// OMS or order files, the first shift lead, importing orders, printers and a
// test print, a test scan, sample data — and ends signed in as the new shift
// lead. Every step but the shift lead can be skipped.
import { useEffect, useState } from 'react'
import { Alert, Button, Card, Group, Loader, Stack, Stepper, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FirstRunState } from '../../../../shared/firstRun'
import type { Operator } from '../../../../shared/operators'
import { station } from '../../api'
import { errorMessage, useAction } from '../../useAction'
import { Gs1Step, OrdersStep, StationStep } from './SetUpSteps'
import { ShiftLeadStep } from './ShiftLeadStep'
import { ImportStep, PrintStep, SampleStep, ScanStep } from './SignedInSteps'

const STEPS = ['station', 'gs1', 'orders', 'shiftLead', 'import', 'printers', 'testScan', 'sample'] as const
type Step = (typeof STEPS)[number]
const SHIFT_LEAD = STEPS.indexOf('shiftLead')

export function FirstRunGuide({ onFinished, onCancel }: { onFinished: (lead: Operator) => void; onCancel: () => void }) {
  const { t } = useTranslation('firstRun')
  const [state, setState] = useState<FirstRunState | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [active, setActive] = useState(0)
  const [lead, setLead] = useState<Operator | null>(null)
  const action = useAction()

  useEffect(() => {
    station.firstRun.state().then(setState, (e) => setLoadError(errorMessage(e)))
  }, [])

  const next = () => {
    action.clear()
    setActive((n) => Math.min(n + 1, STEPS.length - 1))
  }
  const saved = (s: FirstRunState) => {
    setState(s)
    next()
  }

  if (loadError) return <Alert color="red">{loadError}</Alert>
  if (!state) return <Loader />
  const props = { state, action, onSaved: saved, onSkip: next }
  const label: Record<Step, string> = {
    station: t('steps.station'),
    gs1: t('steps.gs1'),
    orders: t('steps.orders'),
    shiftLead: t('steps.shiftLead'),
    import: t('steps.import'),
    printers: t('steps.printers'),
    testScan: t('steps.testScan'),
    sample: t('steps.sample')
  }
  const step = STEPS[active]

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
        {lead ? (
          <Button size="lg" onClick={() => onFinished(lead)}>
            {active === STEPS.length - 1 ? t('finish') : t('finishNow')}
          </Button>
        ) : (
          <Button variant="subtle" onClick={onCancel}>
            {t('common:actions.back')}
          </Button>
        )}
      </Group>
      <Stepper active={active} size="xs" wrap={false} allowNextStepsSelect={false} onStepClick={lead ? setActive : undefined}>
        {STEPS.map((s, i) => (
          <Stepper.Step key={s} label={label[s]} allowStepSelect={lead ? i > SHIFT_LEAD : i < active} />
        ))}
      </Stepper>
      <Card withBorder p="lg" aria-label={t('stepLabel', { name: label[step] })}>
        <Title order={3} mb="sm">
          {t('stepTitle', { n: active + 1, name: label[step] })}
        </Title>
        {step === 'station' && <StationStep {...props} />}
        {step === 'gs1' && <Gs1Step {...props} />}
        {step === 'orders' && <OrdersStep {...props} />}
        {step === 'shiftLead' && (
          <ShiftLeadStep
            action={action}
            onSignedIn={(signedIn) => {
              setLead(signedIn)
              next()
            }}
          />
        )}
        {step === 'import' && <ImportStep onNext={next} />}
        {step === 'printers' && <PrintStep />}
        {step === 'testScan' && <ScanStep />}
        {step === 'sample' && <SampleStep />}
        {lead && active < STEPS.length - 1 && (
          <Group mt="lg">
            <Button size="lg" variant="default" onClick={next}>
              {t('nextStep')}
            </Button>
          </Group>
        )}
        {action.error && (
          <Alert color="red" mt="md" role="alert" title={t('notSaved')}>
            {action.error}
          </Alert>
        )}
      </Card>
      {lead && <Text c="dimmed">{t('leadSignedIn', { name: lead.name })}</Text>}
    </Stack>
  )
}
