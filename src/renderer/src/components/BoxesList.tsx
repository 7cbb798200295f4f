import { useState } from 'react'
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core'
import type { Approval } from '../../../shared/operators'
import type { Box, OrderDetail, ScannedUnit } from '../../../shared/orders'
import { station } from '../api'
import { errorMessage } from '../useAction'
import { ShiftLeadApproval } from './ShiftLeadApproval'

const STATUS_COLOR = { confirmed: 'green', saved: 'yellow', voided: 'gray' } as const
const STATUS_TEXT = { confirmed: 'confirmed', saved: 'open', voided: 'voided' } as const

export const unitText = (u: Pick<ScannedUnit, 'serial' | 'serial2'>) =>
  u.serial ? (u.serial2 ? `${u.serial} / ${u.serial2}` : u.serial) : 'non-serialized unit'

export function boxSize(box: Box): string | null {
  const dims = box.lengthMm ? `${box.lengthMm}×${box.widthMm}×${box.heightMm} mm` : null
  const weight = box.weightG ? `${(box.weightG / 1000).toFixed(2)} kg` : null
  return [box.presetName, dims, weight].filter(Boolean).join(' · ') || null
}

type Pending = { kind: 'void'; box: Box } | { kind: 'remove'; unit: ScannedUnit; box: Box | null }

/**
 * The boxes of an order with their contents. With `order` and `onChanged`,
 * it also offers what may still change before packing is confirmed: reopen
 * a confirmed box, remove a unit from an open box, void a box — the last two
 * with a shift lead's badge, PIN and reason.
 */
export function BoxesList({
  boxes,
  order,
  onChanged,
  onMessage
}: {
  boxes: Box[]
  order?: OrderDetail
  onChanged?: (order: OrderDetail) => void
  onMessage?: (message: string, ok: boolean) => void
}) {
  const [pending, setPending] = useState<Pending | null>(null)
  const editable = order !== undefined && onChanged !== undefined && (order.status === 'ready' || order.status === 'in_progress')
  const live = boxes.filter((b) => b.status !== 'voided')
  if (boxes.length === 0) return <Text c="dimmed">No boxes yet.</Text>

  const reopen = async (box: Box) => {
    try {
      const result = await station.packing.reopenBox({ orderId: order!.id, boxId: box.id })
      onChanged!(result.order)
      onMessage?.(result.message, true)
    } catch (e) {
      onMessage?.(errorMessage(e), false)
    }
  }

  const approve = async (approval: Approval, reason: string | undefined) => {
    if (!pending) return
    const result =
      pending.kind === 'void'
        ? await station.packing.voidBox({ orderId: order!.id, boxId: pending.box.id, approval, reason: reason ?? '' })
        : await station.packing.removeUnit({ orderId: order!.id, unitId: pending.unit.id, approval, reason: reason ?? '' })
    onChanged!(result.order)
    onMessage?.(result.message, true)
  }

  return (
    <Stack gap="xs" aria-label="Boxes">
      {boxes.map((box) => (
        <Paper
          key={box.id}
          withBorder
          p="sm"
          data-box={box.number}
          aria-label={`Box ${box.number}`}
          opacity={box.status === 'voided' ? 0.6 : 1}
        >
          <Group justify="space-between">
            <Text fw={800} size="lg">
              Box {box.number}
              {box.status !== 'voided' && ` of ${live.length}`}
            </Text>
            <Badge color={STATUS_COLOR[box.status]} size="lg">
              {STATUS_TEXT[box.status]}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {box.unitCount} unit{box.unitCount === 1 ? '' : 's'} · {box.createdBy}
            {boxSize(box) && ` · ${boxSize(box)}`}
            {box.sscc && ` · SSCC ${box.sscc}`}
          </Text>
          <Stack gap={2} mt={4}>
            {box.units.map((u) => (
              <Group key={u.id} gap="xs" justify="space-between" wrap="nowrap">
                <Text size="sm" className="mono">
                  {unitText(u)}
                  {u.entryMethod === 'typed' && ' ⌨'}
                </Text>
                {editable && box.status === 'saved' && (
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => setPending({ kind: 'remove', unit: u, box })}>
                    Remove
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
          {editable && box.status !== 'voided' && (
            <Group mt="xs" gap="xs">
              {box.status === 'confirmed' && (
                <Button size="sm" variant="light" onClick={() => void reopen(box)}>
                  Reopen box {box.number}
                </Button>
              )}
              <Button size="sm" variant="light" color="red" onClick={() => setPending({ kind: 'void', box })}>
                Void box {box.number}
              </Button>
            </Group>
          )}
        </Paper>
      ))}
      <ShiftLeadApproval
        opened={pending !== null}
        action={pending?.kind === 'void' ? `void box ${pending.box.number}` : pending ? `remove ${unitText(pending.unit)}` : ''}
        reason="required"
        onApprove={approve}
        onClose={() => setPending(null)}
      >
        {pending?.kind === 'void' && (
          <Text>
            {pending.box.unitCount === 1 ? 'Its 1 unit leaves' : `Its ${pending.box.unitCount} units leave`} the box and can be scanned
            again.
          </Text>
        )}
        {pending?.kind === 'remove' && (
          <Text>The unit leaves {pending.box ? `box ${pending.box.number}` : 'the order'}; its serial can be scanned again.</Text>
        )}
      </ShiftLeadApproval>
    </Stack>
  )
}

/** Units scanned since the last box, each removable with a shift lead's approval. */
export function LooseUnits({
  order,
  onChanged,
  onMessage
}: {
  order: OrderDetail
  onChanged: (order: OrderDetail) => void
  onMessage?: (message: string, ok: boolean) => void
}) {
  const [unit, setUnit] = useState<ScannedUnit | null>(null)
  if (order.looseUnits.length === 0) return <Text c="dimmed">Nothing yet.</Text>
  return (
    <Paper withBorder p="sm" aria-label="Scanned since the last box">
      {[...order.looseUnits].reverse().map((u) => (
        <Group key={u.id} justify="space-between" wrap="nowrap">
          <Text className="mono" size="lg">
            {unitText(u)}
            {u.entryMethod === 'typed' && ' ⌨'}
          </Text>
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => setUnit(u)}>
            Remove
          </Button>
        </Group>
      ))}
      <ShiftLeadApproval
        opened={unit !== null}
        action={unit ? `remove ${unitText(unit)}` : ''}
        reason="required"
        onApprove={async (approval, reason) => {
          const result = await station.packing.removeUnit({ orderId: order.id, unitId: unit!.id, approval, reason: reason ?? '' })
          onChanged(result.order)
          onMessage?.(result.message, true)
        }}
        onClose={() => setUnit(null)}
      />
    </Paper>
  )
}
