// Packing (SPEC §3, §4, §6): boxes (Save, box dimensions and presets), the
// exceptions a shift lead approves (remove a unit, void a box), unpacking a
// cancelled order, and Packing Confirmation (shipping a bulk order short).
import { z } from 'zod'
import { Approval } from './operators'
import { OrderDelta } from './orderDelta'
import { OrderDetail, OrderRef } from './orders'
import { id, none, reason } from './primitives'
import { Sentence, Words } from './words'

const mm = z.number().int().min(10, 'at least 10 mm').max(3000, 'at most 3 m')

export const SaveResult = z.object({
  action: z.enum(['box_saved', 'box_confirmed']),
  message: z.string(),
  /** `message` as catalogue words, for the screen's language. */
  words: Words.optional(),
  boxNumber: z.number().int(),
  /** What Save changed: the box, and the units it took in. */
  change: OrderDelta
})
export type SaveResult = z.infer<typeof SaveResult>

export const PackingConfirmation = z.object({
  order: OrderDetail,
  canConfirm: z.boolean(),
  /** Why Confirm is not possible yet, one sentence each. */
  blockers: z.array(z.string()),
  /** The same sentences as catalogue words, for the screen's language. */
  blockerWords: z.array(Sentence).optional(),
  /** A bulk `partial` order may ship short with a shift lead's approval; `why` says why it may not (`whyWords`: its sentences). */
  shortShipment: z.object({ allowed: z.boolean(), why: z.string().nullable(), whyWords: z.array(Sentence).optional() })
})
export type PackingConfirmation = z.infer<typeof PackingConfirmation>

export const BoxPreset = z.object({
  id,
  name: z.string(),
  lengthMm: z.number().int(),
  widthMm: z.number().int(),
  heightMm: z.number().int(),
  maxWeightG: z.number().int()
})
export type BoxPreset = z.infer<typeof BoxPreset>

export const BoxPresetInput = z.strictObject({
  id: id.optional(),
  name: z.string().trim().min(1).max(60),
  lengthMm: mm,
  widthMm: mm,
  heightMm: mm,
  maxWeightG: z.number().int().min(100, 'at least 100 g').max(1_000_000)
})

export const SaveBoxRequest = z.strictObject({
  orderId: id,
  /** Used when Save confirms the open box: a preset, or custom dimensions. */
  presetId: id.optional(),
  dimensionsMm: z.strictObject({ length: mm, width: mm, height: mm }).optional(),
  weightG: z.number().int().min(1).max(1_000_000).optional()
})

/** A box or unit action's answer: what it did in words, and what it changed on the order. */
export const ActionResult = z.object({ message: z.string(), words: Words.optional(), change: OrderDelta })
export type ActionResult = z.infer<typeof ActionResult>

export const ShortShipmentCheck = z.object({ allowed: z.boolean(), why: z.string().nullable(), whyWords: z.array(Sentence).optional() })

export const ConfirmRequest = z.strictObject({
  orderId: id,
  /** Ship a bulk `partial` order short: a shift lead approves, and says whether the rest stays open in the OMS. */
  short: z.strictObject({ approval: Approval, remainder: z.enum(['open', 'closed']) }).optional()
})

const approved = { approval: Approval, reason }

export const packingChannels = {
  'packing:save': { args: SaveBoxRequest, result: SaveResult },
  'packing:confirmation': { args: OrderRef, result: PackingConfirmation },
  'packing:confirm': { args: ConfirmRequest, result: OrderDetail },
  'packing:reopenBox': { args: z.strictObject({ orderId: id, boxId: z.string().max(64) }), result: ActionResult },
  'packing:removeUnit': { args: z.strictObject({ orderId: id, unitId: z.string().max(64), ...approved }), result: ActionResult },
  'packing:voidBox': { args: z.strictObject({ orderId: id, boxId: z.string().max(64), ...approved }), result: ActionResult },
  'packing:unpack': {
    args: z.strictObject({ orderId: id, serial: z.string().max(4096).optional(), unitId: z.string().max(64).optional() }),
    result: ActionResult.extend({ remaining: z.number().int() })
  },
  'packing:shortShipment': { args: z.strictObject({ orderId: id }), result: ShortShipmentCheck },

  'presets:list': { args: none, result: z.array(BoxPreset) },
  'presets:save': { args: BoxPresetInput.extend({ approval: Approval }), result: BoxPreset },
  'presets:delete': { args: z.strictObject({ id, approval: Approval }), result: z.null() }
} as const
