import { useState } from 'react'
import { Alert, Button, Checkbox, FileInput, Group, List, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SettingChange, SettingsFilePreview } from '../../../../shared/settingsFile'
import { station } from '../../api'
import type { AskApproval } from '../../components/useApproval'
import { errorMessage, useAction } from '../../useAction'
import { wordSentence } from '../../../../shared/words'

/**
 * Settings as one file, so IT sets up the next station alike: a shift lead exports them (approved) into the data
 * folder's settings-exports/ or a folder they name, and the file also downloads through the browser; on another
 * station they pick the file, see what it changes, and import it (approved). Never the OMS token or a PIN.
 */
export function SettingsFilePanel({ lead, ask, onImported }: { lead: boolean; ask: AskApproval; onImported: () => void }) {
  const { t } = useTranslation('settings')
  const [folder, setFolder] = useState('')
  const exported = useAction()
  const exportNow = () => {
    exported.clear()
    ask(t('file.approveExport'), async (approval) => {
      const done = await station.settingsFile.export({ folder: folder.trim() || undefined, approval })
      download(done.fileName, done.text)
      exported.succeed(t('file.written', { path: done.path, file: done.fileName }))
    })
  }
  const message = exported.notice ?? exported.error
  return (
    <Paper withBorder p="md" aria-label={t('file.title')}>
      <Title order={3}>{t('file.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('file.intro')}
      </Text>
      {message !== null && (
        <Alert color={exported.notice !== null ? 'green' : 'red'} role="status" mb="sm">
          {message}
        </Alert>
      )}
      <Group align="flex-end" mb="lg">
        <TextInput
          label={t('file.folder')}
          placeholder={t('file.folderPlaceholder')}
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          disabled={!lead}
          w={420}
        />
        <Button onClick={exportNow} disabled={!lead}>
          {t('file.export')}
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
  const { t } = useTranslation('settings')
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
      t('file.approveImport'),
      async (approval) => {
        const done = await station.settingsFile.import({ text, includeStation, approval })
        setPreview(null)
        setFile(null)
        setText(null)
        onImported()
        outcome.succeed(t('file.imported', { station: done.from.stationId, count: done.changes.length }))
      },
      { details: <Text>{t('file.changeCount', { count: preview.changes.length })}</Text> }
    )
  }

  return (
    <Stack>
      <Group align="flex-end">
        <FileInput
          label={t('file.toImport')}
          placeholder={t('file.importPlaceholder')}
          accept="application/json,.json"
          value={file}
          onChange={(f) => void pick(f)}
          clearable
          disabled={!lead}
          w={420}
        />
        <Checkbox
          label={t('file.includeStation')}
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
        <Alert color="red" role="alert" title={t('file.notImported')}>
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
          {preview.changes.length === 0 ? t('file.nothing') : t('file.import', { count: preview.changes.length })}
        </Button>
      )}
    </Stack>
  )
}

function PreviewOf({ preview }: { preview: SettingsFilePreview }) {
  const { t } = useTranslation('settings')
  const { from } = preview
  const values = { station: from.stationId, name: from.stationName, at: from.exportedAt, version: from.appVersion }
  // The core's notes as words in the screen's language; the English ones from a station that sends no words.
  const notes = preview.noteWords ? preview.noteWords.map((words) => wordSentence(t, words)) : preview.notes
  return (
    <Stack gap="xs" aria-label={t('file.previewLabel')}>
      <Text fw={700}>{from.stationName ? t('file.fromNamed', values) : t('file.from', values)}</Text>
      <Changes title={t('file.changes')} rows={preview.changes} label={t('file.changesLabel')} />
      {preview.kept.length > 0 && <Changes title={t('file.kept')} rows={preview.kept} label={t('file.keptLabel')} />}
      {notes.length > 0 && (
        <List>
          {notes.map((note) => (
            <List.Item key={note}>{note}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  )
}

function Changes({ title, rows, label }: { title: string; rows: SettingChange[]; label: string }) {
  const { t } = useTranslation('settings')
  return (
    <>
      <Text fw={600}>{title}</Text>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('file.none')}</Text>
      ) : (
        <Table aria-label={label} striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('file.setting')}</Table.Th>
              <Table.Th>{t('file.now')}</Table.Th>
              <Table.Th>{t('file.fromFile')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const words = row.words
              return (
                <Table.Tr key={row.setting}>
                  <Table.Td>{words ? wordSentence(t, words.setting) : row.setting}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{words ? wordSentence(t, words.now) : row.now}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{words ? wordSentence(t, words.file) : row.file}</Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
    </>
  )
}
