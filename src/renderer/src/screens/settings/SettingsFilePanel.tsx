import { useState } from 'react'
import { Alert, Button, Checkbox, FileInput, Group, List, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import type { SettingChange, SettingsFilePreview } from '../../../../shared/settingsFile'
import { station } from '../../api'
import type { AskApproval } from '../../components/useApproval'
import { errorMessage, useAction } from '../../useAction'

/**
 * Settings as one file, so IT sets up the next station alike: a shift lead exports them (approved) into the data
 * folder's settings-exports/ or a folder they name, and the file also downloads through the browser; on another
 * station they pick the file, see what it changes, and import it (approved). Never the OMS token or a PIN.
 */
export function SettingsFilePanel({ lead, ask, onImported }: { lead: boolean; ask: AskApproval; onImported: () => void }) {
  const [folder, setFolder] = useState('')
  const exported = useAction()
  const exportNow = () => {
    exported.clear()
    ask('export the station settings', async (approval) => {
      const done = await station.settingsFile.export({ folder: folder.trim() || undefined, approval })
      download(done.fileName, done.text)
      exported.succeed(`Settings written to ${done.path} (and downloaded as ${done.fileName}).`)
    })
  }
  const message = exported.notice ?? exported.error
  return (
    <Paper withBorder p="md" aria-label="Settings file">
      <Title order={3}>Settings file</Title>
      <Text size="sm" c="dimmed" mb="sm">
        One file with this station&apos;s settings — scanning, scanners&apos; prefixes and suffixes, labels and GS1 prefix, OMS address and
        file export, backups, box presets — to set up the next station alike. The OMS token and PINs are never in it.
      </Text>
      {message !== null && (
        <Alert color={exported.notice !== null ? 'green' : 'red'} role="status" mb="sm">
          {message}
        </Alert>
      )}
      <Group align="flex-end" mb="lg">
        <TextInput
          label="Export folder (optional)"
          placeholder="the data folder's settings-exports/"
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          disabled={!lead}
          w={420}
        />
        <Button onClick={exportNow} disabled={!lead}>
          Export settings
        </Button>
      </Group>
      <ImportSettings lead={lead} ask={ask} onImported={onImported} />
    </Paper>
  )
}

/** The browser's own download: the same in the browser host and in Electron's window. */
function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

function ImportSettings({ lead, ask, onImported }: { lead: boolean; ask: AskApproval; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null)
  const [text, setText] = useState<string | null>(null)
  const [includeStation, setIncludeStation] = useState(false)
  const [preview, setPreview] = useState<SettingsFilePreview | null>(null)
  const outcome = useAction()

  const look = async (content: string | null, withStation: boolean) => {
    setPreview(null)
    if (content === null) return
    const seen = await outcome.run(() => station.settingsFile.preview({ text: content, includeStation: withStation }))
    if (seen) setPreview(seen)
  }
  const pick = async (picked: File | null) => {
    outcome.clear()
    setFile(picked)
    const content = picked ? await picked.text().catch((e: unknown) => (outcome.fail(errorMessage(e)), null)) : null
    setText(content)
    await look(content, includeStation)
  }
  const importNow = () => {
    if (text === null || !preview) return
    ask(
      'import station settings',
      async (approval) => {
        const done = await station.settingsFile.import({ text, includeStation, approval })
        setPreview(null)
        setFile(null)
        setText(null)
        onImported()
        outcome.succeed(`Settings imported from station ${done.from.stationId}: ${done.changes.length} changed.`)
      },
      { details: <Text>{preview.changes.length} settings change.</Text> }
    )
  }

  return (
    <Stack>
      <Group align="flex-end">
        <FileInput
          label="Settings file to import"
          placeholder="settings-….json"
          accept="application/json,.json"
          value={file}
          onChange={(f) => void pick(f)}
          clearable
          disabled={!lead}
          w={420}
        />
        <Checkbox
          label="Also this station's own values (station id and name, SSCC numbering, printers)"
          checked={includeStation}
          disabled={!lead}
          onChange={(e) => {
            const checked = e.currentTarget.checked
            setIncludeStation(checked)
            void look(text, checked)
          }}
        />
      </Group>
      {outcome.error && (
        <Alert color="red" role="alert" title="Not imported">
          {outcome.error}
        </Alert>
      )}
      {outcome.notice && (
        <Alert color="green" role="status">
          {outcome.notice}
        </Alert>
      )}
      {preview && <PreviewOf preview={preview} />}
      {preview && (
        <Button onClick={importNow} disabled={!lead || preview.changes.length === 0} w="fit-content">
          {preview.changes.length === 0 ? 'Nothing to import: the settings are the same' : `Import ${preview.changes.length} changes`}
        </Button>
      )}
    </Stack>
  )
}

function PreviewOf({ preview }: { preview: SettingsFilePreview }) {
  const { from } = preview
  return (
    <Stack gap="xs" aria-label="What the import changes">
      <Text fw={700}>
        From station {from.stationId}
        {from.stationName ? ` (${from.stationName})` : ''}, exported {new Date(from.exportedAt).toLocaleString()} by version{' '}
        {from.appVersion}.
      </Text>
      <Changes title="Changes on this station" rows={preview.changes} label="Settings that change" />
      {preview.kept.length > 0 && <Changes title="Kept: this station's own values" rows={preview.kept} label="Settings kept" />}
      {preview.notes.length > 0 && (
        <List>
          {preview.notes.map((note) => (
            <List.Item key={note}>{note}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  )
}

function Changes({ title, rows, label }: { title: string; rows: SettingChange[]; label: string }) {
  return (
    <>
      <Text fw={600}>{title}</Text>
      {rows.length === 0 ? (
        <Text c="dimmed">None.</Text>
      ) : (
        <Table aria-label={label} striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Setting</Table.Th>
              <Table.Th>Now</Table.Th>
              <Table.Th>From the file</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.setting}>
                <Table.Td>{row.setting}</Table.Td>
                <Table.Td>{row.now}</Table.Td>
                <Table.Td>{row.file}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  )
}
