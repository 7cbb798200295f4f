// The first-run guide (issue 12): on a station with no operators yet, IT names
// the station, gives the GS1 company prefix and the OMS, then creates the
// first shift lead. These channels answer only while the station has no
// operators (the `firstRun` access of src/shared/access.ts): once the first
// shift lead exists, the same settings change only with a shift lead's approval.
import { z } from 'zod'
import { Gs1Settings } from './labels'
import { omsUrlProblem } from './omsUrl'
import { none } from './primitives'
import { StationIdText, StationNameText } from './settingsFile'

export const FirstRunState = z.object({
  /** The station id stored now (what the guide shows). */
  stationId: z.string(),
  /** The id the running station uses: the stored one applies from the next start. */
  stationIdInUse: z.string(),
  stationName: z.string().nullable(),
  gs1: Gs1Settings.nullable(),
  omsUrl: z.string().nullable(),
  tokenStored: z.boolean(),
  orderCount: z.number().int()
})
export type FirstRunState = z.infer<typeof FirstRunState>

const blankIsNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v)

export const firstRunChannels = {
  'firstRun:state': { args: none, result: FirstRunState },
  'firstRun:saveStation': { args: z.strictObject({ stationId: StationIdText, stationName: StationNameText }), result: FirstRunState },
  'firstRun:saveGs1': { args: z.strictObject({ gs1: Gs1Settings.nullable() }), result: FirstRunState },
  'firstRun:saveOms': {
    args: z.strictObject({
      omsUrl: z.preprocess(
        blankIsNull,
        z
          .string()
          .max(500)
          .superRefine((url, ctx) => {
            const problem = omsUrlProblem(url)
            if (problem) ctx.addIssue({ code: 'custom', message: problem })
          })
          .nullable()
      ),
      token: z.string().trim().min(1).max(4096).optional()
    }),
    result: FirstRunState
  }
} as const
