import { useState } from 'react'
import { Alert, Button, Group, Paper, Text, TextInput, Title } from '@mantine/core'
import { Trans, useTranslation } from 'react-i18next'
import { station } from '../../api'
import type { AskApproval } from '../../components/useApproval'
import { useAction } from '../../useAction'

/**
 * "Export diagnostics" for IT: a shift lead approves, the station writes one zip (logs, settings without
 * secrets, integrity report, versions, recent events) into its data folder's diagnostics/ or a folder named here.
 */
export function DiagnosticsExport({ lead, ask }: { lead: boolean; ask: AskApproval }) {
  const { t } = useTranslation('settings')
  const [folder, setFolder] = useState('')
  const outcome = useAction()
  const exportNow = () => {
    outcome.clear()
    ask(t('diagnostics.approve'), async (approval) => {
      const done = await station.app.exportDiagnostics({ folder: folder.trim() || undefined, approval })
      outcome.succeed(t('diagnostics.written', { path: done.path, kb: Math.max(1, Math.round(done.bytes / 1024)) }))
    })
  }
  const message = outcome.notice ?? outcome.error
  return (
    <Paper withBorder p="md">
      <Title order={3}>{t('diagnostics.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        <Trans t={t} i18nKey="diagnostics.intro" components={{ mono: <span className="mono" /> }} />
      </Text>
      {message !== null && (
        <Alert color={outcome.notice !== null ? 'green' : 'red'} role="status" mb="sm">
          {message}
        </Alert>
      )}
      <Group align="flex-end">
        <TextInput
          label={t('diagnostics.folder')}
          placeholder={t('diagnostics.folderPlaceholder')}
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          disabled={!lead}
          w={420}
        />
        <Button onClick={exportNow} disabled={!lead}>
          {t('diagnostics.export')}
        </Button>
      </Group>
    </Paper>
  )
}
