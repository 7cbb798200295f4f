import { useState } from 'react'
import { Alert, Button, Group, Paper, Text, TextInput, Title } from '@mantine/core'
import { station } from '../../api'
import type { AskApproval } from '../../components/useApproval'
import { useAction } from '../../useAction'

/**
 * "Export diagnostics" for IT: a shift lead approves, the station writes one zip (logs, settings without
 * secrets, integrity report, versions, recent events) into its data folder's diagnostics/ or a folder named here.
 */
export function DiagnosticsExport({ lead, ask }: { lead: boolean; ask: AskApproval }) {
  const [folder, setFolder] = useState('')
  const outcome = useAction()
  const exportNow = () => {
    outcome.clear()
    ask('export diagnostics', async (approval) => {
      const done = await station.app.exportDiagnostics({ folder: folder.trim() || undefined, approval })
      outcome.succeed(`Diagnostics written to ${done.path} (${Math.max(1, Math.round(done.bytes / 1024))} KB).`)
    })
  }
  const message = outcome.notice ?? outcome.error
  return (
    <Paper withBorder p="md">
      <Title order={3}>Diagnostics</Title>
      <Text size="sm" c="dimmed" mb="sm">
        One zip for IT: the station&apos;s logs, its settings (never PINs or the OMS token), a database check, the versions it runs and the
        last 500 events. Written to the data folder&apos;s <span className="mono">diagnostics</span> folder unless you name another (a full
        path, e.g. a USB stick).
      </Text>
      {message !== null && (
        <Alert color={outcome.notice !== null ? 'green' : 'red'} role="status" mb="sm">
          {message}
        </Alert>
      )}
      <Group align="flex-end">
        <TextInput
          label="Folder (optional)"
          placeholder="the data folder's diagnostics/"
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          disabled={!lead}
          w={420}
        />
        <Button onClick={exportNow} disabled={!lead}>
          Export diagnostics
        </Button>
      </Group>
    </Paper>
  )
}
