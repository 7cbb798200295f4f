// One shift's figures, as the board and the report show them: the tiles, the charts, and the tables.
import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { formatLocalTime } from '../../../../shared/localTime'
import type { ShiftFigures } from '../../../../shared/reports'
import { HeadedTable } from '../../components/HeadedTable'
import { answerText } from '../../useAction'
import { RefusalsChart, UnitsChart } from './Charts'
import { FigureTiles } from './FigureTiles'
import { useReportWords } from './words'

export function FiguresView({ figures, live = false }: { figures: ShiftFigures; live?: boolean }) {
  const { W, REFUSAL_NAMES, F } = useReportWords()
  const num = F.number
  const refusals = figures.refusals.filter((r) => r.count > 0)
  return (
    <Stack gap="md">
      <FigureTiles figures={figures} live={live} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder>
          <Title order={3} mb="xs">
            {figures.bucket === 'hour' ? W.unitsPerHour : W.unitsPerDay}
          </Title>
          <UnitsChart figures={figures} live={live} />
        </Card>
        <Card withBorder>
          <Title order={3} mb="xs">
            {W.pace}
          </Title>
          {figures.operators.length === 0 ? (
            <Text c="dimmed">{W.noScans}</Text>
          ) : (
            <HeadedTable
              fz="xl"
              aria-label={W.pace}
              columns={[
                W.operator,
                { title: W.units, ta: 'right' },
                { title: W.perHour, ta: 'right' },
                { title: W.secondsPerUnit, ta: 'right' }
              ]}
            >
              {figures.operators.map((o) => (
                <Table.Tr key={o.operatorId} data-operator={o.name}>
                  <Table.Td fw={600}>{o.name}</Table.Td>
                  <Table.Td ta="right" fw={800}>
                    {num(o.units)}
                  </Table.Td>
                  <Table.Td ta="right">{num(o.unitsPerHour)}</Table.Td>
                  <Table.Td ta="right">{num(o.secondsPerUnit)}</Table.Td>
                </Table.Tr>
              ))}
            </HeadedTable>
          )}
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder>
          <Title order={3} mb="xs">
            {W.refusalsByClass}
          </Title>
          <RefusalsChart figures={figures} />
        </Card>
        <Card withBorder>
          <Title order={3} mb="xs">
            {W.latest}
          </Title>
          {refusals.length === 0 && <Text c="dimmed">{W.noRefusals}</Text>}
          <Stack gap="xs">
            {refusals.map((r) => (
              <div key={r.class} data-refusal-class={r.class}>
                <Group gap="xs">
                  <Text fw={700}>{REFUSAL_NAMES[r.class]}</Text>
                  <Text c="dimmed">· {num(r.count)}</Text>
                </Group>
                {r.last.map((e) => {
                  // One line each; a longer sentence (Polish ones are) is cut, and reads whole on hover.
                  const said = answerText(e)
                  return (
                    <Text key={`${e.at}${e.input}`} size="sm" lineClamp={1} title={said}>
                      {formatLocalTime(e.at, { timeOnly: true })} · {e.orderNumber ?? W.notNow} · {e.operatorName} · {said}
                    </Text>
                  )
                })}
              </div>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder>
          <Title order={3} mb="xs">
            {W.printFailures}
          </Title>
          {figures.printFailures.last.length === 0 ? (
            <Text c="dimmed">{W.noPrintFailures}</Text>
          ) : (
            <HeadedTable aria-label={W.printFailures} columns={[W.time, W.label, W.order, W.printer, W.error]}>
              {figures.printFailures.last.map((p) => (
                <Table.Tr key={`${p.at}${p.orderNumber}${p.kind}`}>
                  <Table.Td>{formatLocalTime(p.at, { timeOnly: true })}</Table.Td>
                  <Table.Td>{F.labelKind(p.kind)}</Table.Td>
                  <Table.Td>{p.orderNumber}</Table.Td>
                  <Table.Td>{p.printer}</Table.Td>
                  <Table.Td c="red.8">{p.error ?? W.notNow}</Table.Td>
                </Table.Tr>
              ))}
            </HeadedTable>
          )}
        </Card>
        <Card withBorder>
          <Title order={3} mb="xs">
            {W.blockedTitle}
          </Title>
          {figures.blocked.length === 0 ? (
            <Text c="dimmed">{W.noBlocked}</Text>
          ) : (
            <HeadedTable aria-label={W.blockedTitle} columns={[W.order, { title: W.units, ta: 'right' }]}>
              {figures.blocked.map((b) => (
                <Table.Tr key={b.orderId}>
                  <Table.Td fw={600}>{b.orderNumber}</Table.Td>
                  <Table.Td ta="right">{num(b.units)}</Table.Td>
                </Table.Tr>
              ))}
            </HeadedTable>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  )
}
