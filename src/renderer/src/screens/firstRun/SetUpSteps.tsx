// The first-run guide's steps before anyone signs in: the station's name and
// id, the GS1 company prefix, and where orders come from (the OMS, or files).
// Each saves through a `firstRun:*` call, which the station answers only while
// it has no operators (src/shared/access.ts).
import { useState } from 'react'
import { Button, Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import type { FirstRunState } from '../../../../shared/firstRun'
import { omsUrlProblem } from '../../../../shared/omsUrl'
import { StationIdText } from '../../../../shared/settingsFile'
import { station } from '../../api'
import type { Action } from '../../useAction'

export type StepProps = { state: FirstRunState; action: Action; onSaved: (next: FirstRunState) => void; onSkip: () => void }

function StepButtons({ busy, onSkip, skipLabel }: { busy: boolean; onSkip: () => void; skipLabel: string }) {
  return (
    <Group>
      <Button size="lg" type="submit" loading={busy}>
        Save and continue
      </Button>
      <Button size="lg" variant="default" onClick={onSkip} disabled={busy}>
        {skipLabel}
      </Button>
    </Group>
  )
}

export function StationStep({ state, action, onSaved, onSkip }: StepProps) {
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
        <Text size="lg">Name the station the way people in the warehouse say it, and give it the id the OMS knows it by.</Text>
        <TextInput
          size="lg"
          label="Station name"
          placeholder="Packing bench 3"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          size="lg"
          label="Station id"
          description="Letters, digits, dots, dashes or underscores; it goes with every event the station sends to the OMS."
          value={id}
          onChange={(e) => setId(e.currentTarget.value)}
          required
        />
        {state.stationId !== state.stationIdInUse && (
          <Text c="orange.8">
            The station works as {state.stationIdInUse} until its next start, then as {state.stationId}.
          </Text>
        )}
        <StepButtons busy={action.busy} onSkip={onSkip} skipLabel="Keep the id it has" />
      </Stack>
    </form>
  )
}

export function Gs1Step({ state, action, onSaved, onSkip }: StepProps) {
  const [prefix, setPrefix] = useState(state.gs1?.companyPrefix ?? '')
  const [extension, setExtension] = useState<number>(state.gs1?.extensionDigit ?? 0)
  const save = async () => {
    // Checked here too, so a typo is named at once; the station checks it again (Gs1Settings).
    if (!/^\d{7,10}$/.test(prefix.trim())) return action.fail('A GS1 company prefix is 7 to 10 digits, as on your GS1 certificate.')
    const next = await action.run(() => station.firstRun.saveGs1({ gs1: { companyPrefix: prefix.trim(), extensionDigit: extension } }))
    if (next) onSaved(next)
  }
  return (
    <form onSubmit={(e) => (e.preventDefault(), void save())}>
      <Stack>
        <Text size="lg">
          The GS1 company prefix is the number GS1 gave your company: with it, every box gets an SSCC, the 18-digit shipping-container code
          on its label that carriers and customers scan.
        </Text>
        <TextInput
          size="lg"
          label="GS1 company prefix"
          description="7 to 10 digits"
          inputMode="numeric"
          value={prefix}
          onChange={(e) => setPrefix(e.currentTarget.value)}
        />
        <NumberInput
          size="lg"
          label="Extension digit"
          description="0 to 9: give each station that shares the prefix its own digit, so no two hand out the same SSCC."
          min={0}
          max={9}
          allowDecimal={false}
          value={extension}
          onChange={(v) => setExtension(typeof v === 'number' ? v : 0)}
          maw={640}
        />
        <StepButtons busy={action.busy} onSkip={onSkip} skipLabel="Skip: no SSCCs here" />
      </Stack>
    </form>
  )
}

export function OrdersStep({ state, action, onSaved, onSkip }: StepProps) {
  const [source, setSource] = useState<'oms' | 'files'>(state.omsUrl ? 'oms' : 'files')
  const [url, setUrl] = useState(state.omsUrl ?? '')
  const [token, setToken] = useState('')
  const save = async () => {
    if (source === 'files') return onSkip()
    const problem = url.trim() ? omsUrlProblem(url.trim()) : 'Enter the OMS address, or choose Order files.'
    if (problem) return action.fail(problem)
    const next = await action.run(() => station.firstRun.saveOms({ omsUrl: url, token: token.trim() || undefined }))
    if (next) onSaved(next)
  }
  return (
    <form onSubmit={(e) => (e.preventDefault(), void save())}>
      <Stack>
        <Text size="lg">Where do this station&apos;s orders come from?</Text>
        <SegmentedControl
          size="lg"
          value={source}
          onChange={(v) => setSource(v as 'oms' | 'files')}
          data={[
            { value: 'oms', label: 'The OMS' },
            { value: 'files', label: 'Order files' }
          ]}
        />
        {source === 'oms' ? (
          <>
            <TextInput
              size="lg"
              label="OMS address"
              description="https://… (plain http:// only for this PC, 127.0.0.1)"
              placeholder="https://oms.example.com"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              required
            />
            <TextInput
              size="lg"
              type="password"
              label="OMS token"
              description={state.tokenStored ? 'A token is stored for this address; leave empty to keep it.' : 'Sent only to this address.'}
              value={token}
              onChange={(e) => setToken(e.currentTarget.value)}
              autoComplete="off"
            />
          </>
        ) : (
          <Text c="dimmed">After the first shift lead signs in, the guide opens the Import screen for an order file (JSON or CSV).</Text>
        )}
        <StepButtons busy={action.busy} onSkip={onSkip} skipLabel="Skip" />
      </Stack>
    </form>
  )
}
