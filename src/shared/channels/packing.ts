// The packing workflows beyond the first slice (SPEC §1, §3, §4, §6): non-
// serialized units, box dimensions and presets, reopen / remove / void with a
// shift lead's approval, unpacking a cancelled order, shipping short, holds,
// and the station settings that steer scanning.
import { z } from 'zod'
import { Approval, OrderDetail, ScanResult } from '../schemas'
import { none } from './none'

const id = z.number().int().positive()
const reason = z.string().trim().min(3, 'Give a reason (a few words)').max(200)
const mm = z.number().int().min(10, 'at least 10 mm').max(3000, 'at most 3 m')

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

export const AddUnitsRequest = z
  .strictObject({
    orderId: id,
    barcode: z.string().max(4096).optional(),
    orderLineId: id.optional(),
    quantity: z.number().int().min(1, 'at least 1').max(10_000).optional()
  })
  .refine((r) => r.barcode !== undefined || r.orderLineId !== undefined, 'Scan a product barcode or choose a line and a quantity')

export const ActionResult = z.object({ message: z.string(), order: OrderDetail })
export type ActionResult = z.infer<typeof ActionResult>

export const ShortShipmentCheck = z.object({ allowed: z.boolean(), why: z.string().nullable() })

export const ConfirmRequest = z.strictObject({
  orderId: id,
  /** Ship a bulk `partial` order short: a shift lead approves, and says whether the rest stays open in the OMS. */
  short: z.strictObject({ approval: Approval, remainder: z.enum(['open', 'closed']) }).optional()
})

export const StationSettings = z.strictObject({
  handEntryPolicy: z.enum(['allowed', 'approval', 'refused']),
  feedbackVolume: z.number().min(0).max(1),
  /** Operators sign in with a PIN too (shift leads always do). */
  operatorSignInPin: z.boolean()
})
export type StationSettings = z.infer<typeof StationSettings>

const approved = { approval: Approval, reason }

export const packingChannels = {
  'scanning:addUnits': { args: AddUnitsRequest, result: ScanResult },

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
  'presets:delete': { args: z.strictObject({ id, approval: Approval }), result: z.null() },

  'orders:hold': { args: z.strictObject({ orderId: id, ...approved }), result: OrderDetail },
  'orders:release': { args: z.strictObject({ orderId: id, ...approved }), result: OrderDetail },

  'settings:station': { args: none, result: StationSettings },
  'settings:saveStation': { args: StationSettings.extend({ approval: Approval }), result: StationSettings }
} as const
