// Station settings that steer scanning and sign-in (SPEC §2, §5): the
// hand-entry policy, the feedback volume, and whether operators sign in with a PIN.
import { z } from 'zod'
import { Approval } from './operators'
import { none } from './primitives'

export const StationSettings = z.strictObject({
  handEntryPolicy: z.enum(['allowed', 'approval', 'refused']),
  feedbackVolume: z.number().min(0).max(1),
  /** Operators sign in with a PIN too (shift leads always do). */
  operatorSignInPin: z.boolean()
})
export type StationSettings = z.infer<typeof StationSettings>

export const settingsChannels = {
  'settings:station': { args: none, result: StationSettings },
  'settings:saveStation': { args: StationSettings.extend({ approval: Approval }), result: StationSettings }
} as const
