// Print settings (saved with a shift lead's badge and PIN): the printer for each kind of
// label from the discovered list or a network printer's address, the label
// size, the packing-slip paper, the GS1 numbers of the SSCC, and auto-print.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Grid, Group, Stack, Title } from '@mantine/core'
import type { PrintSettings } from '../../../shared/labels'
import { station } from '../api'
import { useApproval } from '../components/useApproval'
import { useAction } from '../useAction'
import { useAsync } from '../useAsync'
import { LabelOptionsPanel, SsccPanel } from './printSettings/LabelPanels'
import { PrintersPanel } from './printSettings/PrintersPanel'

export function PrintSettingsScreen() {
  const { t } = useTranslation('printing')
  const loaded = useAsync(() => station.printing.settings(), [])
  const found = useAsync(() => station.printing.printers(), [])
  const [draft, setDraft] = useState<PrintSettings | null>(null)
  const saved = useAction()
  const approval = useApproval()
  useEffect(() => {
    if (loaded.value) setDraft(loaded.value)
  }, [loaded.value])
  if (loaded.error) return <Alert color="red">{loaded.error}</Alert>
  if (!draft) return null

  const save = () => {
    saved.clear()
    approval.ask(t('settings.approve'), async (a) => {
      setDraft(await station.printing.saveSettings({ ...draft, approval: a }))
      saved.succeed(t('settings.saved'))
    })
  }

  return (
    <Stack maw={1100}>
      <Title order={2}>{t('settings.title')}</Title>
      {saved.notice && (
        <Alert color="green" aria-label={t('settings.result')}>
          {saved.notice}
        </Alert>
      )}
      <PrintersPanel
        printers={draft.printers}
        found={found.value?.printers ?? []}
        problems={found.value?.problems ?? []}
        problemWords={found.value?.problemWords}
        onChange={(printers) => setDraft({ ...draft, printers })}
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <LabelOptionsPanel draft={draft} onChange={setDraft} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SsccPanel draft={draft} onChange={setDraft} />
        </Grid.Col>
      </Grid>
      <Group>
        <Button size="lg" onClick={save}>
          {t('settings.save')}
        </Button>
      </Group>
      {approval.dialog}
    </Stack>
  )
}
