import { useTranslation } from 'react-i18next'
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { ReturnCheck } from '../../../../shared/shipping'
import { wordSentence } from '../../../../shared/words'
import { HeadedTable } from '../../components/HeadedTable'

const FLAG_COLOR = { already_returned: 'grape', not_in_order: 'orange', unknown_serial: 'red' } as const

/** This parcel: the units scanned so far, each with its check, and a way to take one out. */
export function ParcelPanel({ parcel, onRemove }: { parcel: ReturnCheck[]; onRemove: (serial: string) => void }) {
  const { t } = useTranslation('returns')
  const flagged = parcel.filter((u) => u.flag !== null).length
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3}>{t('parcel.title')}</Title>
        <Text size="lg" fw={700}>
          {flagged > 0 ? t('parcel.unitsFlagged', { count: parcel.length, flagged }) : t('parcel.units', { count: parcel.length })}
        </Text>
      </Group>
      {parcel.length === 0 ? (
        <Text c="dimmed" size="lg">
          {t('parcel.empty')}
        </Text>
      ) : (
        <ParcelTable parcel={parcel} onRemove={onRemove} />
      )}
    </Paper>
  )
}

function ParcelTable({ parcel, onRemove }: { parcel: ReturnCheck[]; onRemove: (serial: string) => void }) {
  const { t } = useTranslation('returns')
  return (
    <HeadedTable fz="lg" aria-label={t('parcel.table')} columns={[t('parcel.serialColumn'), t('parcel.result'), null]}>
      {parcel.map((u) => (
        <Table.Tr key={u.serial} data-flag={u.flag ?? 'ok'}>
          <Table.Td className="mono">{u.serial}</Table.Td>
          <Table.Td>
            <UnitCheck unit={u} />
          </Table.Td>
          <Table.Td>
            <Button variant="subtle" color="gray" onClick={() => onRemove(u.serial)} aria-label={t('parcel.takeOut', { serial: u.serial })}>
              {t('parcel.remove')}
            </Button>
          </Table.Td>
        </Table.Tr>
      ))}
    </HeadedTable>
  )
}

function UnitCheck({ unit: u }: { unit: ReturnCheck }) {
  const { t } = useTranslation('returns')
  if (!u.flag)
    return (
      <Badge color="green" size="lg" variant="filled">
        {t('parcel.ok')}
      </Badge>
    )
  return (
    <Stack gap={2}>
      <Badge color={FLAG_COLOR[u.flag]} size="lg" variant="filled">
        {/* t('flag.not_in_order'), t('flag.unknown_serial'), t('flag.already_returned') */}
        {t(`flag.${u.flag}`)}
      </Badge>
      <Text size="md">{u.words ? wordSentence(t, u.words) : u.message}</Text>
    </Stack>
  )
}
