// Setting a simulated station up the way IT does on its first-run guide:
// name it, give it the OMS address (its own network link) and token, create
// the first shift lead, who then adds the packing operator (approved with
// badge and PIN); then wait until the station has pulled the day's orders,
// and the shift lead assigns the packer the orders planned for this station
// (Assign Operator), as a shift lead hands out the day's work.
import type { OrderPage } from '../../src/shared/orders'
import type { Job } from './plan'
import type { StationHandle } from './stationHandle'

export const LEAD_PIN = '2468'

export type StationPeople = { lead: { badgeCode: string; pin: string }; packer: { badgeCode: string } }

export const peopleOf = (n: number): StationPeople => ({
  lead: { badgeCode: `LEAD-${n}`, pin: LEAD_PIN },
  packer: { badgeCode: `PACK-${n}` }
})

/** "Station 3": the name the station is known by in the warehouse (and in another station's refusal). */
export const stationName = (n: number): string => `Station ${n}`

export async function call<T = unknown>(station: StationHandle, channel: string, args: unknown = {}): Promise<T> {
  const envelope = await station.call(channel, args)
  if (!envelope.ok) throw new Error(`${station.name}: ${channel} refused: ${envelope.error.code}: ${envelope.error.message}`)
  return envelope.value as T
}

export type SetUp = { n: number; omsUrl: string; token: string; orders: number; jobs: Job[] }

export async function setUpStation(station: StationHandle, { n, omsUrl, token, orders, jobs }: SetUp): Promise<void> {
  const { lead, packer } = peopleOf(n)
  await call(station, 'firstRun:saveStation', { stationId: station.stationId, stationName: stationName(n) })
  await call(station, 'firstRun:saveOms', { omsUrl, token })
  await call(station, 'operators:create', { name: `Lead ${n}`, badgeCode: lead.badgeCode, role: 'shift_lead', pin: lead.pin })
  await call(station, 'operators:signIn', lead)
  const { id: packerId } = await call<{ id: number }>(station, 'operators:create', {
    name: `Packer ${n}`,
    badgeCode: packer.badgeCode,
    role: 'operator',
    approval: lead
  })
  await waitForOrders(station, orders)
  await assignJobs(
    station,
    n,
    packerId,
    jobs.filter((j) => j.assigned)
  )
  await signInPacker(station, n)
}

/** Assign Operator: the packer packs the station's own jobs (found through the orders list, 500 at a time). */
async function assignJobs(station: StationHandle, n: number, packerId: number, jobs: Job[]): Promise<void> {
  const wanted = new Set(jobs.map((j) => j.omsOrderId))
  const ids: number[] = []
  let cursor: OrderPage['nextCursor'] = null
  do {
    const page: OrderPage = await call<OrderPage>(station, 'orders:list', { limit: 500, ...(cursor ? { cursor } : {}) })
    ids.push(...page.orders.filter((o) => wanted.has(o.omsOrderId)).map((o) => o.id))
    cursor = page.nextCursor
  } while (cursor)
  for (let i = 0; i < ids.length; i += 500) {
    await call(station, 'assignments:assign', { orderIds: ids.slice(i, i + 500), packing: packerId, approval: peopleOf(n).lead })
  }
}

export async function signInPacker(station: StationHandle, n: number): Promise<void> {
  await call(station, 'operators:signIn', peopleOf(n).packer)
}

/** Sync now until the station holds `orders` orders (the pull goes through the station's import). */
export async function waitForOrders(station: StationHandle, orders: number, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const info = await call<{ orderCount: number }>(station, 'app:info')
    if (info.orderCount >= orders) return
    if (Date.now() > until) throw new Error(`${station.name} holds ${info.orderCount} of ${orders} orders after ${timeoutMs} ms`)
    await call(station, 'sync:now')
  }
}
