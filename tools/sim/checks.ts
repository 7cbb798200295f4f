// The warehouse's invariants, checked on the OMS's accepted state (read from
// the stand-in's admin routes) and on every station's final state (its own
// database): no order packed twice, no IMEI live in two orders, every event
// accepted exactly once, the OMS's totals equal the stations', every
// rejection shown at its station, nothing lost at a restart, every cut
// drained. A station whose packing the OMS rejected passes only when it shows
// the rejection: a conflict, never a silent loss. Pure functions: a doctored
// state fails them (test/sim/checks.test.ts).
import type { OmsView } from './omsView'
import { serialsOf } from './audit'
import type { StationAudit } from './protocol'

export type StationFinal = {
  name: string
  audit: StationAudit
  /** Rejected events the station's shift lead sees on the Sync screen (sync:rejectedEvents). */
  rejectedShown: number
  /** The events behind the serial conflicts its shift lead sees (ledger:conflicts); null where the station has no serial ledger. */
  serialConflicts: string[] | null
}

export type CheckInput = {
  /** Ordered quantity per OMS order id. */
  ordered: Map<string, number>
  stations: StationFinal[]
  oms: OmsView
  /** The stations answered claims:open (order claims are in place). */
  orderClaims: boolean
  /** The collision the day played with an order, in words ("opened again at Station 2 after Station 1 packed it"), by OMS order id. */
  collisions: Map<string, string>
  lostScans: string[]
  problems: string[]
  restarts: { planned: number; done: number }
  cuts: { station: string; drainMs: number | null }[]
}

export type Check = { name: string; pass: boolean; details: string[] }

const MAX_DETAILS = 8

function check(name: string, failures: string[]): Check {
  const details =
    failures.length > MAX_DETAILS ? [...failures.slice(0, MAX_DETAILS), `… and ${failures.length - MAX_DETAILS} more`] : failures
  return { name, pass: failures.length === 0, details }
}

const countBy = <T>(items: T[], key: (item: T) => string): Map<string, T[]> => {
  const map = new Map<string, T[]>()
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item])
  return map
}

export function runChecks(input: CheckInput): Check[] {
  return [
    noOrderPackedTwice(input),
    noImeiLiveTwice(input),
    everyEventAcceptedOnce(input),
    totalsAgree(input),
    rejectionsShown(input),
    nothingLost(input),
    cutsDrained(input),
    noUnexplainedRefusals(input)
  ]
}

/** The OMS accepted one packing per order, never more units than ordered; a second station that packed it shows a rejection. */
export function noOrderPackedTwice({ oms, ordered, stations, orderClaims, collisions }: CheckInput): Check {
  const failures: string[] = []
  const played = (order: string) => (collisions.has(order) ? ` (${collisions.get(order)})` : '')
  const packed = countBy(
    oms.events.filter((e) => e.type === 'order.packed'),
    (e) => e.omsOrderId ?? ''
  )
  for (const [order, events] of packed) {
    if (events.length > 1)
      failures.push(
        `the OMS accepted ${order} as packed ${events.length} times (stations ${events.map((e) => e.stationId).join(', ')})${played(order)}`
      )
  }
  const units = new Map<string, number>()
  for (const e of oms.events.filter((e) => e.type === 'box.confirmed')) {
    units.set(e.omsOrderId ?? '', (units.get(e.omsOrderId ?? '') ?? 0) + serialsOf(e.payload).length)
  }
  for (const [order, n] of units) {
    const quantity = ordered.get(order)
    if (quantity !== undefined && n > quantity) failures.push(`the OMS accepted ${n} units for ${order}, ordered ${quantity}`)
  }
  const packedAt = new Map<string, string[]>()
  for (const s of stations) {
    for (const o of s.audit.orders.filter((o) => o.status === 'packed' || o.status === 'shipped')) {
      const rejected = s.audit.outbox.some((e) => e.omsOrderId === o.omsOrderId && e.rejected)
      if (!rejected) packedAt.set(o.omsOrderId, [...(packedAt.get(o.omsOrderId) ?? []), s.name])
    }
  }
  for (const [order, names] of packedAt) {
    if (names.length > 1) failures.push(`${order} is packed at ${names.join(' and ')} and none of them shows a rejection`)
  }
  if (failures.length > 0 && !orderClaims) {
    failures.unshift('the stations have no order claims (claims:open is not a channel): nothing refuses a second station an order')
  }
  return check('no order packed twice', failures)
}

/** An IMEI is in one order in the OMS; live in two orders at the stations only where one of them shows the rejection. */
export function noImeiLiveTwice({ oms, stations }: CheckInput): Check {
  const failures: string[] = []
  const inOms = new Map<string, Set<string>>()
  for (const e of oms.events.filter((e) => e.type === 'box.confirmed')) {
    for (const serial of serialsOf(e.payload))
      inOms.set(serial, new Set([...(inOms.get(serial) ?? []), `${e.omsOrderId} at ${e.stationId}`]))
  }
  for (const [serial, places] of inOms) {
    if (places.size > 1) failures.push(`the OMS accepted IMEI ${serial} in ${[...places].join(' and in ')}`)
  }
  const live = new Map<string, string[]>()
  for (const s of stations) {
    const rejectedSerials = new Set(s.audit.outbox.filter((e) => e.rejected).flatMap((e) => e.serials))
    for (const unit of s.audit.units) {
      if (unit.orderStatus === 'cancelled' || rejectedSerials.has(unit.serial)) continue
      live.set(unit.serial, [...(live.get(unit.serial) ?? []), `${unit.omsOrderId} at ${s.name}`])
    }
  }
  for (const [serial, places] of live) {
    if (places.length > 1) failures.push(`IMEI ${serial} is live in ${places.join(' and in ')}, and no station shows a rejection`)
  }
  return check('no IMEI live in two orders', failures)
}

/** Every event a station wrote was answered: accepted once (or rejected, and shown); the OMS applied nothing twice and nothing unknown. */
export function everyEventAcceptedOnce({ oms, stations }: CheckInput): Check {
  const failures: string[] = []
  const accepted = countBy(oms.events, (e) => e.id)
  for (const [id, events] of accepted) if (events.length > 1) failures.push(`the OMS applied event ${id} ${events.length} times`)
  if (oms.tally.accepted !== oms.events.length)
    failures.push(`the OMS counted ${oms.tally.accepted} acceptances for ${oms.events.length} events`)
  const rejected = new Set(oms.rejections.map((r) => r.id))
  const known = new Set<string>()
  for (const s of stations) {
    for (const e of s.audit.outbox) {
      known.add(e.id)
      const there = accepted.get(e.id)?.[0]
      if (e.sent && !there) failures.push(`${s.name}: event ${e.id} (${e.type}) is marked sent, but the OMS does not have it`)
      if (e.sent && there && there.stationId !== s.audit.stationId)
        failures.push(`${s.name}: event ${e.id} is in the OMS under ${there.stationId}`)
      if (e.rejected && there) failures.push(`${s.name}: event ${e.id} is marked rejected, but the OMS accepted it`)
      if (e.rejected && !rejected.has(e.id)) failures.push(`${s.name}: event ${e.id} is marked rejected, but the OMS never rejected it`)
      if (!e.sent && !e.rejected) failures.push(`${s.name}: event ${e.id} (${e.type}) was never answered`)
    }
  }
  for (const id of accepted.keys()) if (!known.has(id)) failures.push(`the OMS accepted event ${id}, which no station wrote`)
  return check('every event accepted exactly once', failures)
}

/** Per station and for the warehouse: events, units and packed orders the OMS accepted equal what the stations hold. */
export function totalsAgree({ oms, stations }: CheckInput): Check {
  const failures: string[] = []
  let stationUnits = 0
  let omsUnits = 0
  for (const s of stations) {
    const fromOms = oms.events.filter((e) => e.stationId === s.audit.stationId)
    const sent = s.audit.outbox.filter((e) => e.sent)
    const figures: [string, number, number][] = [
      ['events', sent.length, fromOms.length],
      ['units', count(sent, 'box.confirmed', (e) => e.serials.length), count(fromOms, 'box.confirmed', (e) => serialsOf(e.payload).length)],
      ['packed orders', count(sent, 'order.packed'), count(fromOms, 'order.packed')]
    ]
    for (const [what, here, there] of figures)
      if (here !== there) failures.push(`${s.name}: ${here} ${what} accepted here, ${there} in the OMS`)
    // Every unit the station holds in a confirmed box was reported: accepted, or rejected and shown.
    const boxed = s.audit.units.filter((u) => u.boxStatus === 'confirmed').length
    const reported = count(s.audit.outbox, 'box.confirmed', (e) => e.serials.length)
    if (boxed !== reported) failures.push(`${s.name}: ${boxed} units in confirmed boxes, ${reported} reported in box.confirmed events`)
    stationUnits += count(sent, 'box.confirmed', (e) => e.serials.length)
    omsUnits += count(fromOms, 'box.confirmed', (e) => serialsOf(e.payload).length)
  }
  const unknown = oms.events.filter((e) => !stations.some((s) => s.audit.stationId === e.stationId))
  if (unknown.length > 0) failures.push(`the OMS holds ${unknown.length} events of stations the simulation did not run`)
  if (stationUnits !== omsUnits) failures.push(`warehouse: ${stationUnits} units accepted at the stations, ${omsUnits} in the OMS`)
  return check("the stand-in's totals equal the stations'", failures)
}

function count<T extends { type: string }>(events: T[], type: string, weight: (e: T) => number = () => 1): number {
  return events.filter((e) => e.type === type).reduce((sum, e) => sum + weight(e), 0)
}

/** What the OMS rejected reaches the station's shift lead, with the OMS's reason: never a silent loss. */
export function rejectionsShown({ oms, stations }: CheckInput): Check {
  const failures: string[] = []
  const atStations = new Map(stations.flatMap((s) => s.audit.outbox.filter((e) => e.rejected).map((e) => [e.id, { s, e }] as const)))
  for (const r of new Map(oms.rejections.map((r) => [r.id, r])).values()) {
    const here = atStations.get(r.id)
    if (!here) failures.push(`the OMS rejected event ${r.id} (${r.reason}), and no station shows it`)
    else if (here.e.rejectReason !== r.reason)
      failures.push(`${here.s.name}: event ${r.id} shows "${here.e.rejectReason}", the OMS said "${r.reason}"`)
  }
  for (const s of stations) {
    const rows = s.audit.outbox.filter((e) => e.rejected)
    if (s.rejectedShown !== rows.length)
      failures.push(`${s.name}: ${rows.length} rejected events, the shift lead's Sync screen lists ${s.rejectedShown}`)
    if (s.serialConflicts === null) continue
    // A rejection naming a serial still live here is a serial conflict the shift lead resolves.
    const live = new Set(s.audit.units.map((u) => u.serial))
    for (const e of rows) {
      const named = e.serials.filter((serial) => live.has(serial) && e.rejectReason?.includes(serial))
      if (named.length > 0 && !s.serialConflicts.includes(e.id))
        failures.push(`${s.name}: ${named.join(', ')} rejected by the OMS and live here, not listed as a serial conflict`)
    }
  }
  return check('every rejection shown to a shift lead', failures)
}

export function nothingLost({ lostScans, restarts }: CheckInput): Check {
  const failures = lostScans.map((l) => `answered OK before a restart, missing after: ${l}`)
  if (restarts.done < restarts.planned) failures.push(`${restarts.done} of ${restarts.planned} planned restarts took place`)
  return check('nothing lost at a restart', failures)
}

export function cutsDrained({ cuts }: CheckInput): Check {
  return check(
    'every cut drained',
    cuts.filter((c) => c.drainMs === null).map((c) => `${c.station}: events still waiting after the network came back`)
  )
}

export function noUnexplainedRefusals({ problems }: CheckInput): Check {
  return check('operators met no unexplained refusal', problems)
}
