// The shift-end summary a shift lead is offered at sign-out: the last hours' figures, to save as PDF or CSV
// before signing out (or to sign out at once).
import { useEffect, useState } from 'react'
import { Alert, Button, Group, Loader, Modal, SegmentedControl, Stack, Text } from '@mantine/core'
import type { ShiftFigures, ShiftRange } from '../../../../shared/reports'
import { station } from '../../api'
import { errorMessage } from '../../useAction'
import { FigureTiles } from './FigureTiles'
import { ReportExport } from './ReportExport'
import { useReportWords } from './words'

const SHIFT_HOURS = [8, 10, 12] as const

export function ShiftEndSummary({ opened, onSignOut, onClose }: { opened: boolean; onSignOut: () => void; onClose: () => void }) {
  const { W } = useReportWords()
  const [hours, setHours] = useState<string>('8')
  const [state, setState] = useState<{ range: ShiftRange; figures: ShiftFigures } | { error: string } | null>(null)

  useEffect(() => {
    if (!opened) return
    let live = true
    const to = new Date()
    const range = { from: new Date(to.getTime() - Number(hours) * 3_600_000).toISOString(), to: to.toISOString() }
    station.reports.shift(range).then(
      (figures) => live && setState({ range, figures }),
      (e: unknown) => live && setState({ error: errorMessage(e) })
    )
    return () => {
      live = false
    }
  }, [opened, hours])

  return (
    <Modal opened={opened} onClose={onClose} title={W.summaryTitle} size="90%" centered>
      <Stack>
        <Text>{W.summaryIntro}</Text>
        <SegmentedControl value={hours} onChange={setHours} data={SHIFT_HOURS.map((h) => ({ value: String(h), label: W.lastHours(h) }))} />
        {state === null && <Loader />}
        {state && 'error' in state && <Alert color="red">{state.error}</Alert>}
        {state && 'figures' in state && (
          <>
            <FigureTiles figures={state.figures} live={false} />
            <ReportExport range={state.range} withFolder={false} />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {W.cancel}
          </Button>
          <Button color="gray" onClick={onSignOut}>
            {W.signOut}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
