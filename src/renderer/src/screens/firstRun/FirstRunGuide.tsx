// The first-run guide (issue 12): on a station with no operators, IT goes
// through the set-up step by step — station name and id, GS1 company prefix,
// OMS or order files, the first shift lead, importing orders, printers and a
// test print, a test scan, sample data — and ends signed in as the new shift
// lead. Every step but the shift lead can be skipped.
import { useEffect, useState } from 'react'
import { Alert, Button, Card, Group, Loader, Stack, Stepper, Text, Title } from '@mantine/core'
import type { FirstRunState } from '../../../../shared/firstRun'
import type { Operator } from '../../../../shared/operators'
import { station } from '../../api'
import { errorMessage, useAction } from '../../useAction'
import { Gs1Step, OrdersStep, StationStep } from './SetUpSteps'
import { ShiftLeadStep } from './ShiftLeadStep'
import { ImportStep, PrintStep, SampleStep, ScanStep } from './SignedInSteps'

const STEPS = ['Station', 'GS1 prefix', 'Orders', 'Shift lead', 'Import', 'Printers', 'Test scan', 'Sample data'] as const
const SHIFT_LEAD = STEPS.indexOf('Shift lead')

export function FirstRunGuide({ onFinished, onCancel }: { onFinished: (lead: Operator) => void; onCancel: () => void }) {
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

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Set up this station</Title>
        {lead ? (
          <Button size="lg" onClick={() => onFinished(lead)}>
            {active === STEPS.length - 1 ? 'Finish' : 'Finish now'}
          </Button>
        ) : (
          <Button variant="subtle" onClick={onCancel}>
            Back
          </Button>
        )}
      </Group>
      <Stepper active={active} size="xs" wrap={false} allowNextStepsSelect={false} onStepClick={lead ? setActive : undefined}>
        {STEPS.map((label, i) => (
          <Stepper.Step key={label} label={label} allowStepSelect={lead ? i > SHIFT_LEAD : i < active} />
        ))}
      </Stepper>
      <Card withBorder p="lg" aria-label={`Step: ${STEPS[active]}`}>
        <Title order={3} mb="sm">
          {active + 1}. {STEPS[active]}
        </Title>
        {STEPS[active] === 'Station' && <StationStep {...props} />}
        {STEPS[active] === 'GS1 prefix' && <Gs1Step {...props} />}
        {STEPS[active] === 'Orders' && <OrdersStep {...props} />}
        {STEPS[active] === 'Shift lead' && (
          <ShiftLeadStep
            action={action}
            onSignedIn={(signedIn) => {
              setLead(signedIn)
              next()
            }}
          />
        )}
        {STEPS[active] === 'Import' && <ImportStep onNext={next} />}
        {STEPS[active] === 'Printers' && <PrintStep />}
        {STEPS[active] === 'Test scan' && <ScanStep />}
        {STEPS[active] === 'Sample data' && <SampleStep />}
        {lead && active < STEPS.length - 1 && (
          <Group mt="lg">
            <Button size="lg" variant="default" onClick={next}>
              Next step
            </Button>
          </Group>
        )}
        {action.error && (
          <Alert color="red" mt="md" role="alert" title="Not saved">
            {action.error}
          </Alert>
        )}
      </Card>
      {lead && (
        <Text c="dimmed">
          {lead.name} is signed in. Each change from here on asks for a shift lead&apos;s badge and PIN, as it will every day.
        </Text>
      )}
    </Stack>
  )
}
