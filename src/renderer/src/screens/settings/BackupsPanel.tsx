import { useEffect, useState } from 'react'
import { Alert, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { formatLocalTime } from '../../../../shared/localTime'
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
    ask('change the backup settings', async (approval) => {
      show(await station.settings.saveBackups({ ...values, approval }))
      outcome.succeed('Backup settings saved.')
    })
  }
  const backUpNow = () => {
    outcome.clear()
    ask('back up the station now', async (approval) => {
      try {
        const done = await station.settings.backupNow({ approval })
        show(done.backups)
        outcome.succeed(`Backup written to ${done.file}`)
      } catch (e) {
        // A backup that failed is this panel's news; a wrong PIN stays in the approval dialog.
        if (!(e instanceof StationError && e.code === 'backup_failed')) throw e
        outcome.fail(e.message)
        // What the folder holds now (the newest backup may have gone with it); the failure above is the news.
        station.settings.backups().then(show, () => {})
      }
    })
  }

  const message = outcome.notice ?? outcome.error
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="backups-title">
      <Title order={3} id="backups-title">
        Backups
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The station copies its database while it runs, every few minutes and at every sign-out, and keeps the newest copies. Put them on a
        second disk or a share: a backup beside the database is lost with its disk.
      </Text>
      {!lead && <Text>Only a shift lead sees and changes the backup settings.</Text>}
      {message !== null && (
        <Alert color={outcome.notice !== null ? 'green' : 'red'} role="status" mb="sm" style={{ overflowWrap: 'anywhere' }}>
          {message}
        </Alert>
      )}
      {lead && view && draft && (
        <Stack>
          <Group align="flex-end">
            <NumberInput
              label="Back up every (minutes)"
              min={5}
              max={1440}
              allowDecimal={false}
              value={draft.everyMinutes}
              onChange={(everyMinutes) => setDraft({ ...draft, everyMinutes })}
              w={230}
            />
            <NumberInput
              label="Backups kept"
              min={1}
              max={1000}
              allowDecimal={false}
              value={draft.keep}
              onChange={(keep) => setDraft({ ...draft, keep })}
              w={160}
            />
            <TextInput
              label="Backup folder (full path)"
              placeholder={view.folder === null ? view.folderInUse : "the data folder's backups/"}
              description="Empty: the data folder's backups folder"
              value={draft.folder}
              onChange={(e) => setDraft({ ...draft, folder: e.currentTarget.value })}
              w={420}
            />
          </Group>
          <div data-testid="backups-in-use">
            <Text size="sm">
              Backups go to <span className="mono">{view.folderInUse}</span>
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {view.lastBackup ? (
                <>
                  Newest backup: {formatLocalTime(view.lastBackup.takenAt)}, <span className="mono">{view.lastBackup.file}</span>
                </>
              ) : (
                'No backup there yet.'
              )}
            </Text>
          </div>
          <Group>
            <Button onClick={save}>Save backup settings</Button>
            <Button variant="light" onClick={backUpNow}>
              Back up now
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  )
}
