import { memo, useMemo, useState } from 'react'
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Approval } from '../../../shared/operators'
import type { OrderDelta } from '../../../shared/orderDelta'
import type { Box, ScannedUnit } from '../../../shared/orders'
import { station } from '../api'
import { answerText, errorMessage } from '../useAction'
import { ShiftLeadApproval } from './ShiftLeadApproval'
import { VirtualList } from './VirtualList'
import { i18n } from '../i18n'

const STATUS_COLOR = { confirmed: 'green', saved: 'yellow', voided: 'gray' } as const
const STATUS_TEXT = { confirmed: 'box.confirmed', saved: 'box.open', voided: 'box.voided' } as const

export const unitText = (u: Pick<ScannedUnit, 'serial' | 'serial2'>) =>
  u.serial ? (u.serial2 ? `${u.serial} / ${u.serial2}` : u.serial) : i18n.t('packing:box.nonSerializedUnit')

/**
 * A unit's serials wrap (a dual-IMEI unit's "IMEI 1 / IMEI 2" is wider than the column) rather than squeezing
 * the Remove button beside them, which keeps its whole width.
 */
const UNIT_TEXT = { minWidth: 0, overflowWrap: 'anywhere' } as const
const NO_SHRINK = { flexShrink: 0 } as const

export function boxSize(box: Box): string | null {
  const dims = box.lengthMm ? i18n.t('packing:box.dimensions', { l: box.lengthMm, w: box.widthMm, h: box.heightMm }) : null
  const weight = box.weightG ? i18n.t('packing:box.weight', { kg: box.weightG / 1000 }) : null
  return [box.presetName, dims, weight].filter(Boolean).join(' · ') || null
}

type Pending = { kind: 'void'; box: Box } | { kind: 'remove'; unit: ScannedUnit; box: Box | null }

/** Where a box list may change its order: the order, and what to do with the station's answer. */
export type BoxActions = {
  orderId: number
  onChanged: (change: OrderDelta) => void
  onMessage?: (message: string, ok: boolean) => void
}

/**
 * The boxes of an order with their contents, both virtualized (a 2,000-unit
 * order draws only what is in view). With `actions` (an order still open), it
 * also offers what may still change before packing is confirmed: reopen a
 * confirmed box, remove a unit from an open box, void a box — the last two
 * with a shift lead's badge, PIN and reason.
 */
export const BoxesList = memo(function BoxesList({ boxes, actions }: { boxes: Box[]; actions?: BoxActions }) {
  const [pending, setPending] = useState<Pending | null>(null)
  const { t } = useTranslation('packing')
  if (boxes.length === 0) return <Text c="dimmed">{t('box.none')}</Text>
  const live = boxes.filter((b) => b.status !== 'voided').length

  const reopen = async (box: Box) => {
    try {
      const result = await station.packing.reopenBox({ orderId: actions!.orderId, boxId: box.id })
      actions!.onChanged(result.change)
      actions!.onMessage?.(answerText(result), true)
    } catch (e) {
      actions!.onMessage?.(errorMessage(e), false)
    }
  }

  const approve = async (approval: Approval, reason: string | undefined) => {
    if (!pending || !actions) return
    const { orderId } = actions
    const result =
      pending.kind === 'void'
        ? await station.packing.voidBox({ orderId, boxId: pending.box.id, approval, reason: reason ?? '' })
        : await station.packing.removeUnit({ orderId, unitId: pending.unit.id, approval, reason: reason ?? '' })
    actions.onChanged(result.change)
    actions.onMessage?.(answerText(result), true)
  }

  return (
    <Stack gap="xs" aria-label={t('box.list')}>
      <VirtualList items={boxes} itemKey={(b) => b.id} estimateHeight={140} maxHeight="calc(100vh - 220px)">
        {(box) => (
          <BoxCard
            box={box}
            live={live}
            editable={actions !== undefined}
            onReopen={() => void reopen(box)}
            onVoid={() => setPending({ kind: 'void', box })}
            onRemove={(unit) => setPending({ kind: 'remove', unit, box })}
          />
        )}
      </VirtualList>
      <ShiftLeadApproval
        opened={pending !== null}
        action={
          pending?.kind === 'void'
            ? t('box.approveVoid', { box: pending.box.number })
            : pending
              ? t('box.approveRemove', { unit: unitText(pending.unit) })
              : ''
        }
        reason="required"
        onApprove={approve}
        onClose={() => setPending(null)}
      >
        {pending?.kind === 'void' && <Text>{t('box.voidHint', { count: pending.box.unitCount })}</Text>}
        {pending?.kind === 'remove' && (
          <Text>{pending.box ? t('box.removeHint', { box: pending.box.number }) : t('box.removeLooseHint')}</Text>
        )}
      </ShiftLeadApproval>
    </Stack>
  )
})

type BoxCardProps = {
  box: Box
  live: number
  editable: boolean
  onReopen: () => void
  onVoid: () => void
  onRemove: (u: ScannedUnit) => void
}

/** One box: its number, status, size and SSCC, its units, and what may still be done with it. */
function BoxCard({ box, live, editable, onReopen, onVoid, onRemove }: BoxCardProps) {
  const { t } = useTranslation('packing')
  return (
    <Paper
      withBorder
      p="sm"
      mb="xs"
      data-box={box.number}
      aria-label={t('box.label', { box: box.number })}
      opacity={box.status === 'voided' ? 0.6 : 1}
    >
      <Group justify="space-between">
        <Text fw={800} size="lg">
          {box.status !== 'voided' ? t('box.numberOf', { box: box.number, total: live }) : t('box.label', { box: box.number })}
        </Text>
        <Badge color={STATUS_COLOR[box.status]} size="lg">
          {t(STATUS_TEXT[box.status])}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('box.units', { count: box.unitCount })} · {box.createdBy}
        {boxSize(box) && ` · ${boxSize(box)}`}
        {box.sscc && ` · ${t('box.sscc', { sscc: box.sscc })}`}
      </Text>
      <VirtualList items={box.units} itemKey={(u) => u.id} estimateHeight={26} maxHeight={260}>
        {(u) => (
          <Group gap="xs" justify="space-between" wrap="nowrap" mt={2}>
            <Text size="sm" className="mono" style={UNIT_TEXT}>
              {unitText(u)}
              {u.entryMethod === 'typed' && ' ⌨'}
            </Text>
            {editable && box.status === 'saved' && (
              <Button size="compact-sm" variant="subtle" color="red" style={NO_SHRINK} onClick={() => onRemove(u)}>
                {t('box.remove')}
              </Button>
            )}
          </Group>
        )}
      </VirtualList>
      {editable && box.status !== 'voided' && (
        <Group mt="xs" gap="xs">
          {box.status === 'confirmed' && (
            <Button size="sm" variant="light" onClick={onReopen}>
              {t('box.reopen', { box: box.number })}
            </Button>
          )}
          <Button size="sm" variant="light" color="red" onClick={onVoid}>
            {t('box.void', { box: box.number })}
          </Button>
        </Group>
      )}
    </Paper>
  )
}

/** Units scanned since the last box (newest first, virtualized), each removable with a shift lead's approval. */
export const LooseUnits = memo(function LooseUnits({ units, actions }: { units: ScannedUnit[]; actions: BoxActions }) {
  const [unit, setUnit] = useState<ScannedUnit | null>(null)
  const newestFirst = useMemo(() => [...units].reverse(), [units])
  const { t } = useTranslation('packing')
  // The (closed) approval dialog is kept as drawn while a scan adds units: a Modal is a dozen components.
  const approval = useMemo(
    () => (
      <ShiftLeadApproval
        opened={unit !== null}
        action={unit ? t('box.approveRemove', { unit: unitText(unit) }) : ''}
        reason="required"
        onApprove={async (lead, reason) => {
          const result = await station.packing.removeUnit({
            orderId: actions.orderId,
            unitId: unit!.id,
            approval: lead,
            reason: reason ?? ''
          })
          actions.onChanged(result.change)
          actions.onMessage?.(answerText(result), true)
        }}
        onClose={() => setUnit(null)}
      />
    ),
    [unit, actions, t]
  )
  if (units.length === 0) return <Text c="dimmed">{t('box.nothingYet')}</Text>
  return (
    <Paper withBorder p="sm">
      <VirtualList
        items={newestFirst}
        itemKey={(u) => u.id}
        estimateHeight={30}
        maxHeight={320}
        label={t('scan:layout.sinceLastBox')}
        stableRows
      >
        {(u) => (
          <Group justify="space-between" wrap="nowrap">
            <Text className="mono" size="lg" style={UNIT_TEXT}>
              {unitText(u)}
              {u.entryMethod === 'typed' && ' ⌨'}
            </Text>
            <Button size="compact-sm" variant="subtle" color="red" style={NO_SHRINK} onClick={() => setUnit(u)}>
              {t('box.remove')}
            </Button>
          </Group>
        )}
      </VirtualList>
      {approval}
    </Paper>
  )
})
