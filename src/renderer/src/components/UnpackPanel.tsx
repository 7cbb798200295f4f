import { useRef, useState } from 'react'
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { OrderDelta } from '../../../shared/orderDelta'
import type { OrderDetail } from '../../../shared/orders'
import { station } from '../api'
import { answerText, errorMessage } from '../useAction'
import { unitText } from './BoxesList'
import { ScanFeedback, soundFor, type Feedback } from './ScanFeedback'
import { ScanField, type ScanFieldHandle } from './ScanField'
import { VirtualList } from './VirtualList'

/**
 * A cancelled order (SPEC §1): the units still in its boxes are listed for
 * unpacking; the operator scans each one as it comes out, and it is recorded.
 */
export function UnpackPanel({ order, onChanged }: { order: OrderDetail; onChanged: (change: OrderDelta) => void }) {
  const [feedback, setFeedback] = useState<Feedback>(null)
  const { t } = useTranslation('packing')
  const field = useRef<ScanFieldHandle>(null)
  const packed = [
    ...order.boxes.flatMap((b) => b.units.map((u) => ({ unit: u, box: b.number as number | null }))),
    ...order.looseUnits.map((u) => ({ unit: u, box: null }))
  ]

  const unpack = async (args: { serial?: string; unitId?: string }) => {
    try {
      const result = await station.packing.unpack({ orderId: order.id, ...args })
      onChanged(result.change)
      setFeedback({ outcome: 'accepted', message: answerText(result) })
      soundFor('accepted')
    } catch (e) {
      setFeedback({ outcome: 'error', message: errorMessage(e) })
      soundFor('error')
    }
    field.current?.focus()
  }

  if (packed.length === 0) {
    return (
      <Stack>
        {feedback && <ScanFeedback feedback={feedback} />}
        <Alert color="gray" title={t('unpack.nothing')}>
          {t('unpack.allDone')}
        </Alert>
      </Stack>
    )
  }
  return (
    <Paper withBorder p="md" aria-label={t('unpack.label')}>
      <Stack>
        <Title order={3}>{t('unpack.title', { count: packed.length })}</Title>
        <Text size="lg">{t('unpack.hint')}</Text>
        <ScanField ref={field} label={t('unpack.serial')} onScan={(e) => void unpack({ serial: e.value })} />
        <ScanFeedback feedback={feedback} idle={t('unpack.idle')} />
        <VirtualList items={packed} itemKey={(p) => p.unit.id} estimateHeight={34} maxHeight={420} label={t('unpack.stillPacked')}>
          {({ unit, box }) => (
            <Group justify="space-between" mb={4}>
              <Text className="mono" size="lg">
                {box === null ? t('unpack.notBoxed') : t('box.label', { box })} · {unitText(unit)}
              </Text>
              {!unit.serial && (
                <Button size="compact-md" variant="light" onClick={() => void unpack({ unitId: unit.id })}>
                  {t('unpack.unpacked')}
                </Button>
              )}
            </Group>
          )}
        </VirtualList>
      </Stack>
    </Paper>
  )
}
