// The shift report: any time range (local date and time) and one operator or all, the board's figures as
// tables and charts, saved as CSV or PDF.
import { useState } from 'react'
import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core'
import type { ShiftFigures, ShiftRange } from '../../../../shared/reports'
import { station } from '../../api'
import { useAction } from '../../useAction'
import { useAsync } from '../../useAsync'
import { FiguresView } from './FiguresView'
import { ReportExport } from './ReportExport'
import { useReportWords } from './words'

/** A `datetime-local` value ("2026-11-21T06:00") for a Date, in this PC's time zone. */
const localInput = (d: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

function today(): { from: string; to: string } {
  const from = new Date()
  from.setHours(0, 0, 0, 0)
  const to = new Date(from)
  to.setDate(to.getDate() + 1)
  return { from: localInput(from), to: localInput(to) }
}

export function ShiftReport() {
  const { W } = useReportWords()
  const [form, setForm] = useState({ ...today(), operatorId: '' })
  const [shown, setShown] = useState<{ range: ShiftRange; figures: ShiftFigures } | null>(null)
  const loading = useAction()
  const { value: operators } = useAsync(() => station.operators.all(), [])

  const show = async () => {
    const from = new Date(form.from)
    const to = new Date(form.to)
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return loading.fail(`${W.from} / ${W.to}?`)
    const range: ShiftRange = {
      from: from.toISOString(),
      to: to.toISOString(),
      ...(form.operatorId ? { operatorId: Number(form.operatorId) } : {})
    }
    const figures = await loading.run(() => station.reports.shift(range))
    if (figures) setShown({ range, figures })
  }

  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          type="datetime-local"
          label={W.from}
          value={form.from}
          onChange={(e) => setForm({ ...form, from: e.currentTarget.value })}
        />
        <TextInput type="datetime-local" label={W.to} value={form.to} onChange={(e) => setForm({ ...form, to: e.currentTarget.value })} />
        <Select
          label={W.operatorFilter}
          size="md"
          w={260}
          value={form.operatorId}
          onChange={(value) => setForm({ ...form, operatorId: value ?? '' })}
          data={[{ value: '', label: W.allOperators }, ...(operators ?? []).map((o) => ({ value: String(o.id), label: o.name }))]}
          allowDeselect={false}
        />
        <Button onClick={show} loading={loading.busy}>
          {W.show}
        </Button>
      </Group>
      {loading.error && <Alert color="red">{loading.error}</Alert>}
      {shown && (
        <>
          <ReportExport range={shown.range} />
          <FiguresView figures={shown.figures} />
        </>
      )}
    </Stack>
  )
}
