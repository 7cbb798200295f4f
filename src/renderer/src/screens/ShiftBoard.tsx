// The shift lead's live shift board (SPEC §10): today on this station, refreshed when orders change
// (`orders:changed`) or a print job does (`printing:job`), and every half minute besides (a scan sends no notice), and the shift
// report for any range and operator.
import { useEffect, useState } from 'react'
import { Alert, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core'
import { formatLocalTime } from '../../../shared/localTime'
import { station } from '../api'
import { useAsync } from '../useAsync'
import { FiguresView } from './reports/FiguresView'
import { ShiftReport } from './reports/ShiftReport'
import { useReportWords } from './reports/words'

const REFRESH_MS = 30_000

export function ShiftBoard() {
  const { W } = useReportWords()
  const [tab, setTab] = useState<string | null>('live')
  return (
    <Stack>
      <Title order={2}>{W.boardTitle}</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="live" fz="lg">
            {W.liveTab}
          </Tabs.Tab>
          <Tabs.Tab value="report" fz="lg">
            {W.reportTab}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="live" pt="md">
          <LiveBoard />
        </Tabs.Panel>
        <Tabs.Panel value="report" pt="md">
          <ShiftReport />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}

function LiveBoard() {
  const { W } = useReportWords()
  const { value: figures, error, reload } = useAsync(() => station.reports.board(), [])
  useEffect(() => station.on('orders:changed', () => void reload()), [reload])
  useEffect(() => station.on('printing:job', () => void reload()), [reload])
  useEffect(() => {
    const timer = setInterval(() => void reload(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [reload])
  if (error) return <Alert color="red">{error}</Alert>
  if (!figures) return <Loader />
  return (
    <Stack>
      <Group justify="flex-end">
        <Text c="dimmed" aria-label={W.boardUpdated}>
          {W.updated(formatLocalTime(figures.generatedAt, { seconds: true }))}
        </Text>
      </Group>
      <FiguresView figures={figures} live />
    </Stack>
  )
}
