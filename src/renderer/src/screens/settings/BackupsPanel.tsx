import { useEffect, useState } from 'react'
import { Alert, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { Trans, useTranslation } from 'react-i18next'
import type { BackupSettingsView } from '../../../../shared/settings'
import { station, StationError } from '../../api'
import type { AskApproval } from '../../components/useApproval'
import { errorMessage, useAction } from '../../useAction'

type Draft = { everyMinutes: number | string; keep: number | string; folder: string }
const draftOf = (view: BackupSettingsView): Draft => ({ everyMinutes: view.everyMinutes, keep: view.keep, folder: view.folder ?? '' })

/**
 * The station's own backups (src/main/core/db/backupSchedule.ts): every N minutes and at every sign-out, the newest
 * `keep` kept, in the data folder's backups/ or a folder named here (a second disk or a share). "Back up now" takes
 * one at once and shows where it went, or why it could not. Both need a shift lead's badge and PIN.
 */
export function BackupsPanel({ lead, ask }: { lead: boolean; ask: AskApproval }) {
  const { t } = useTranslation('settings')
  const [view, setView] = useState<BackupSettingsView | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const outcome = useAction()

  const { fail } = outcome
  useEffect(() => {
    if (!lead) return
    station.settings.backups().then(
      (loaded) => {
        setView(loaded)
        setDraft(draftOf(loaded))
      },
      (e) => fail(errorMessage(e))
    )
  }, [lead, fail])

  const show = (saved: BackupSettingsView) => {
    setView(saved)
    setDraft(draftOf(saved))
  }
  const save = () => {
    if (!draft) return
    outcome.clear()
    // The station checks the numbers and the folder (it must be a full path it can write); a refusal stays in the dialog.
    const values = { everyMinutes: Number(draft.everyMinutes), keep: Number(draft.keep), folder: draft.folder.trim() || null }
    ask(t('backups.approveChange'), async (approval) => {
      show(await station.settings.saveBackups({ ...values, approval }))
      outcome.succeed(t('backups.saved'))
    })
  }
  const backUpNow = () => {
    outcome.clear()
    ask(t('backups.approveNow'), async (approval) => {
      try {
        const done = await station.settings.backupNow({ approval })
        show(done.backups)
        outcome.succeed(t('backups.written', { file: done.file }))
      } catch (e) {
        // A backup that failed is this panel's news; a wrong PIN stays in the approval dialog.
        if (!(e instanceof StationError && e.code === 'backup_failed')) throw e
        outcome.fail(errorMessage(e))
        // What the folder holds now (the newest backup may have gone with it); the failure above is the news.
        station.settings.backups().then(show, () => {})
      }
    })
  }

  const message = outcome.notice ?? outcome.error
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="backups-title">
      <Title order={3} id="backups-title">
        {t('backups.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('backups.intro')}
      </Text>
      {!lead && <Text>{t('backups.leadOnly')}</Text>}
      {message !== null && (
        <Alert color={outcome.notice !== null ? 'green' : 'red'} role="status" mb="sm" style={{ overflowWrap: 'anywhere' }}>
          {message}
        </Alert>
      )}
      {lead && view && draft && (
        <Stack>
          <Group align="flex-end">
            <NumberInput
              label={t('backups.every')}
              min={5}
              max={1440}
              allowDecimal={false}
              value={draft.everyMinutes}
              onChange={(everyMinutes) => setDraft({ ...draft, everyMinutes })}
              w={230}
            />
            <NumberInput
              label={t('backups.keep')}
              min={1}
              max={1000}
              allowDecimal={false}
              value={draft.keep}
              onChange={(keep) => setDraft({ ...draft, keep })}
              w={160}
            />
            <TextInput
              label={t('backups.folder')}
              placeholder={view.folder === null ? view.folderInUse : t('backups.folderPlaceholder')}
              description={t('backups.folderHint')}
              value={draft.folder}
              onChange={(e) => setDraft({ ...draft, folder: e.currentTarget.value })}
              w={420}
            />
          </Group>
          <div data-testid="backups-in-use">
            <Text size="sm">
              <Trans t={t} i18nKey="backups.inUse" values={{ folder: view.folderInUse }} components={{ mono: <span className="mono" /> }} />
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {view.lastBackup ? (
                <Trans
                  t={t}
                  i18nKey="backups.newest"
                  values={{ at: view.lastBackup.takenAt, file: view.lastBackup.file }}
                  components={{ mono: <span className="mono" /> }}
                />
              ) : (
                t('backups.none')
              )}
            </Text>
          </div>
          <Group>
            <Button onClick={save}>{t('backups.save')}</Button>
            <Button variant="light" onClick={backUpNow}>
              {t('backups.now')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  )
}
