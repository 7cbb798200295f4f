import { useState } from 'react'
import { Alert, Badge, Button, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { HistoryKind, SerialHistory } from '../../../shared/shipping'
import { wordSentence } from '../../../shared/words'
import { station } from '../api'
import { EvidencePanel } from '../components/evidence/EvidencePanel'
import { HeadedTable } from '../components/HeadedTable'
import { ScanField } from '../components/ScanField'
import { useScanStream } from '../deviceScans'
import { useAction } from '../useAction'
import type { Navigate } from './routes'

const KIND_COLOR: Record<HistoryKind, string> = {
  scanned: 'blue',
  boxed: 'cyan',
  box_confirmed: 'cyan',
  removed: 'orange',
  packed: 'green',
  cancelled: 'red',
  shipped: 'teal',
  returned: 'grape'
}

/** IMEI history: scan or type any IMEI (either of a dual-IMEI device) or serial, and read its whole story at this station. */
export function SerialHistoryScreen({ navigate }: { navigate: Navigate }) {
  const { t } = useTranslation('history')
  const [history, setHistory] = useState<SerialHistory | null>(null)
  const searching = useAction()

  const search = async (input: string) => {
    setHistory((await searching.run(() => station.history.serial({ input }))) ?? null)
  }
  useScanStream((scan) => search(scan.data))

  // The orders it was scanned into, once each: their packing evidence opens at its scan.
  const orders = history
    ? [
        ...new Map(
          history.entries.flatMap((e) => (e.kind === 'scanned' && e.orderId !== null ? [[e.orderId, e.orderNumber ?? '']] : []))
        ).entries()
      ]
    : []

  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <ScanField label={t('field')} onScan={(entry) => void search(entry.value)} />
      {searching.error && (
        <Alert color="red" title={t('notSearched')} role="alert">
          <Text size="lg">{searching.error}</Text>
        </Alert>
      )}
      {history && history.entries.length === 0 && (
        <Alert color="orange" title={t('neverSeen.title')} role="alert">
          <Text size="lg">{t('neverSeen.text', { serial: history.serial })}</Text>
        </Alert>
      )}
      {history && history.entries.length > 0 && (
        <>
          <Text size="xl" fw={700}>
            <span className="mono">{history.serials.join(' / ')}</span>: {t('events', { count: history.entries.length })}
          </Text>
          <HeadedTable
            fz="lg"
            striped
            aria-label={t('title')}
            verticalSpacing="sm"
            columns={[t('column.when'), t('column.what'), t('column.order'), t('column.box'), t('column.who'), t('column.details')]}
          >
            {history.entries.map((e, i) => (
              <Table.Tr key={i} data-kind={e.kind}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('common:dateTimeSeconds', { at: e.at })}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={KIND_COLOR[e.kind]} size="lg" variant="filled" style={{ minWidth: 'max-content' }}>
                    {/* kind.scanned, kind.boxed, kind.box_confirmed, kind.removed, kind.packed, kind.cancelled, kind.shipped, kind.returned */}
                    {t(`kind.${e.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {e.orderId !== null && (
                    <Button variant="subtle" size="md" px={4} onClick={() => navigate({ screen: 'order', orderId: e.orderId! })}>
                      {e.orderNumber}
                    </Button>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {e.boxNumber === null ? '' : e.boxStatus === 'voided' ? t('voidedBox', { n: e.boxNumber }) : String(e.boxNumber)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.operator ?? ''}</Table.Td>
                <Table.Td>
                  <Text size="lg" c={e.flag ? 'red.8' : undefined} fw={e.flag ? 700 : undefined}>
                    {e.words ? wordSentence(t, e.words) : e.detail}
                  </Text>
                  {e.trackingUrl && (
                    <Text size="sm" c="dimmed" className="mono" style={{ wordBreak: 'break-all' }}>
                      {e.trackingUrl}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </HeadedTable>
          {orders.map(([orderId, orderNumber]) => (
            <EvidencePanel key={orderId} orderId={orderId} orderNumber={orderNumber} focus={history.serials} />
          ))}
        </>
      )}
    </Stack>
  )
}
