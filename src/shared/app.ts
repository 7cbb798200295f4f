// The station itself: what it is (version, id, data folder, how much it
// holds) and the sample data a new station can load from its first screen.
import { z } from 'zod'
import { ImportSummary } from './orders'
import { none } from './primitives'

export const AppInfo = z.object({
  version: z.string(),
  stationId: z.string(),
  dataDir: z.string(),
  orderCount: z.number().int(),
  operatorCount: z.number().int()
})
export type AppInfo = z.infer<typeof AppInfo>

export const appChannels = {
  'app:info': { args: none, result: AppInfo },
  'app:loadSampleData': { args: none, result: ImportSummary }
} as const
