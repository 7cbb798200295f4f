import { useCallback, useEffect, useState } from 'react'
import { Alert, Button, Grid, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { station } from '../api'
import { useApproval } from '../components/useApproval'
import { errorMessage, useAction, type Action } from '../useAction'
import { ConnectionPanel } from './scanners/ConnectionPanel'
import { HidScannerPanel } from './scanners/HidScannerPanel'
import { KeyboardWedgePanel } from './scanners/KeyboardWedgePanel'
import { settingsToSave, setupFrom, type ScannerSetup } from './scanners/scannerSetup'
import { SerialScannerPanel } from './scanners/SerialScannerPanel'
import { TestScanArea, useLastScan } from './scanners/TestScanArea'

/**
 * Scanners (SPEC §8): the keyboard wedge's prefixes/suffixes, the serial and
 * HID scanner, their connection state, and a Test scan area that shows the
 * last scan raw and decoded. Scans arriving here are shown, never applied.
 * Saving needs a shift lead's badge and PIN.
 */
export function Scanners() {
  const { t } = useTranslation('scanners')
  const [setup, setSetup] = useState<ScannerSetup | null>(null)
  const outcome = useAction()
  const approval = useApproval()
  const { last, test } = useLastScan()

  const { fail } = outcome
  // A device list that fails to load shows as "Not saved" (after a save: the settings were saved all the same).
  const refresh = useCallback(async () => {
    try {
      const [settings, listed] = await Promise.all([station.scanners.settings(), station.scanners.list()])
      setSetup(setupFrom(settings, listed))
    } catch (e) {
      fail(errorMessage(e))
    }
  }, [fail])
  useEffect(() => {
    void refresh()
  }, [refresh])

  if (!setup) return outcome.error ? <Alert color="red">{outcome.error}</Alert> : null
  const edit = (changes: Partial<ScannerSetup>) => setSetup({ ...setup, ...changes })

  const save = () => {
    outcome.clear()
    const toSave = settingsToSave(setup)
    if ('problem' in toSave) return outcome.fail(toSave.problem)
    approval.ask(t('approveSave'), async (a) => {
      await station.scanners.save({ ...toSave.settings, approval: a })
      outcome.succeed(t('saved'))
      await refresh()
    })
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('title')}</Title>
        <Button variant="light" size="lg" onClick={() => void refresh()}>
          {t('refresh')}
        </Button>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <KeyboardWedgePanel keyboard={setup.keyboard} onChange={(keyboard) => edit({ keyboard })} />
            <SerialScannerPanel devices={setup.devices} serial={setup.serial} onChange={(serial) => edit({ serial })} />
            <HidScannerPanel setup={setup} onChange={(hid) => edit({ hid })} />
            <SaveBar onSave={save} outcome={outcome} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <ConnectionPanel />
            <TestScanArea last={last} onTest={test} />
          </Stack>
        </Grid.Col>
      </Grid>
      {approval.dialog}
    </Stack>
  )
}

/** Save, and what became of it: saved, or why not. */
function SaveBar({ onSave, outcome }: { onSave: () => void; outcome: Action }) {
  const { t } = useTranslation('scanners')
  const text = outcome.notice ?? outcome.error
  return (
    <Group>
      <Button size="xl" onClick={onSave}>
        {t('common:actions.save')}
      </Button>
      {text !== null && (
        <Alert
          color={outcome.notice !== null ? 'green' : 'red'}
          role="alert"
          aria-label={outcome.notice !== null ? t('savedLabel') : t('notSavedLabel')}
          style={{ flex: 1 }}
        >
          <Text size="lg">{text}</Text>
        </Alert>
      )}
    </Group>
  )
}
