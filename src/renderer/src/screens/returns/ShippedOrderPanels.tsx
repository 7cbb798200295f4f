import { Trans, useTranslation } from 'react-i18next'
import { Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { OrderDetail } from '../../../../shared/orders'
import type { ReturnRecord } from '../../../../shared/shipping'

/** What left in the order: carrier, tracking, and every unit with its box. */
export function ShippedUnits({ order }: { order: OrderDetail }) {
  const { t } = useTranslation('returns')
  const units = order.boxes.filter((b) => b.status !== 'voided').flatMap((b) => b.units.map((u) => ({ ...u, box: b.number })))
  return (
    <Paper withBorder p="md" mb="md">
      <Title order={4}>{t('shipped.title')}</Title>
      <Text c="dimmed">
        <Trans
          t={t}
          i18nKey={order.shippedAt ? 'shipped.viaAt' : 'shipped.via'}
          values={{
            carrier: order.carrier,
            service: order.service,
            tracking: order.trackingNumber,
            at: order.shippedAt ? new Date(order.shippedAt) : undefined
          }}
          components={{ mono: <span className="mono" /> }}
        />
      </Text>
      <Table fz="md" aria-label={t('shipped.table')} mt="xs">
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td className="mono">{[u.serial, u.serial2].filter(Boolean).join(' / ') || t('shipped.nonSerialized')}</Table.Td>
              <Table.Td>{t('shipped.box', { box: u.box })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

/** The returns already recorded for the order, flags included. */
export function EarlierReturns({ returns }: { returns: ReturnRecord[] }) {
  const { t } = useTranslation('returns')
  if (returns.length === 0) return null
  return (
    <Paper withBorder p="md">
      <Title order={4}>{t('earlier.title')}</Title>
      {returns.map((r) => (
        <Stack key={r.id} gap={0} mt="xs">
          <Text fw={700}>{t('earlier.receivedBy', { at: new Date(r.receivedAt), name: r.receivedBy })}</Text>
          {r.units.map((u) => (
            <Text key={u.serial} className="mono" c={u.flag ? 'red.8' : undefined}>
              {/* t('flag.not_in_order'), t('flag.unknown_serial'), t('flag.already_returned') */}
              {u.flag ? t('earlier.flagged', { serial: u.serial, flag: t(`flag.${u.flag}`) }) : u.serial}
            </Text>
          ))}
          {r.note && <Text c="dimmed">{r.note}</Text>}
        </Stack>
      ))}
    </Paper>
  )
}
