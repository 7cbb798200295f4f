// Save a shift report as CSV or PDF: into the data folder's reports/ or a folder the shift lead names.
import { useState } from 'react'
import { Alert, Button, Group, TextInput } from '@mantine/core'
import type { ShiftRange } from '../../../../shared/reports'
import { station } from '../../api'
import { useAction } from '../../useAction'
import { useReportWords } from './words'

export function ReportExport({ range, withFolder = true }: { range: ShiftRange; withFolder?: boolean }) {
  const { W } = useReportWords()
  const [folder, setFolder] = useState('')
  const saving = useAction()
  const save = (format: 'csv' | 'pdf') =>
    saving.run(() => station.reports.export({ range, format, folder: folder.trim() || undefined }), { done: (file) => W.saved(file.path) })
  const message = saving.notice ?? saving.error
  return (
    <>
      <Group align="flex-end">
        {withFolder && (
          <TextInput
            label={W.folder}
            placeholder={W.folderHint}
            value={folder}
            onChange={(e) => setFolder(e.currentTarget.value)}
            w={380}
          />
        )}
        <Button variant="light" loading={saving.busy} onClick={() => save('csv')}>
          {W.exportCsv}
        </Button>
        <Button loading={saving.busy} onClick={() => save('pdf')}>
          {W.exportPdf}
        </Button>
      </Group>
      {message !== null && (
        <Alert color={saving.notice !== null ? 'green' : 'red'} role="status" className="mono">
          {message}
        </Alert>
      )}
    </>
  )
}
