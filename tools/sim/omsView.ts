// What the stand-in OMS holds at the end of a run, read over HTTP from its
// admin routes (GET /admin/events), not from its internals: the events it
// accepted, its tally of answers, and the rejections with their reasons.
import { z } from 'zod'

const Accepted = z.object({
  id: z.string(),
  type: z.string(),
  stationId: z.string(),
  omsOrderId: z.string().nullable(),
  payload: z.unknown()
})

export const OmsView = z.object({
  events: z.array(Accepted),
  tally: z.object({ accepted: z.number(), duplicate: z.number(), rejected: z.number() }),
  rejections: z.array(z.object({ id: z.string(), reason: z.string() }))
})
export type OmsView = z.infer<typeof OmsView>

export async function readOmsView(omsUrl: string): Promise<OmsView> {
  const answer = await fetch(`${omsUrl}/admin/events`)
  if (!answer.ok) throw new Error(`GET ${omsUrl}/admin/events answered ${answer.status}`)
  return OmsView.parse(await answer.json())
}
